import { scoreFixture as score } from '../../helpers/scoreFixture';

/**
 * Regression floors on the thirteen question sets written apart from the sample (colloquial, plain, and eleven sets
 * written later). Each was measured once when it arrived, before anything was changed after looking at it (the
 * README lists those first figures); ranking constants have since been chosen on them too, so these are floors
 * against regressions, not estimates of how the bot does on new questions. They sit a little below today's
 * figures (`somebot eval`), so a change that makes answers worse fails here.
 */
describe.each([
  ['questions.jsonl', { top1: 0.86, top3: 0.94, intent: 0.95, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-plain.jsonl', { top1: 0.9, top3: 0.94, intent: 0.95, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout.jsonl', { top1: 0.89, top3: 0.95, intent: 0.97, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout2.jsonl', { top1: 0.86, top3: 0.95, intent: 0.97, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout3.jsonl', { top1: 0.89, top3: 0.95, intent: 0.97, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout4.jsonl', { top1: 0.89, top3: 0.93, intent: 0.97, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout5.jsonl', { top1: 0.82, top3: 0.94, intent: 0.96, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout6.jsonl', { top1: 0.77, top3: 0.9, intent: 0.96, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout7.jsonl', { top1: 0.76, top3: 0.92, intent: 0.96, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout8.jsonl', { top1: 0.8, top3: 0.92, intent: 0.96, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout9.jsonl', { top1: 0.89, top3: 0.96, intent: 0.97, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  ['questions-holdout10.jsonl', { top1: 0.87, top3: 0.96, intent: 0.97, language: 0.98, refusal: 0.9, falseRefusal: 0.03 }],
  // Measured once, blind, at 0.837 / 0.902 and then 0.870 / 0.913; 6 of its 8 unanswerable questions get a passage.
  ['questions-holdout11.jsonl', { top1: 0.84, top3: 0.89, intent: 0.97, language: 0.98, refusal: 0.25, falseRefusal: 0.03 }],
])('answers on test/fixtures/%s', (file, floor) => {
  const report = score(file);
  it('rank the answering passage high enough', () => {
    expect(report.retrieval.all.top1).toBeGreaterThanOrEqual(floor.top1);
    expect(report.retrieval.all.top3).toBeGreaterThanOrEqual(floor.top3);
  });
  it('tell questions from reports and reply in the question\'s language', () => {
    expect(report.intentAccuracy).toBeGreaterThanOrEqual(floor.intent);
    expect(report.languageAccuracy).toBeGreaterThanOrEqual(floor.language);
  });
  it('refuse what the guidelines do not cover, and rarely refuse what they do', () => {
    expect(report.refusal).toBeGreaterThanOrEqual(floor.refusal);
    expect(report.falseRefusal).toBeLessThanOrEqual(floor.falseRefusal);
  });
});
