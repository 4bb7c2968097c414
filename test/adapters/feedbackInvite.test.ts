/**
 * "Was this answer helpful?" follows a question, never a greeting, a thank-you, a request for help or an empty
 * message — on the web page, in Slack and in Teams alike, since the decision is the core's.
 */
import { invitesFeedback } from '../../src/core/guidelines/feedbackInvite';
import { answerHtml } from '../../src/adapters/web/render/answerHtml';
import { answerBlocks } from '../../src/adapters/slack/blocks/answerBlocks';
import { answerCard } from '../../src/adapters/teams/cards/answerCard';
import { ACTION as SLACK_ACTION } from '../../src/adapters/slack/ids';
import { CARD_ACTION } from '../../src/adapters/teams/cards/cardActions';
import { testGuidelineRuntime } from '../helpers/guidelineRuntime';

const CONTACT = 'viestinta@kirkkonummi.fi';

describe('which replies ask whether they helped', () => {
  const { answerer } = testGuidelineRuntime();

  function doorsAsk(text: string): { web: boolean; slack: boolean; teams: boolean } {
    const answer = answerer.answer(text);
    return {
      web: answerHtml(answer, 'a1', CONTACT).value.includes('data-feedback'),
      slack: JSON.stringify(answerBlocks(answer, CONTACT).blocks).includes(`"action_id":"${SLACK_ACTION.helpful}"`),
      teams: JSON.stringify(answerCard(answer, { contact: CONTACT, offerReport: false })).includes(`"action":"${CARD_ACTION.feedback}"`),
    };
  }

  it.each(['hej', 'tack', 'hjälp', 'kiitos', 'moi', '', '   '])('“%s” gets no feedback buttons on any door', (text) => {
    expect(invitesFeedback(answerer.answer(text))).toBe(false);
    expect(doorsAsk(text)).toEqual({ web: false, slack: false, teams: false });
  });

  it.each(['Får jag gilla kommunens inlägg med mitt privata konto?', 'Hur bokar jag ett mötesrum i stadshuset?'])('a question, answered or not, asks on every door: “%s”', (text) => {
    expect(invitesFeedback(answerer.answer(text))).toBe(true);
    expect(doorsAsk(text)).toEqual({ web: true, slack: true, teams: true });
  });
});
