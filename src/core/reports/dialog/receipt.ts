import type { UiLang } from '../../language/lang';
import { translator } from '../../i18n';
import { recipientLines, type NamedRecipient } from './recipientLines';
import { REPLY_KIND, type BotReply } from './types';

/** What the reporter is told after the report is committed. */
export interface Receipt {
  /** The report's reference, e.g. "SOME-2026-0042". */
  reference: string;
  /** Who was told, with names (channels by their name). */
  recipients: readonly NamedRecipient[];
  /** Advice for the reporter, already in `lang` (the routing row's advice[lang]). */
  advice: readonly string[];
}

/**
 * The receipt as a 'done' reply: reference, recipients with their roles, and the advice as a list. A report
 * without recipients was saved all the same (IT security is told it needs one), and the receipt says so.
 */
export function formatReceipt(receipt: Receipt, lang: UiLang): BotReply {
  const t = translator(lang);
  const lines: string[] = [];
  if (receipt.recipients.length > 0) {
    lines.push(t('reports:receipt.sent', { reference: receipt.reference }), '', t('reports:receipt.recipients'));
    lines.push(...recipientLines(receipt.recipients, t, 'reports:receipt.recipient'));
  } else {
    lines.push(t('reports:receipt.saved', { reference: receipt.reference }), t('reports:receipt.unrouted'));
  }
  if (receipt.advice.length > 0) {
    lines.push('', t('reports:receipt.advice'));
    for (const text of receipt.advice) lines.push(t('reports:receipt.adviceItem', { text }));
  }
  return { kind: REPLY_KIND.done, text: lines.join('\n'), reference: receipt.reference };
}
