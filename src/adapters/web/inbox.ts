import type { Person } from '../../core/ports';
import { isDeliveryError } from '../../core/delivery/deliveryError';
import { renderMessage } from '../../core/delivery/renderMessage';
import { messageHtml, messageKey } from './render/messageHtml';
import type { WebContext } from './webContext';

/** How many messages the inbox shows. */
export const INBOX_LIMIT = 50;

/**
 * The messages the web chat delivered to a person (and, for IT security, to its channels), newest first,
 * rendered again from the current report (so an alert shows its Acknowledge button only while the report
 * is unacknowledged, and nothing after the retention purge). Copies of one channel message are shown once.
 */
export async function loadInbox(ctx: WebContext, person: Person): Promise<{ key: string; html: string }[]> {
  const { store, directory } = ctx.bot.reporting;
  const channelKeys = person.roles.includes('it_security') ? [...ctx.itSecurityChannels] : [];
  const rows = await store.webInbox({ personId: person.id, channelKeys, limit: INBOX_LIMIT });
  const items: { key: string; html: string }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const report = row.reference ? await store.getReport(row.reference) : undefined;
    let message;
    try {
      message = await renderMessage(row, { report, directory, defaultLang: ctx.bot.config.defaultLang, timeZone: ctx.bot.config.timeZone });
    } catch (err) {
      if (isDeliveryError(err)) continue; // the report or the person is gone
      throw err;
    }
    const key = messageKey(message);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ key, html: messageHtml(message, row.deliveredAt ?? row.createdAt, ctx.bot.config.timeZone).value });
  }
  return items;
}
