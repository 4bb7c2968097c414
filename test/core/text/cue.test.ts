import fs from 'node:fs';
import path from 'node:path';
import { Cue, CueSet, cueWords } from '../../../src/core/text/cue';
import { loadIntentCues } from '../../../src/core/intents/intentCues';

describe('Cue', () => {
  it.each([
    ['hot*', 'han hotade mig', true],
    ['hot*', 'ett skott', false],
    ['*lönen', 'när kommer julilönen', true],
    ['*lön*', 'grundlönerna höjs', true],
    ['falsk profil', 'någon gjorde en falsk profil', true],
    ['falsk profil', 'profil falsk', false],
    ['fb*', 'fb-sidan är kapad', true],
    ['lösenord', 'LÖSENORD', true],
    ['lösenord', 'losenord', true],
  ])('%s in "%s" → %s', (source, message, expected) => {
    expect(new Cue(source).matches(cueWords(message))).toBe(expected);
  });
});

describe('CueSet', () => {
  // Every cue of content/intents.yaml, so that the set is checked on the shapes content really uses.
  const config = loadIntentCues(path.join(__dirname, '../../../content/intents.yaml'));
  const sources = Object.values(config.categories).flatMap((c) => [...c.sv, ...c.fi, ...c.sv_weak, ...c.fi_weak]);
  const cues = sources.map((source, i) => ({ cue: new Cue(source), value: i }));
  const set = new CueSet(cues);
  const messages = fs
    .readFileSync(path.join(__dirname, '../../fixtures/questions-holdout.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { q: string }).q)
    .concat(['', 'fb-sidan är kapad och någon hotar mig', '*** ^ ~ :', 'kommer inte in på kontot']);

  it('finds exactly the cues a one-by-one search finds, each once', () => {
    for (const message of messages) {
      const words = cueWords(message);
      const expected = cues.filter((c) => c.cue.matches(words)).map((c) => c.value).sort((a, b) => a - b);
      expect([message, set.matches(words).sort((a, b) => a - b)]).toEqual([message, expected]);
      expect([message, set.some(words)]).toEqual([message, expected.length > 0]);
    }
  });
});

describe('CueSet filing by first word, prefix and ending', () => {
  // Every shape a cue's first word can take: whole, prefix (long, short), ending (long, short), anywhere.
  const sources = ['hot*', 'ha*', '*lönen', '*n nimellä', '*s namn', '*ö', '*virus*', 'falsk profil', 'fb*', 'kan inte', 'blir *ad', 'e-post*'];
  const cues = sources.map((source, i) => ({ cue: new Cue(source), value: i }));
  const set = new CueSet(cues);
  const messages = [
    'han hotade mig', 'ha', 'hö', 'julilönen', 'lönen', 'kunnan nimellä', 'n nimellä', 'kommunens namn', 'ö', 'trojanvirus på datorn',
    'virus', 'falsk profil', 'fb-sidan', 'kan inte', 'jag blir hotad', 'e-postlistan', 'nä', 'a', '',
  ];

  it.each(messages)('"%s": the same cues as a one-by-one search, at every position', (message) => {
    const words = cueWords(message);
    const expected = cues.filter((c) => c.cue.matches(words)).map((c) => c.value).sort((a, b) => a - b);
    expect(set.matches(words).sort((a, b) => a - b)).toEqual(expected);
    expect(set.some(words)).toBe(expected.length > 0);
    for (let i = 0; i <= words.length; i++) expect(set.someAt(words, i)).toBe(cues.some((c) => c.cue.matchesAt(words, i)));
  });
});
