import { createHash } from 'node:crypto';
import { formatLocalDateTime } from '../../../core/clock';
import { translator } from '../../../core/i18n';
import type { OutboundMessage } from '../../../core/ports';
import { html, paragraphs, type Html } from './html';

/**
 * The key that identifies a message on the page. A channel message goes out once per IT security channel
 * (Slack, Teams, e-mail); the web chat shows those copies as one entry per report and kind.
 */
export function messageKey(message: Pick<OutboundMessage, 'to' | 'idempotencyKey' | 'kind' | 'report'>): string {
  return message.to.kind === 'person' ? `m:${message.idempotencyKey}` : `c:${message.report?.reference ?? message.idempotencyKey}:${message.kind}`;
}

/** A delivered alert as the recipient sees it, in the message's language, with its action buttons. */
export function messageHtml(message: OutboundMessage, deliveredAt: Date, timeZone: string): Html {
  const t = translator(message.lang);
  const key = messageKey(message);
  const id = `msg-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
  // A team post is named as the team's, not by the channel of whichever door it was meant for.
  const where = message.to.kind === 'channel' ? t('web:inbox.toTeam') : undefined;
  return html`<article class="message kind-${message.kind}" lang="${message.lang}" data-key="${key}" aria-labelledby="${id}">
<h3 id="${id}">${message.subject}</h3>
<p class="meta"><time datetime="${deliveredAt.toISOString()}">${formatLocalDateTime(deliveredAt, timeZone)}</time>${where ? html` · ${where}` : ''}</p>
${paragraphs(message.text)}${
    message.actions.length > 0
      ? html`<div class="actions">${message.actions.map(
          (a) => html`<button type="button" class="primary" data-action="${a.id}" data-reference="${a.reference}">${a.label} ${html`<span class="visually-hidden">${a.reference}</span>`}</button>`,
        )}</div>`
      : ''
  }
</article>`;
}
