import { scoreFixture as score } from '../../helpers/scoreFixture';

/**
 * Regression floors for telling reports from questions, through the whole answer path (cues and the intent
 * model). The intent-* sets were written apart from the cue lists; intent-own-holdout-* are examples written
 * with content/intent-examples and kept out of it, so the model never learnt from them. Floors sit a little
 * below the figures of the model that had not seen them (`somebot eval`), so a change that loses reports or takes
 * questions for reports fails. intent-blind2-* were written by someone else and measured once unseen.
 * All these sets are SEEN and TRAINED now: their lines are training examples (content/intent-examples/
 * *-labelled.yaml), so these floors are a regression check only, not a measure of unseen writing. The held-out
 * check is intentHeldOut.test.ts (the model retrained without one set and scored on it).
 */
describe.each([
  ['intent-sv.jsonl', 'sv', { recall: 0.97, falseReports: 0.02 }],
  ['intent-fi.jsonl', 'fi', { recall: 0.97, falseReports: 0.02 }],
  ['intent-fresh-sv.jsonl', 'sv', { recall: 0.96, falseReports: 0.04 }],
  ['intent-fresh-fi.jsonl', 'fi', { recall: 0.96, falseReports: 0.04 }],
  ['intent-blind-sv.jsonl', 'sv', { recall: 0.96, falseReports: 0.04 }],
  ['intent-blind-fi.jsonl', 'fi', { recall: 0.96, falseReports: 0.04 }],
  ['intent-own-holdout-sv.jsonl', 'sv', { recall: 0.9, falseReports: 0.05 }],
  ['intent-own-holdout-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.05 }],
  ['intent-blind2-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.03 }],
  ['intent-blind2-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.03 }],
  // Measured once, blind, on the final code of its round (0.925 / 0.875, the rest answered with the offer); seen
  // since. With more examples and the bands re-fitted (fitted with this set left out) 0.975 / 1.000.
  ['intent-blind3-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.03 }],
  ['intent-blind3-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.03 }],
  // Written apart by others (blind4–blind8) and each measured once before it was looked at; seen since. Floors
  // a line below today's figures: blind7 and blind8 are not at the goal (see the README).
  ['intent-blind4-sv.jsonl', 'sv', { recall: 0.96, falseReports: 0.02 }],
  ['intent-blind4-fi.jsonl', 'fi', { recall: 0.98, falseReports: 0.02 }],
  ['intent-blind5-sv.jsonl', 'sv', { recall: 0.9, falseReports: 0.02 }],
  ['intent-blind5-fi.jsonl', 'fi', { recall: 0.96, falseReports: 0.04 }],
  ['intent-blind6-sv.jsonl', 'sv', { recall: 0.8, falseReports: 0.02 }],
  ['intent-blind6-fi.jsonl', 'fi', { recall: 0.88, falseReports: 0.02 }],
  ['intent-blind7-sv.jsonl', 'sv', { recall: 0.88, falseReports: 0.034 }],
  ['intent-blind7-fi.jsonl', 'fi', { recall: 0.96, falseReports: 0.034 }],
  ['intent-blind8-sv.jsonl', 'sv', { recall: 0.85, falseReports: 0.067 }],
  ['intent-blind8-fi.jsonl', 'fi', { recall: 0.91, falseReports: 0.1 }],
  // blind9, blind10: measured once (on the code before the labelled sets trained the model: sv 0.883 / 0.050 and
  // 0.933 / 0.050, fi 0.983 / 0.033 and 0.917 / 0.033), then trained.
  ['intent-blind9-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.034 }],
  ['intent-blind9-fi.jsonl', 'fi', { recall: 0.96, falseReports: 0.034 }],
  ['intent-blind10-sv.jsonl', 'sv', { recall: 0.93, falseReports: 0.05 }],
  ['intent-blind10-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.017 }],
  // blind11, blind12: measured once, unseen, on the final code of their round (sv 0.933 / 0.017 and 0.883 /
  // 0.017, fi 0.883 / 0.000 and 0.967 / 0.000); seen, then trained.
  ['intent-blind11-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.034 }],
  ['intent-blind11-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.017 }],
  ['intent-blind12-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.034 }],
  ['intent-blind12-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.017 }],
  // blind15, blind16: measured once, unseen, on the code before the sentence features (sv 1.000 / 0.000 and
  // 1.000 / 0.000, fi 0.983 / 0.000 and 0.967 / 0.000); seen, then trained.
  ['intent-blind15-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.034 }],
  ['intent-blind15-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.034 }],
  ['intent-blind16-sv.jsonl', 'sv', { recall: 0.95, falseReports: 0.034 }],
  ['intent-blind16-fi.jsonl', 'fi', { recall: 0.95, falseReports: 0.034 }],
] as const)('%s', (file, lang, floor) => {
  it('recognises the reports and takes no more questions for reports than the floor', () => {
    const recall = score(file).reportRecall![lang];
    expect(recall.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(recall.falseReports).toBeLessThanOrEqual(floor.falseReports);
  });
});

/**
 * The category matters (a threat, malware, phishing and identity theft also go to IT security): intent accuracy
 * counts a report of the wrong category as wrong. Floors a little below today's figures.
 */
describe.each([
  ['intent-blind-sv.jsonl', 0.9],
  ['intent-blind-fi.jsonl', 0.9],
  ['intent-own-holdout-sv.jsonl', 0.8],
  ['intent-own-holdout-fi.jsonl', 0.85],
  ['intent-blind2-sv.jsonl', 0.9],
  ['intent-blind2-fi.jsonl', 0.92],
  ['intent-blind3-sv.jsonl', 0.9],
  ['intent-blind3-fi.jsonl', 0.92],
] as const)('%s', (file, floor) => {
  it('gives reports their category', () => {
    expect(score(file).intentAccuracy).toBeGreaterThanOrEqual(floor);
  });
});
