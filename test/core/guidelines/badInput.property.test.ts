import fc from 'fast-check';
import { renderAnswerText } from '../../../src/core/guidelines/answerText';
import { testGuidelineRuntime } from '../../helpers/guidelineRuntime';

const runtime = testGuidelineRuntime();

function check(text: string) {
  const answer = runtime.answerer.answer(text);
  expect(['sv', 'fi', 'en']).toContain(answer.lang);
  expect(answer.hits.length).toBeLessThanOrEqual(10);
  expect(answer.answered ? answer.quoted.length >= 1 : answer.quoted.length === 0).toBe(true);
  const reply = renderAnswerText(answer, 'viestinta@kirkkonummi.fi');
  expect(reply.length).toBeGreaterThan(0);
  expect(reply).not.toMatch(/\{\{|undefined|NaN/);
  return answer;
}

describe('bad input never throws and always gets a sensible reply', () => {
  it('empty and blank text ask for a question', () => {
    expect(check('').reason).toBe('empty');
    expect(check('   \n\t ').reason).toBe('empty');
  });

  it('only punctuation or emoji: no words to search', () => {
    expect(check('?!?!... ,,, ;;').reason).toBe('no_words');
    expect(check('😡😡🙂').answered).toBe(false);
  });

  it('every lunr operator, alone and inside words', () => {
    for (const text of [':', '^', '~', '*', '-', '+', 'title:x', 'lösenord^10', '-kanal', '*', 'hot~2', '+måste -inte', '"quoted"', '\\']) check(text);
  });

  it('a leading minus does not match everything', () => {
    const answer = check('-lösenord');
    expect(answer.hits.every((h) => h.passage.text.toLowerCase().includes('lösenord') || h.coverage > 0)).toBe(true);
  });

  it('NFD-encoded letters answer like NFC ones', () => {
    const q = 'Hur ofta ska lösenorden bytas?';
    const nfc = check(q);
    const nfd = check(q.normalize('NFD'));
    expect(nfd.quoted.map((h) => h.passage.id)).toEqual(nfc.quoted.map((h) => h.passage.id));
  });

  it('100 kB of text is read in part and said so', () => {
    const answer = check('lösenord '.repeat(12_000));
    expect(answer.truncated).toBe(true);
  });

  it('mixed Swedish and Finnish still answers', () => {
    expect(check('salasana lösenord hur ofta vaihtaa byta').answered).toBe(true);
  });

  it('arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: fc.constantFrom(':', '^', '~', '*', '-', '+', ' ', 'å', 'ä', 'ö', 'a', '\u0308'), maxLength: 50 })), (text) => {
        check(text);
      }),
      { numRuns: 300 },
    );
  });
});
