import { GuidelineAnswerer } from '../../../src/core/guidelines/guidelineAnswerer';
import { buildGuidelineIndex } from '../../../src/core/guidelines/guidelineIndex';
import { loadGuidelineContent } from '../../../src/core/guidelines/guidelineContent';
import { IntentClassifier } from '../../../src/core/intents/intentClassifier';
import { NO_LEARNED, type LearnedContent } from '../../../src/core/content/learnedContent';
import { guidelineSettings } from '../../../src/app/guidelineRuntime';

/** An answerer over the repository's content with `learned` taught on top. */
function answererWith(learned: LearnedContent): GuidelineAnswerer {
  const index = buildGuidelineIndex(loadGuidelineContent(guidelineSettings({}).contentDir, learned));
  return new GuidelineAnswerer(index, new IntentClassifier(index.saved.intentCues));
}

/**
 * A question content owners taught is answered with what they taught when it is asked again, whatever else its
 * words match: the owners' one step (`somebot content learn … --passage`) has to hold.
 */
describe('a question asked in exactly the words of an example question', () => {
  const question = 'Hur bokar jag ett mötesrum i stadshuset till vårt teammöte?';
  // A question the guidelines do not answer, taught to an unrelated rule: only the teaching can put that rule first.
  const passageId = 'kyrkslatt-anvisningar#14.1';
  const before = answererWith(NO_LEARNED);
  const after = answererWith({ ...NO_LEARNED, exampleQuestions: [{ passageId, lang: 'sv', text: question }] });

  it('was not answered with that passage before the teaching', () => {
    const answer = before.answer(question);
    expect(answer.answered && answer.hits[0]!.passage.id === passageId).toBe(false);
  });

  it.each([question, 'hur BOKAR jag ett mötesrum i stadshuset, till vårt teammöte', 'Hur bokar jag ett mötesrum i stadshuset till vårt teammöte???'])(
    'gets the taught passage first and is answered: %s',
    (asked) => {
      const answer = after.answer(asked);
      expect(answer.answered).toBe(true);
      expect(answer.hits[0]!.passage.id).toBe(passageId);
      expect(answer.hits[0]!.exact).toBe(true);
    },
  );

  it('is not forced on a question with other words', () => {
    const answer = after.answer('Hur bokar jag ett mötesrum i stadshuset för en utbildning om lösenord?');
    expect(answer.hits.find((h) => h.passage.id === passageId)?.exact).toBeUndefined();
  });

  it('is left to ranking when example questions of two passages have the same words', () => {
    const other = 'kyrkslatt-anvisningar#6.2';
    const both = answererWith({
      ...NO_LEARNED,
      exampleQuestions: [
        { passageId, lang: 'sv', text: question },
        { passageId: other, lang: 'sv', text: question.toUpperCase() },
      ],
    });
    expect(both.answer(question).hits.some((h) => h.exact)).toBe(false);
  });
});
