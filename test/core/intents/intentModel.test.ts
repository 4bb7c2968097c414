import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { IntentClassifier, MODEL_BANDS } from '../../../src/core/intents/intentClassifier';
import { loadIntentCues } from '../../../src/core/intents/intentCues';
import { loadIntentExamples } from '../../../src/core/intents/intentExamples';
import { IntentModel, MODEL_CLASSES, messageFeatures, packWeights, trainIntentModel, type SavedIntentModel } from '../../../src/core/intents/intentModel';
import { loadGuidelineContent } from '../../../src/core/guidelines/guidelineContent';
import { isContentError } from '../../../src/core/errors';
import { REPO_ROOT } from '../../../src/core/i18n';

const contentDir = path.join(REPO_ROOT, 'content');
const cues = loadIntentCues(path.join(contentDir, 'intents.yaml'));
const content = loadGuidelineContent(contentDir);
const model = trainIntentModel(content.intentExamples);
const classifier = new IntentClassifier(cues, model);
const cuesOnly = new IntentClassifier(cues);

describe('the intent model trained from content/intent-examples', () => {
  it('learns from the examples and from the guideline example questions', () => {
    expect(content.intentExamples.reports.length).toBeGreaterThan(300);
    expect(content.intentExamples.questions.length).toBeGreaterThan(100);
    expect(content.intentExamples.asked.length).toBeGreaterThan(1000);
  });

  // Messages written for this test (in no training or evaluation set) that tell only what the person sees,
  // with no word the cue lists know: the cues alone take them for questions.
  it.each([
    ['sv', 'lösenordet till kommunens tiktok går inte längre och profilbilden är ny'],
    ['fi', 'se odotti mun auton luona töiden jälkeen ja kirjotti et mun ei kannata tuntea oloa turvalliseks'],
  ])('a report told by its symptoms only is a report (%s): %s', (_lang, text) => {
    expect(cuesOnly.classify(text).intent).toBe('question');
    const result = classifier.classify(text);
    expect(result.intent).toMatch(/^report:/);
    expect(result.reportProbability).toBeGreaterThanOrEqual(MODEL_BANDS.report.told);
    expect(result.possibleReport).toBeUndefined();
    // hasReportCue reads the cue words only (the question log relies on that): the model does not change it.
    expect(classifier.hasReportCue(text)).toBe(cuesOnly.hasReportCue(text));
  });

  it.each([
    ['sv', 'vad räknas som olaga hot enligt riktlinjerna'],
    ['sv', 'hur skyddar vi kommunens konton mot kapning'],
    ['sv', 'får vi ta bort kommentarer där någon hotar personalen'],
    ['fi', 'mikä lasketaan uhkaukseksi ohjeiden mukaan'],
    ['fi', 'miten kunnan tilit suojataan kaappaukselta'],
  ])('a general question about threats or hacking is a question with nothing offered (%s): %s', (_lang, text) => {
    const result = classifier.classify(text);
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toBeUndefined();
    expect(result.reportProbability).toBeLessThan(MODEL_BANDS.offer);
  });

  it('keeps what the cues decide: hypothetical questions stay questions, journalists and false claims get the offer', () => {
    expect(classifier.classify('vad gör man om någon hotar en?').intent).toBe('question');
    expect(classifier.classify('Jos saan uhkauksen, kenelle ilmoitan?').intent).toBe('question');
    const journalist = classifier.classify('journalisten från lokaltidningen ringde mig igen idag');
    expect(journalist.intent).toBe('question');
    expect(journalist.possibleReport).toEqual({ category: 'media_contact' });
  });

  it('predicts from the words\' kept feature offsets exactly what the message\'s features give', () => {
    const trained = new IntentModel(model);
    const dir = path.join(REPO_ROOT, 'test', 'fixtures');
    const texts = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => (JSON.parse(line) as { q: string }).q);
    expect(texts.length).toBeGreaterThan(2000);
    // Twice: the second pass reads every word from what the first kept.
    for (let pass = 0; pass < 2; pass++) for (const text of texts) expect(trained.predict(text)).toEqual(trained.predictFeatures(messageFeatures(text)));
  });

  it('gives the same model from the same content', () => {
    expect(trainIntentModel(content.intentExamples)).toEqual(model);
  });

  it('marks the words of a message of several sentences by where they stand: the last sentence or before it', () => {
    const features = messageFeatures('Nån skrev att det är jag.\nFår jag radera den?');
    expect(features).toEqual(expect.arrayContaining(['multi', 'e:nan', 'e:jag', 'l:far', 'l:jag', 'l:radera', 'w:radera']));
    expect(features).not.toContain('e:radera');
    expect(features).not.toContain('l:skrev');
    // One sentence, or a full stop without a space after it ("2.5"), has no marks.
    expect(messageFeatures('Får jag radera den?').filter((f) => /^(multi|l:|e:)/.test(f))).toEqual([]);
    expect(messageFeatures('version 2.5 av appen').filter((f) => /^(multi|l:|e:)/.test(f))).toEqual([]);
  });

  it('reads letters without diacritics and inflected forms as the same pieces', () => {
    expect(messageFeatures('Säger')).toEqual(messageFeatures('sager'));
    const pieces = (text: string) => new Set(messageFeatures(text).filter((f) => f.startsWith('c:')));
    const shared = [...pieces('hakkeroitu')].filter((f) => pieces('hakkeroinu').has(f));
    expect(shared).toEqual(expect.arrayContaining(['c:<hak', 'c:hakk', 'c:kero']));
  });
});

/** A model with one known word per class, so each band of the combination can be reached exactly. */
function modelGiving(word: string, report: number, category: (typeof MODEL_CLASSES)[number]): SavedIntentModel {
  // One feature of the word counts (value 1): logit(category) - logit(question) = ln(p / (1 - p)).
  const weights = MODEL_CLASSES.map(() => -50);
  weights[0] = 0;
  weights[MODEL_CLASSES.indexOf(category)] = Math.log(report / (1 - report));
  return { classes: [...MODEL_CLASSES], bias: MODEL_CLASSES.map(() => 0), features: [`w:${word}`], weights };
}

describe('how the cues and the model decide together', () => {
  it.each([
    [0.95, 'report:harassment', undefined],
    [0.42, 'question', { category: 'harassment' }],
    [0.2, 'question', undefined],
  ])('a message the cues do not read, with report probability %s → %s', (p, intent, offer) => {
    const combined = new IntentClassifier(cues, modelGiving('zorblax', p, 'harassment'));
    const result = combined.classify('zorblax quim flarp');
    expect(result.reportProbability).toBeCloseTo(p, 5);
    expect(result.intent).toBe(intent);
    expect(result.possibleReport).toEqual(offer);
  });

  it('the middle band answers and offers the report: between the offer and the report thresholds', () => {
    const between = (MODEL_BANDS.offer + MODEL_BANDS.report.told) / 2;
    const result = new IntentClassifier(cues, modelGiving('zorblax', between, 'threat')).classify('zorblax quim flarp');
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'threat' });
  });

  it('a message asked as a question needs the higher threshold to be a report', () => {
    const p = (MODEL_BANDS.report.told + MODEL_BANDS.report.asked) / 2;
    const combined = new IntentClassifier(cues, modelGiving('zorblax', p, 'threat'));
    expect(combined.classify('zorblax quim flarp').intent).toBe('report:threat');
    const asked = combined.classify('zorblax quim flarp?');
    expect(asked.intent).toBe('question');
    expect(asked.possibleReport).toEqual({ category: 'threat' });
  });

  it('a hypothetical question is never a report by the model, only offered', () => {
    const combined = new IntentClassifier(cues, modelGiving('zorblax', 0.99, 'threat'));
    const result = combined.classify('vad gör jag om jag skulle få zorblax?');
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'threat' });
  });

  it('journalists and false claims the model finds are offered, never the dialog at once', () => {
    const result = new IntentClassifier(cues, modelGiving('zorblax', 0.99, 'media_contact')).classify('zorblax quim flarp');
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'media_contact' });
  });

  it('what the cues take for a report stays a report whatever the model says', () => {
    const combined = new IntentClassifier(cues, modelGiving('zorblax', 0.01, 'threat'));
    expect(combined.classify('Joku uhkaa minua kommenteissa väkivallalla').intent).toBe('report:threat');
  });

  it('refuses a saved model of other classes or of weights that do not fit its features', () => {
    expect(() => new IntentModel({ classes: ['question', 'threat'], bias: [0, 0], features: [], weights: [] })).toThrow(/classes/);
    const saved = modelGiving('zorblax', 0.5, 'threat');
    expect(() => new IntentModel({ ...saved, weights: saved.weights.slice(1) })).toThrow(/weights/);
    expect(() => new IntentModel({ ...saved, weights: packWeights((saved.weights as number[]).slice(1)) })).toThrow(/weights/);
  });

  it('saves its weights packed and reads them back to the same predictions as plain numbers', () => {
    expect(typeof model.weights).toBe('string');
    const plain = modelGiving('zorblax', 0.83, 'phishing');
    const packed = { ...plain, weights: packWeights(plain.weights as number[]) };
    for (const text of ['zorblax igen', 'ingenting alls']) expect(new IntentModel(packed).predict(text)).toEqual(new IntentModel(plain).predict(text));
  });
});

describe('content/intent-examples', () => {
  it('says which file and field is wrong', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-intent-examples-'));
    fs.writeFileSync(path.join(dir, 'sv.yaml'), 'reports:\n  threat: |\n    han hotar mig\n  spam: |\n    köp nu\nquestions: |\n  vad är hot\n');
    let error: unknown;
    try {
      loadIntentExamples(dir);
    } catch (err) {
      error = err;
    }
    expect(isContentError(error)).toBe(true);
    expect(String(error)).toMatch(/sv\.yaml: field "reports"/);
  });

  it('reads one message per line and no examples from a content folder without them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'somebot-intent-examples-'));
    expect(loadIntentExamples(path.join(dir, 'missing'))).toEqual({ reports: [], questions: [] });
    fs.writeFileSync(path.join(dir, 'fi.yaml'), 'reports:\n  threat: |\n    se uhkaa mua\n\n    tuli tappouhkaus\nquestions: |\n  mikä on uhkaus\n');
    expect(loadIntentExamples(dir)).toEqual({
      reports: [
        { text: 'se uhkaa mua', category: 'threat' },
        { text: 'tuli tappouhkaus', category: 'threat' },
      ],
      questions: ['mikä on uhkaus'],
    });
  });
});

/** A model that splits a report of `word` between categories: `shares` are the categories' probabilities given a report. */
function modelSplitting(word: string, report: number, shares: Partial<Record<(typeof MODEL_CLASSES)[number], number>>): SavedIntentModel {
  const weights = MODEL_CLASSES.map(() => -50);
  weights[0] = 0;
  for (const [category, share] of Object.entries(shares)) weights[MODEL_CLASSES.indexOf(category as (typeof MODEL_CLASSES)[number])] = Math.log((report * share) / (1 - report));
  return { classes: [...MODEL_CLASSES], bias: MODEL_CLASSES.map(() => 0), features: [`w:${word}`], weights };
}

describe('the category of a report when the cues and the model disagree', () => {
  // "hackat" is an identity-theft cue: the cues alone make this a report of identity theft.
  const hacked = 'någon har hackat kontot zorblax';

  it('a sure model names the category', () => {
    expect(cuesOnly.classify(hacked).intent).toBe('report:identity_theft');
    const sure = new IntentClassifier(cues, modelGiving('zorblax', 0.9, 'phishing'));
    expect(sure.classify(hacked).intent).toBe('report:phishing');
  });

  it('an unsure model leaves the cues their category', () => {
    const unsure = new IntentClassifier(cues, modelSplitting('zorblax', 0.9, { phishing: 0.5, malware: 0.5 }));
    expect(unsure.classify(hacked).intent).toBe('report:identity_theft');
  });

  it('a threat the cues see stays a threat, however sure the model is of another category', () => {
    const combined = new IntentClassifier(cues, modelGiving('zorblax', 0.99, 'harassment'));
    expect(combined.classify('Joku uhkaa minua kommenteissa väkivallalla zorblax').intent).toBe('report:threat');
  });

  it('a report the model is sure is about a journalist gets the answer with the report offered', () => {
    const result = new IntentClassifier(cues, modelGiving('zorblax', 0.99, 'media_contact')).classify(hacked);
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'media_contact' });
  });
});

describe('general questions about when to tell', () => {
  // Written for this test: a verb asked first, or a Finnish verb with the question ending, asks; the cue word in
  // it ("hackat", "kalastelua") must not make it a report.
  it.each([
    ['räcker det att jag tror att någon hackat kontot för att kontakta it-säkerhet?'],
    ['räknas det som hot om någon skriver att jag borde vara försiktig?'],
    ['riittääkö et mä epäilen kalastelua, et siitä pitää ilmottaa?'],
    ['auttaako jos poistan kommentin jossa mua uhataan?'],
  ])('%s is not a report', (text) => {
    expect(cuesOnly.classify(text).intent).toBe('question');
    expect(classifier.classify(text).intent).toBe('question');
  });

  it.each([['om någon skriver att de ska slå mig, ska jag anmäla det till polisen'], ['om nån hotar mig i kommentarerna, polisanmäler jag då?']])(
    'a question that opens with its condition (%s) is answered, not a report',
    (text) => {
      expect(cuesOnly.classify(text).intent).toBe('question');
      expect(classifier.classify(text, 'sv').intent).toBe('question');
    },
  );

  it('a name ending like a question ("Marko") does not make a report a question', () => {
    expect(cuesOnly.classify('Marko uhkas mua facessa tänään').intent).toBe('report:threat');
  });
});

describe('a condition inside what is told', () => {
  it('makes no hypothetical question: the report stands when the question is a sentence of its own', () => {
    const combined = new IntentClassifier(cues, modelGiving('zorblax', 0.95, 'threat'));
    expect(combined.classify('mitä teen? se kirjotti et zorblax jos en vastaa', 'fi').intent).toBe('report:threat');
    const hypothetical = combined.classify('mitä teen jos tulee zorblax?', 'fi');
    expect(hypothetical.intent).toBe('question');
    expect(hypothetical.possibleReport).toEqual({ category: 'threat' });
  });
});

describe('the band for a Finnish message asked as a question', () => {
  it('is lower than the Swedish one', () => {
    const p = (MODEL_BANDS.report.askedFi + MODEL_BANDS.report.asked) / 2;
    const combined = new IntentClassifier(cues, modelGiving('zorblax', p, 'threat'));
    expect(combined.classify('zorblax quim flarp?', 'fi').intent).toBe('report:threat');
    expect(combined.classify('zorblax quim flarp?', 'sv').intent).toBe('question');
    expect(combined.classify('zorblax quim flarp?').intent).toBe('question');
  });
});

describe('a message that asks and that the cues take for a report', () => {
  // Written for this test: "uhkausviestit" is a threat cue; the question is asked with a closing "?" only.
  const asked = 'uhkausviestit zorblax pitää säilyttää kuinka kauan?';
  const told = 'uhkausviestit zorblax pitää säilyttää kuinka kauan';

  it('is answered with the report offered when the model reads a question', () => {
    expect(cuesOnly.classify(asked).intent).toBe('report:threat');
    const combined = new IntentClassifier(cues, modelGiving('zorblax', MODEL_BANDS.cueReportAsked / 4, 'threat'));
    const result = combined.classify(asked, 'fi');
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'threat' });
  });

  it('stays a report when the model reads a report, or when it asks nothing', () => {
    const likely = new IntentClassifier(cues, modelGiving('zorblax', (MODEL_BANDS.cueReportAsked + 1) / 2, 'threat'));
    expect(likely.classify(asked, 'fi').intent).toBe('report:threat');
    const unlikely = new IntentClassifier(cues, modelGiving('zorblax', MODEL_BANDS.cueReportAsked / 4, 'threat'));
    expect(unlikely.classify(told, 'fi').intent).toBe('report:threat');
  });

  // Written for this test: a category word ("hackat", "kaapattiin") in a question asked in a later clause only,
  // with no "?" and no question word first.
  it.each([
    ['vårt gamla konto blev hackat zorblax, hur skyddar vi det nya bättre', 'sv'],
    ['naapurikunnan tili kaapattiin zorblax, miten me suojaudutaan paremmin', 'fi'],
  ] as const)('asked in a later clause only (%s), it is answered with the report offered when the model reads a question', (text, lang) => {
    expect(cuesOnly.classify(text).intent).toBe('report:identity_theft');
    const unlikely = new IntentClassifier(cues, modelGiving('zorblax', MODEL_BANDS.cueReportAsked / 2, 'identity_theft'));
    const result = unlikely.classify(text, lang);
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'identity_theft' });
    const likely = new IntentClassifier(cues, modelGiving('zorblax', (MODEL_BANDS.cueReportAsked + 1) / 2, 'identity_theft'));
    expect(likely.classify(text, lang).intent).toBe('report:identity_theft');
  });

  it('a told report closed by "mitä ihmettä teen" is read as a help question: the account decides', () => {
    // "ihmettä" (on earth) is a filler beside the help question; read whole, the message asks in a later clause
    // and the model's low probability would make it a question.
    const unlikely = new IntentClassifier(cues, modelGiving('zorblax', MODEL_BANDS.cueReportAsked / 4, 'harassment'));
    expect(unlikely.classify('joku haukkuu mua joka päivä zorblax, mitä ihmettä teen', 'fi').intent).toBe('report:harassment');
  });

  it('a threat told before a later-clause question without "?" stays a threat, whatever the model reads', () => {
    const unlikely = new IntentClassifier(cues, modelGiving('zorblax', MODEL_BANDS.cueReportAsked / 4, 'threat'));
    expect(unlikely.classify('hän uhkasi mua zorblax eilen illalla, kenelle ilmotan', 'fi').intent).toBe('report:threat');
    // Asked with its "?", the same words are a question the model may read as one.
    expect(unlikely.classify('hän uhkasi mua zorblax eilen illalla, kenelle ilmotan?', 'fi').intent).toBe('question');
  });

  it.each([
    ['Joku on kirjoittanut kunnan sivulle zorblax että minut pitäisi hakata. Saanko poistaa kommentin?', 'fi'],
    ['Nån skrev under inlägget zorblax att han ska slå ihjäl mig. Det är jag. Får jag radera den?', 'sv'],
  ] as const)('a threat told in sentences of their own before a closing question is a threat (%s)', (text, lang) => {
    const unlikely = new IntentClassifier(cues, modelGiving('zorblax', MODEL_BANDS.cueReportAsked / 4, 'threat'));
    expect(unlikely.classify(text, lang).intent).toBe('report:threat');
    // Asking what to do if it happens is a question, with the threat in it or not.
    expect(unlikely.classify(`Om någon skriver zorblax att han ska slå ihjäl mig. Vad gör jag då?`, 'sv').intent).toBe('question');
    // A closing question that is the only sentence, or a "?" before it, leaves the reading as it was.
    expect(unlikely.classify('Saako kommentin poistaa jos siinä uhataan hakata zorblax?', 'fi').intent).toBe('question');
  });
});

describe('a question in a later clause, without its "?"', () => {
  it.each([
    ['zorblax, hur gör jag', 'sv'],
    ['zorblax, vad ska jag göra', 'sv'],
    ['zorblax, poistanko sen', 'fi'],
  ] as const)('%s needs the band of an asked message', (text, lang) => {
    const p = (MODEL_BANDS.report.told + Math.min(MODEL_BANDS.report.asked, MODEL_BANDS.report.askedFi)) / 2;
    const combined = new IntentClassifier(cues, modelGiving('zorblax', p, 'harassment'));
    expect(combined.classify('zorblax quim flarp', lang).intent).toBe('report:harassment');
    const result = combined.classify(text, lang);
    expect(result.intent).toBe('question');
    expect(result.possibleReport).toEqual({ category: 'harassment' });
  });
});

describe('Finnish question words of everyday speech', () => {
  // Written for this test: each asks about the rules and carries a cue word of a category.
  it.each([
    ['kelle kerron jos joku häiritsee mua töissä?'],
    ['kauanko uhkausviestejä pitää säilyttää?'],
    ['ilmotanko jos joku uhkailee kollegaa kommenteissa?'],
    ['kerronko esihenkilölle jos joku haukkuu mua somessa?'],
  ])('%s is a question, not a report', (text) => {
    expect(cuesOnly.classify(text).intent).toBe('question');
    expect(classifier.classify(text, 'fi').intent).toBe('question');
  });

  it.each([['Mikko uhkas mua kommenteissa'], ['Esko haukkuu mua joka päivä facessa']])('a report opening with a first name (%s) stays a report', (text) => {
    expect(cuesOnly.classify(text).intent).toMatch(/^report:/);
  });
});
