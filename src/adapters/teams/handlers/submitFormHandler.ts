import type { Activity, TurnContext } from 'botbuilder';
import { translator } from '../../../core/i18n';
import { reportFormTexts, step } from '../../../core/reports/dialog';
import { adaptiveCard, cardMessage, textBlock } from '../cards/adaptiveCard';
import { CARD_ACTION } from '../cards/cardActions';
import { noticeMessage } from '../cards/noticeMessage';
import { sendReplies } from '../replies';
import { formCardFor, reporterContext } from './reportForm';
import type { CardHandler } from './handler';

/** Puts `activity` in place of the card the person pressed; sends it as a new message if that fails. */
async function replacePressedCard(context: TurnContext, activity: Partial<Activity>): Promise<void> {
  const cardId = context.activity.replyToId;
  if (cardId) {
    try {
      await context.updateActivity({ ...activity, id: cardId });
      return;
    } catch {
      // The card may be gone or too old to edit: fall through and post the new version.
    }
  }
  await context.sendActivity(activity);
}

/**
 * The filled-in report form: the core's form mode validates it. Errors put the form back in place with the
 * values as sent and a translated message under each field at fault; a valid form is replaced by a short
 * "received" note and the core's preview follows, with Confirm / Cancel. Confirm goes through the
 * Conversation like every other choice, which commits the report before this request is answered.
 */
export const submitFormHandler: CardHandler<typeof CARD_ACTION.submitForm> = {
  action: CARD_ACTION.submitForm,
  async handle(context, facts, data, deps) {
    if (!facts.personal) return;
    const lang = data.lang;
    const t = translator(lang);
    const ctx = facts.person ? await reporterContext(facts.person, lang, deps) : undefined;
    if (!ctx) {
      await context.sendActivity(noticeMessage(t('teams:notInDirectory')));
      return;
    }
    const { action: _action, lang: _lang, ...values } = context.activity.value as Record<string, unknown>;
    const next = step(undefined, { type: 'form', values }, ctx);
    if (!next.state || next.fieldErrors) {
      await replacePressedCard(context, formCardFor(ctx, { values, errors: next.fieldErrors ?? [] }));
      return;
    }
    const state = next.state;
    await deps.sessions.exclusive(facts.conversationId, () => deps.sessions.save(facts.conversationId, { lang, dialog: state }));
    const title = reportFormTexts(lang).title;
    await replacePressedCard(context, cardMessage(adaptiveCard([textBlock(title, { weight: 'bolder' }), textBlock(t('teams:form.received'))]), title));
    await sendReplies(context, next.replies.map((reply) => ({ type: 'dialog' as const, reply, lang })), facts, deps);
  },
};
