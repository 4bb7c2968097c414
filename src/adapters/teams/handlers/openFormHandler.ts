import { translator } from '../../../core/i18n';
import { isReportCategory } from '../../../core/reports/categories';
import { CARD_ACTION } from '../cards/cardActions';
import { noticeMessage } from '../cards/noticeMessage';
import { userKey } from '../conversationKeys';
import { formCardFor, reporterContext } from './reportForm';
import type { CardHandler } from './handler';

/**
 * "Report" / "Fill in the form": the report form, always in the person's personal chat. Pressed in a channel,
 * the form is sent privately (when the person has a chat with the bot) and the channel only hears that.
 */
export const openFormHandler: CardHandler<typeof CARD_ACTION.openForm> = {
  action: CARD_ACTION.openForm,
  async handle(context, facts, data, deps) {
    const lang = data.lang ?? facts.lang;
    const t = translator(lang);
    const ctx = facts.person ? await reporterContext(facts.person, lang, deps) : undefined;
    if (!ctx) {
      await context.sendActivity(noticeMessage(t('teams:notInDirectory')));
      return;
    }
    const card = formCardFor(ctx, isReportCategory(data.category) ? { category: data.category } : {});
    if (facts.personal) {
      await context.sendActivity(card);
      return;
    }
    const personalChat = facts.aadObjectId ? deps.book.reference(userKey(facts.aadObjectId)) : undefined;
    if (!personalChat) {
      await context.sendActivity(noticeMessage(t('teams:openPrivateChat')));
      return;
    }
    await deps.sender.send(personalChat, card);
    await context.sendActivity(noticeMessage(t('teams:sentPrivately')));
  },
};
