import { translator } from '../../../core/i18n';
import type { UiLang } from '../../../core/language/lang';
import { REPLY_KIND, type BotReply } from '../../../core/reports/dialog';
import { html, paragraphs, type Html } from './html';

/**
 * One dialog message as HTML, in the dialog's language. Choices become buttons (the page sends the choice
 * id back); the emergency message is an alert that screen readers announce at once.
 */
export function dialogHtml(reply: BotReply, lang: UiLang): Html {
  const t = translator(lang);
  const role = reply.kind === REPLY_KIND.emergency || reply.kind === REPLY_KIND.error ? 'alert' : undefined;
  const choices = reply.choices ?? [];
  const changes = reply.changes ?? [];
  return html`<div class="bot dialog kind-${reply.kind}" lang="${lang}"${role ? html` role="${role}"` : ''}>
${paragraphs(reply.text)}${
    choices.length > 0
      ? html`<div class="choices" role="group" aria-label="${t('web:chat.choices')}">${choices.map(
          (c) => html`<button type="button" data-choice="${c.id}">${c.label}</button>`,
        )}</div>`
      : ''
  }${
    changes.length > 0
      ? html`<div class="choices changes" role="group" aria-label="${t('dialog:summary.changeGroup')}">${changes.map(
          (c) => html`<button type="button" data-choice="${c.id}">${c.label}</button>`,
        )}</div>`
      : ''
  }
</div>`;
}
