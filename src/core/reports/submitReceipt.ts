import type { UiLang } from '../language/lang';
import type { Recipient, RecipientRole, RoutingDecision } from './routing';

/** A recipient as the reporter sees it on the receipt. */
export interface ReceiptRecipient {
  recipient: Recipient;
  /** The person's name, or the channel's name (its id when it has none). */
  name: string;
  /** Why they are told (same as recipient.role). */
  role: RecipientRole;
  /** A team channel (lists name a team's channels once). */
  channel?: boolean;
}

/** What submit returns; it is also a dialog `Receipt`, so `formatReceipt(receipt, lang)` shows it as is. */
export interface SubmitReceipt {
  /** e.g. SOME-2026-0042 */
  reference: string;
  decision: RoutingDecision;
  recipients: ReceiptRecipient[];
  /** Advice lines of the routing table, in `lang`. */
  advice: string[];
  lang: UiLang;
  submittedAt: Date;
  /** True when this submission key was already committed: nothing new was stored or sent. */
  duplicate: boolean;
}
