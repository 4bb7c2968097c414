/**
 * Kinds of report that staff write without the usual report words: calls for violence against people or an
 * institution, warnings to watch out on the way home, "blir …ad" with the subject left out, credentials given
 * on a look-alike page, and a false announcement in the organisation's name. Each kind also has questions
 * that share its words and must stay questions.
 */
import path from 'node:path';
import { IntentClassifier } from '../../../src/core/intents/intentClassifier';
import { loadIntentCues } from '../../../src/core/intents/intentCues';
import { REPO_ROOT } from '../../../src/core/i18n';

const classifier = new IntentClassifier(loadIntentCues(path.join(REPO_ROOT, 'content', 'intents.yaml')));

describe('calls for violence and warnings are threats', () => {
  it.each([
    ['sv', 'någon skrev i vår facebookgrupp att man borde bränna ner skolan'],
    ['sv', 'i en tråd skriver folk att stadshuset ska sprängas'],
    ['sv', 'en person skrev att kommundirektören borde skjutas'],
    ['sv', 'kommentar på insta: skjut alla politiker i fullmäktige'],
    ['sv', 'fick ett meddelande att jag ska vara försiktig när jag går hem ikväll'],
    ['fi', 'joku kirjoitti facebookissa että koko valtuusto pitäisi hirttää'],
    ['fi', 'keskustelupalstalla sanottiin että koulu pitäis polttaa maan tasalle'],
    ['fi', 'somessa joku vaati että polttakaa virasto'],
    ['fi', 'sain viestin että mun kannattais olla varovainen kotimatkalla'],
    ['fi', 'anonyymi tili kirjoitti että sun pitää varoa'],
  ])('%s: %s', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('report:threat');
  });

  it.each([
    ['sv', 'Kan vi skjuta upp publiceringen till måndag?'],
    ['sv', 'skjut upp inlägget till nästa vecka'],
    ['sv', 'Man bör vara försiktig med länkar i mejl'],
    ['sv', 'Behöver jag vara försiktig med vad jag skriver efter jobbet?'],
    ['fi', 'kannattaa varoa mitä kirjoittaa somessa'],
    ['fi', 'Voiko polttaa tupakkaa työpaikalla'],
    ['fi', 'Pitääkö olla varovainen kun julkaisee kuvia lapsista?'],
  ])('%s: %s stays a question', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});

describe('"blir" with a participle and no subject tells', () => {
  it.each([
    ['blir trakasserad av en följare varje kväll', 'report:harassment'],
    ['blir kallad hora i kommentarerna', 'report:harassment'],
    ['blir uthängd i en facebookgrupp', 'report:harassment'],
  ])('%s → %s', (text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each([
    'Blir det fel om jag delar kommunens inlägg privat?',
    'Blir inlägget godkänt av kommunikationen först',
    'Blir jag ansvarig för kommentarer på vår sida?',
    // With a closing "?" it stays a question.
    'blir hotad anställd skyddad av arbetsgivaren?',
  ])('%s stays a question', (text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});

describe('credentials given on a look-alike page are phishing', () => {
  it.each([
    ['sv', 'råkade fylla i mitt lösenord på en falsk sida'],
    ['sv', 'skrev in mina bankuppgifter på en sajt som såg ut som kommunens'],
    ['sv', 'klickade på en länk och fyllde i mina uppgifter, nu är jag orolig'],
    ['fi', 'syötin vahingossa tunnukseni sivulle joka näytti ihan o365:ltä'],
    ['fi', 'laitoin tunnukset sivulle joka näytti microsoftin kirjautumiselta'],
  ])('%s: %s', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('report:phishing');
  });

  it.each([
    ['sv', 'Vilka uppgifter får jag skriva in i ett formulär på nätet?'],
    ['sv', 'Jag vill fylla i mina uppgifter i personalsystemet, var gör jag det'],
    ['fi', 'Täytin tiedot lomakkeeseen, miten näen hakemuksen'],
    ['fi', 'Mitä tietoja saa syöttää verkkolomakkeelle?'],
  ])('%s: %s stays a question', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});

describe('a false announcement in the organisation’s name is false claims, offered', () => {
  it.each([
    ['sv', 'ett falskt pressmeddelande i kommunens namn sprids på facebook'],
    ['sv', 'nån har lagt ut ett fejkat beslut om att simhallen stängs'],
    ['fi', 'joku levittää valetiedotetta kaupungin nimissä'],
    ['fi', 'feikki päätös uimahallin sulkemisesta kiertää somessa'],
  ])('%s: %s', (_lang, text) => {
    const result = classifier.classify(text);
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'misinformation' });
  });

  it.each([
    ['sv', 'Vem godkänner pressmeddelanden?'],
    ['sv', 'Får jag dela kommunens pressmeddelande på mitt eget konto?'],
    ['fi', 'Kuka hyväksyy tiedotteet?'],
    ['fi', 'Miten teen lehdistötiedotteen kunnan nimissä?'],
  ])('%s: %s is a question with no offer', (_lang, text) => {
    const result = classifier.classify(text);
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toBeUndefined();
  });
});

describe('narrative words keep their diacritics', () => {
  it('"vara" (be) is not "våra" (our): a remark with one hint is no first-person account', () => {
    expect(classifier.classify('Man bör vara försiktig med länkar').intent).toBe('question');
    // One hint in a first-person account is enough; "våra" makes it one.
    expect(classifier.classify('det har kommit länkar under våra inlägg').intent).toBe('report:phishing');
  });
});

describe('a report with its subject left out after "får" or "kan inte" tells', () => {
  it.each([
    ['får massa hatmeddelanden sen jag var med i tidningen', 'report:harassment'],
    ['får hela tiden sexuella kommentarer från samma konto', 'report:harassment'],
    ['får konstiga samtal från dolt nummer varje natt', 'report:harassment'],
    ['kan inte logga in på kommunens insta längre och lösenordet är ändrat', 'report:identity_theft'],
  ])('%s → %s', (text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each(['Får anställda gilla kommunens inlägg privat?', 'Kan inte kommunen ta bort hatkommentarer?', 'Får hela personalen dela inlägget?'])(
    '%s stays a question',
    (text) => {
      expect(classifier.classify(text).intent).toBe('question');
    },
  );
});

describe('other kinds told without report words', () => {
  it.each([
    ['sv', 'en förälder skrev att hon ska komma till skolan och ta itu med mig', 'report:threat'],
    ['sv', 'han sa att jag inte ska känna mig säker', 'report:threat'],
    ['sv', 'någon ringde och sa att de vet vilken förskola mitt barn går på', 'report:threat'],
    ['fi', 'se sanoi etten ole turvassa', 'report:threat'],
    ['fi', 'vanhempi kirjoitti että tulee kouluun selvittämään asiat mun kanssa', 'report:threat'],
    ['fi', 'meinas lyödä mua kokouksen jälkeen', 'report:threat'],
    ['sv', 'nån filmade mig på jobbet och la ut det på tiktok', 'report:harassment'],
    ['fi', 'joku kuvasi mua töissä ja laittoi sen tiktokiin', 'report:harassment'],
    ['sv', 'en kvinna skickar bilder av mig till min chef och skriver lögner', 'report:harassment'],
    ['sv', 'någon har tagit över vår facebooksida', 'report:identity_theft'],
    ['sv', 'mitt ansikte används i en falsk annons', 'report:identity_theft'],
    ['fi', 'mun kasvoja käytetään feikkimainoksessa', 'report:identity_theft'],
    ['sv', 'det cirkulerar en skärmdump av ett mejl som jag aldrig skrivit', 'report:identity_theft'],
  ])('%s: %s → %s', (_lang, text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each([
    ['sv', 'en bot sprider att badhuset har legionella'],
    ['fi', 'botti levittää että uimahallissa on legionellaa'],
  ])('%s: %s is false claims, offered', (_lang, text) => {
    expect(classifier.classify(text).possibleReport).toEqual({ category: 'misinformation' });
  });

  it.each([
    ['sv', 'skrev fel siffror i ett inlägg, vad gör jag nu'],
    ['fi', 'Miten toimin jos joku yrittää lyödä?'],
    ['fi', 'Onko kuntalaisten tiedot turvassa?'],
    ['sv', 'Får kommunen lägga upp en bild på mig utan lov?'],
  ])('%s: %s is no report', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});

describe('wishes of harm, pile-ons and pretending to be someone', () => {
  it.each([
    ['sv', 'kommentar under bilden: "hoppas ni brinner"', 'report:threat'],
    ['sv', 'dm: "hoppas du dör"', 'report:threat'],
    ['sv', 'någon skrev "vi kommer för er" under rekryteringsannonsen', 'report:threat'],
    ['fi', 'kommentti: "toivottavasti kuolet"', 'report:threat'],
    ['sv', 'ett gäng trollkonton kör ett drev mot vår rektor', 'report:harassment'],
    ['fi', 'mun instaan tulee vihaisia viestejä', 'report:harassment'],
    ['fi', 'joku esittää mua instassa', 'report:identity_theft'],
  ])('%s: %s → %s', (_lang, text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each([
    ['sv', 'Hur bemöter vi arga meddelanden?'],
    ['sv', 'Hur hanterar vi drevet i sociala medier'],
    ['sv', 'Får vi skriva "grattis" i kommentarerna?'],
  ])('%s: %s stays a question', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});

describe('leaked passwords, posts that appear and copied pages are account incidents', () => {
  it.each([
    ['fi', 'salasana vuoti netissä'],
    ['sv', 'vårt lösen ligger ute på nätet'],
    ['fi', 'instan salasana ei käy ja sähköposti vaihdettu'],
    ['fi', 'sivullemme ilmestyi postauksia arabiaksi'],
    ['sv', 'det har dykt upp inlägg på ryska på vår sida'],
    ['fi', 'joku on kopioinut meidän sivun ja pyytää rahaa'],
    ['sv', 'någon har kopierat vår sida och ber om swish'],
  ])('%s: %s', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('report:identity_theft');
  });

  it.each([
    ['sv', 'Vad gör vi om ett lösenord har läckt?'],
    ['fi', 'Mitä teen jos salasana on vuotanut?'],
    ['sv', 'Får vi ha kopia av vår logga på privata konton?'],
  ])('%s: %s stays a question', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});

describe('an account changed by itself and a ransom screen', () => {
  it.each([
    ['fi', 'koulun instan nimi ja profiilikuva vaihtui', 'report:identity_theft'],
    ['sv', 'skärmen blev svart och nu kräver de pengar', 'report:malware'],
    ['fi', 'näyttö meni mustaksi ja vaativat rahaa', 'report:malware'],
  ])('%s: %s → %s', (_lang, text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each([
    ['fi', 'tilin nimi ja profiilikuva pitää olla kunnan mukainen'],
    ['sv', 'Kräver kommunen pengar för bilder?'],
  ])('%s: %s stays a question', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });
});
