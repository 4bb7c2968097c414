import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { IntentClassifier } from '../../../src/core/intents/intentClassifier';
import { loadIntentCues } from '../../../src/core/intents/intentCues';
import { REPO_ROOT } from '../../../src/core/i18n';

const classifier = new IntentClassifier(loadIntentCues(path.join(REPO_ROOT, 'content', 'intents.yaml')));

describe('IntentClassifier', () => {
  // Written for this test: each opens with a question word or a question marker of content/intents.yaml
  // (question_starters, question_openers) and has no "?"; without it the category word would make a report.
  it.each([
    ['fi', 'kehen otan yhteyttä jos kunnan sivu on kaapattu'],
    ['fi', 'keneen pitää olla yhteydessä jos sivu hakkeroidaan'],
    ['fi', 'ketä informoidaan jos joku uhkailee asiakaspalvelijaa'],
    ['fi', 'pitäiskö kaapattu tili ilmoittaa poliisille jos se tapahtuu'],
    ['fi', 'onkohan joku ohje siihen jos kunnan sivu on kaapattu'],
    ['fi', 'teoriassa jos joku uhkailee työntekijää somessa niin kuka hoitaa'],
    ['sv', 'hypotetiskt om min chef skulle trakassera mig på nätet vart vänder jag mig'],
    ['sv', 'e det polisen man ringer om kontot blir hackat'],
    ['sv', 'undrar om man ska polisanmäla om någon hotar en kollega'],
  ])('%s: a question opened by a question word ("%s") is not a report', (_lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });

  it.each([
    ['sv', 'Någon skriver att han ska slå ihjäl mig, jag är rädd. Han hotar mig hela tiden.', 'report:threat'],
    ['fi', 'Joku uhkaa minua kommenteissa väkivallalla', 'report:threat'],
    ['sv', 'En person trakasserar mig i privata meddelanden', 'report:harassment'],
    ['fi', 'Sama tyyppi ahdistelee minua joka päivä Instagramissa', 'report:harassment'],
    ['sv', 'Vårt Instagramkonto är hackat, jag kommer inte in', 'report:identity_theft'],
    ['fi', 'Kunnan Facebook-sivu on kaapattu', 'report:identity_theft'],
    ['sv', 'Jag fick ett nätfiskemejl och angav mitt lösenord', 'report:phishing'],
    ['fi', 'Sain tietojenkalasteluviestin Messengerissä', 'report:phishing'],
    ['sv', 'Datorn har fått ett virus efter en länk på Facebook', 'report:malware'],
    ['fi', 'Koneelle tuli haittaohjelma somelinkistä', 'report:malware'],
    ['sv', 'jag vill göra en anmälan om hot', 'report:threat'],
    // A report verb in a question without "if" is still a report.
    ['fi', 'Kenelle ilmoitan? Sain juuri uhkausviestin', 'report:threat'],
    ['sv', 'Vem anmäler jag till? Vårt konto är hackat', 'report:identity_theft'],
    // "om" here means "about": still a report.
    ['sv', 'Hur gör jag en anmälan om ett hot jag fick i går?', 'report:threat'],
    ['sv', 'Jag vill anmäla om det hot jag fick', 'report:threat'],
  ])('%s: %s → %s', (lang, text, intent) => {
    expect(classifier.classify(text).intent).toBe(intent);
  });

  it.each([
    ['sv', 'Får jag installera appar som delas på sociala medier?'],
    ['sv', 'Hur ofta ska lösenorden bytas?'],
    ['fi', 'Saako valeprofiileja tehdä kunnan sivuille?'],
    ['fi', 'Kenelle ilmoitetaan jos saa uhkauksia?'],
    ['sv', 'Vilka hashtaggar använder kommunen?'],
    // Asking whom to report to *if* something happens is a question, report verb or not.
    ['fi', 'Kenelle ilmoitan, jos epäilen tietojenkalastelua kunnan sometilillä?'],
    ['sv', 'Vem ska jag anmäla till ifall någon hotar mig i kommentarerna?'],
    ['sv', 'Om jag skulle bli hotad, vem anmäler jag till?'],
    ['fi', 'Jos saan uhkauksen, kenelle ilmoitan?'],
    ['sv', 'Ifall någon hotar mig i kommentarerna, vem anmäler jag det till?'],
  ])('a question about the rules stays a question: %s', (lang, text) => {
    expect(classifier.classify(text).intent).toBe('question');
  });

  it('says which file and field is wrong in the cue words', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-intents-'));
    const file = path.join(dir, 'intents.yaml');
    fs.writeFileSync(file, 'report_verbs: {sv: [anmäla]}\nquestion_starters: {sv: [får]}\ncategories:\n  threat: {sv: [hot]}\n');
    expect(() => loadIntentCues(file)).toThrow(/intents\.yaml: field "categories\.harassment"/);
  });
});
