import type { Person } from '../../core/ports';
import { isDeliveryError } from '../../core/delivery/deliveryError';
import { renderMessage } from '../../core/delivery/renderMessage';
import { ALERT_COPY_KINDS } from '../../core/delivery/messageKinds';
import { messageHtml, messageKey } from './render/messageHtml';
import type { WebContext } from './webContext';

/** How many messages the inbox shows. */
export const INBOX_LIMIT = 50;

/**
 * The messages the web chat delivered to a person (and, for IT security, to its channels), newest first,
 * rendered again from the current report (so an alert shows only the buttons that apply now, says who did
 * the latest step, and shows nothing after the retention purge). Team posts are shown in the person's own
 * language, and not at all for a report the person has their own alert about.
 */
export async function loadInbox(ctx: WebContext, person: Person): Promise<{ key: string; html: string }[]> {
  const { store, directory } = ctx.bot.reporting;
  const channelKeys = person.roles.includes('it_security') ? [...ctx.itSecurityChannels] : [];
  const rows = await store.webInbox({ personId: person.id, channelKeys, limit: INBOX_LIMIT });
  const items: { key: string; html: string }[] = [];
  const seen = new Set<string>();
  // One copy per person per report: a person with their own alert about a report does not also get the team's.
  const ownAlerts = new Set(rows.filter((r) => r.addressee.kind === 'person' && ALERT_COPY_KINDS.includes(r.kind)).map((r) => r.reference));
  for (const row of rows) {
    if (row.addressee.kind === 'channel' && ALERT_COPY_KINDS.includes(row.kind) && ownAlerts.has(row.reference)) continue;
    const report = row.reference ? await store.getReport(row.reference) : undefined;
    const timeline = row.reference ? await store.timeline(row.reference) : undefined;
    let message;
    try {
      message = await renderMessage(row, {
        report,
        directory,
        defaultLang: ctx.bot.config.defaultLang,
        timeZone: ctx.bot.config.timeZone,
        ...(timeline ? { timeline } : {}),
        now: ctx.bot.clock.now(),
        viewerLang: person.lang ?? ctx.bot.config.defaultLang,
      });
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
