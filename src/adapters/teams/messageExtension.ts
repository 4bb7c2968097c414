import type { MessagingExtensionAction, MessagingExtensionActionResponse, TurnContext } from 'botbuilder';
import { conversationId } from '../../core/reports/dialogSessions';
import { translator } from '../../core/i18n';
import { isUiLang } from '../../core/language/lang';
import { FORM_FIELD, reportFormTexts, step } from '../../core/reports/dialog';
import { CARD_ACTION } from './cards/cardActions';
import { userKey } from './conversationKeys';
import { formCardFor, reporterContext } from './handlers/reportForm';
import { messageBodyText } from './messageText';
import { renderReplies } from './replies';
import { turnFacts, type TurnFacts } from './turnFacts';
import type { TeamsTurnDeps } from './turnDeps';

/** The manifest's `composeExtensions[0].commands[0].id` (type action, context message, fetchTask). */
export const REPORT_MESSAGE_COMMAND = 'reportMessage';

/** A task module that only shows a sentence (Teams closes the dialog with it). */
function messageTask(text: string): MessagingExtensionActionResponse {
  return { task: { type: 'message', value: text } };
}

/** The report form as a task module (a dialog over Teams). */
function formTask(card: ReturnType<typeof formCardFor>, title: string): MessagingExtensionActionResponse {
  return { task: { type: 'continue', value: { title, height: 'large', width: 'large', card: card.attachments![0]! } } };
}

/** The message as evidence: its link, then its text, one item per line (links stay links, text is quoted). */
function evidenceOf(action: MessagingExtensionAction): string {
  const payload = action.messagePayload;
  return [payload?.linkToMessage, messageBodyText(payload?.body)].filter((line): line is string => typeof line === 'string' && line.trim() !== '').join('\n');
}

/**
 * "Report this message" from a message's … menu (composeExtension/fetchTask): the report form as a task
 * module, the message's link and text already in the evidence field. People the directory does not know
 * get the translated sentence instead.
 */
export async function fetchReportMessageTask(context: TurnContext, action: MessagingExtensionAction, deps: TeamsTurnDeps): Promise<MessagingExtensionActionResponse> {
  const facts = await turnFacts(context, deps);
  const ctx = facts.person ? await reporterContext(facts.person, facts.lang, deps) : undefined;
  if (!ctx) return messageTask(translator(facts.lang)('teams:notInDirectory'));
  const card = formCardFor(ctx, { values: { [FORM_FIELD.evidence]: evidenceOf(action) } });
  return formTask(card, translator(facts.lang)('teamsParity:extension.title'));
}

/**
 * The form submitted from the task module (composeExtension/submitAction): the core's form-mode dialog step
 * checks it, exactly as for the form in the personal chat. Errors return the form with the values as sent
 * and each field's translated error; a valid form becomes the dialog of the person's personal chat and its
 * preview (Confirm / Cancel) is posted there, so the report is committed by the same Confirm as any other.
 */
export async function submitReportMessage(context: TurnContext, action: MessagingExtensionAction, deps: TeamsTurnDeps): Promise<MessagingExtensionActionResponse> {
  const facts = await turnFacts(context, deps);
  const data = (action.data ?? {}) as Record<string, unknown>;
  const lang = isUiLang(data.lang) ? data.lang : facts.lang;
  const t = translator(lang);
  const ctx = facts.person ? await reporterContext(facts.person, lang, deps) : undefined;
  if (!ctx || !facts.aadObjectId) return messageTask(t('teams:notInDirectory'));
  if (data.action !== CARD_ACTION.submitForm) return messageTask(t('teams:error.generic'));
  const personalChat = deps.book.reference(userKey(facts.aadObjectId));
  const chatId = personalChat?.conversation?.id;
  if (!personalChat || !chatId) return messageTask(t('teams:openPrivateChat'));

  const { action: _action, lang: _lang, ...values } = data;
  const next = step(undefined, { type: 'form', values }, ctx);
  if (!next.state || next.fieldErrors) return formTask(formCardFor(ctx, { values, errors: next.fieldErrors ?? [] }), reportFormTexts(lang).title);
  const state = next.state;
  const chat = conversationId('teams', chatId);
  await deps.turns.run(chat, async () => {
    await deps.sessions.exclusive(chat, () => deps.sessions.save(chat, { lang, dialog: state }));
    const personal: Pick<TurnFacts, 'personal'> = { personal: true };
    const { activities, questionAt } = renderReplies(
      next.replies.map((reply) => ({ type: 'dialog' as const, reply, lang })),
      personal,
      deps.bot.guidelines.settings.contact,
    );
    const ids: string[] = [];
    for (const activity of activities) ids.push(await deps.sender.send(personalChat, activity));
    deps.prompts.set(chat, questionAt !== undefined ? ids[questionAt] : undefined);
  });
  return messageTask(t('teamsParity:extension.previewSent'));
}
