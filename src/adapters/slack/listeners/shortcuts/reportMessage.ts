import type { MessageShortcut, Middleware, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../../../core/logger';
import type { SlackDeps } from '../../deps';
import { openReportForm } from '../../replies/reportForm';

/**
 * Message shortcut "Report this message": the report modal with the evidence pre-filled — the message's
 * permalink and its text, one per line (the core keeps the link as a link and the text as a quote).
 */
export function reportMessage(deps: SlackDeps): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return async ({ ack, shortcut }) => {
    await ack();
    let permalink: string | undefined;
    try {
      permalink = await deps.api.permalink(shortcut.channel.id, shortcut.message_ts);
    } catch (err) {
      deps.logger.warn('slack_permalink_failed', errorFields(err));
    }
    const evidence = [permalink, shortcut.message.text].filter((line): line is string => typeof line === 'string' && line.trim() !== '').join('\n');
    await openReportForm(deps, { triggerId: shortcut.trigger_id, slackId: shortcut.user.id, stacked: false, ...(evidence ? { evidence } : {}) });
  };
}
