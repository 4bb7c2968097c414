import type { Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { isReportCommand } from '../../../../core/conversation/reportCommand';
import { getI18n, translator } from '../../../../core/i18n';
import { UI_LANGS, type UiLang } from '../../../../core/language/lang';
import { conversationId } from '../../../../core/reports/dialogSessions';
import { textBlocks } from '../../blocks/textBlocks';
import type { SlackDeps } from '../../deps';
import { openReportForm } from '../../replies/reportForm';
import { replyToText } from '../../replies/textReply';

/** The language whose `slack:command.helpWords` contain the text ("help", "hjälp", "apua"), if any. */
export function helpLanguage(text: string): UiLang | 'any' | undefined {
  const typed = text.trim().toLowerCase();
  if (typed === '') return 'any';
  const i18n = getI18n();
  return UI_LANGS.find((lng) => {
    const words = i18n.t('slack:command.helpWords', { lng, returnObjects: true }) as unknown;
    return Array.isArray(words) && words.some((w) => String(w).toLowerCase() === typed);
  });
}

/**
 * `/somebot` — `help` (or nothing): how to use the bot; `report` (in any language): the report modal;
 * anything else is a question, answered privately (ephemeral, through response_url). Acknowledged at once;
 * the reply follows.
 */
export function somebotCommand(deps: SlackDeps): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, respond }) => {
    await ack();
    const text = command.text ?? '';
    const help = helpLanguage(text);
    if (help !== undefined) {
      const user = await deps.users.identify(command.user_id);
      const lang = help === 'any' || help === 'en' ? user.lang : help;
      const sentence = translator(lang)('slack:command.help', { command: command.command });
      await respond({ response_type: 'ephemeral', text: sentence, blocks: textBlocks(sentence) });
      return;
    }
    if (isReportCommand(text)) {
      await openReportForm(deps, { triggerId: command.trigger_id, slackId: command.user_id, stacked: false });
      return;
    }
    const user = await deps.users.identify(command.user_id);
    const reply = await replyToText(deps, user, text, conversationId('slack', command.channel_id, `command-${command.user_id}`));
    await respond({ response_type: 'ephemeral', text: reply.text, blocks: reply.blocks });
  };
}
