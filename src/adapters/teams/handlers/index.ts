import type { TurnContext } from 'botbuilder';
import { looksLikeCardAction, parseCardAction, type CardActionId } from '../cards/cardActions';
import type { TurnFacts } from '../turnFacts';
import type { TeamsTurnDeps } from '../turnDeps';
import { handleText } from './askHandler';
import { dialogChoiceHandler } from './dialogChoiceHandler';
import { feedbackHandler } from './feedbackHandler';
import type { CardHandler } from './handler';
import { openFormHandler } from './openFormHandler';
import { detailsHandler } from './detailsHandler';
import { acknowledgeHandler, resolveHandler, startProgressHandler } from './reportActionHandlers';
import { withdrawCancelHandler, withdrawConfirmHandler, withdrawHandler } from './withdrawHandlers';
import { submitFormHandler } from './submitFormHandler';

/**
 * Every card action the bot answers, registered once (the type makes a missing one a compile error).
 * Adding one touches cards/cardActions.ts, this file, its own file and a test.
 */
export const CARD_HANDLERS: { [A in CardActionId]: CardHandler<A> } = {
  [dialogChoiceHandler.action]: dialogChoiceHandler,
  [openFormHandler.action]: openFormHandler,
  [submitFormHandler.action]: submitFormHandler,
  [feedbackHandler.action]: feedbackHandler,
  [acknowledgeHandler.action]: acknowledgeHandler,
  [startProgressHandler.action]: startProgressHandler,
  [resolveHandler.action]: resolveHandler,
  [withdrawHandler.action]: withdrawHandler,
  [withdrawConfirmHandler.action]: withdrawConfirmHandler,
  [withdrawCancelHandler.action]: withdrawCancelHandler,
  [detailsHandler.action]: detailsHandler,
};

/**
 * A message from a person: a card action (its `value` names the action) or typed text. A value that claims
 * to be a card action but is not one of ours, or is malformed, is ignored rather than read as text.
 */
export async function handleMessage(context: TurnContext, facts: TurnFacts, deps: TeamsTurnDeps): Promise<void> {
  const value: unknown = context.activity.value;
  if (looksLikeCardAction(value)) {
    const data = parseCardAction(value);
    if (!data) {
      deps.bot.logger.warn('teams_card_action_ignored', { personal: facts.personal });
      return;
    }
    const handler = CARD_HANDLERS[data.action] as CardHandler;
    await handler.handle(context, facts, data, deps);
    return;
  }
  await handleText(context, facts, deps);
}
