import type { Person } from '../../directory/directory';
import type { UiLang } from '../../language/lang';
import type { ReportCategory } from '../categories';
import type { ReportDraft } from '../report';
import type { RecipientRole, RuleCitation } from '../routing';
import type { Urgency } from '../routingTable';
import type { StepId } from './steps';

/** Kinds of replies the dialog produces, declared once. Adapters choose the rendering by kind. */
export const REPLY_KIND = {
  prompt: 'prompt',
  info: 'info',
  error: 'error',
  emergency: 'emergency',
  preview: 'preview',
  done: 'done',
} as const;
export type ReplyKind = (typeof REPLY_KIND)[keyof typeof REPLY_KIND];

/** An option the person can pick; adapters show buttons, plain text shows a numbered list (1-based, in order). */
export interface Choice {
  id: string;
  label: string;
}

/** One message from the bot, already translated. */
export interface BotReply {
  kind: ReplyKind;
  text: string;
  choices?: Choice[];
  /** On the receipt: the committed report's reference (doors offer its details and the withdraw with it). */
  reference?: string;
  /**
   * The summary's "change" buttons (one per answer, id `change:<step>`), sent back as a choice. Surfaces
   * with buttons show them apart from `choices`; text surfaces leave them out (the text says "ändra 3").
   */
  changes?: Choice[];
}

/** A translated problem with one form field, for inline display (Slack modal, Adaptive Card). */
export interface FieldError {
  /** A top-level field id of ReportDraft (see FORM_FIELD). */
  field: string;
  message: string;
}

/** What the person did. */
export type DialogEvent =
  /** `told`: the message that started the report; a service it names answers "where did it happen?". */
  | { type: 'start'; category?: ReportCategory; told?: string }
  | { type: 'text'; text: string }
  | { type: 'choice'; id: string }
  | { type: 'form'; values: unknown }
  | { type: 'cancel' };

/** The draft as it is being filled in text mode: every field optional. */
export type PartialDraft = Partial<ReportDraft>;

/**
 * The dialog's memory between messages. Plain JSON: `JSON.parse(JSON.stringify(state))` resumes identically,
 * so the caller can persist it and an unfinished dialog survives a restart.
 */
export interface DialogState {
  version: 1;
  step: StepId;
  mode: 'text' | 'form';
  draft: PartialDraft;
}

/** Who will be told, with names, for the preview before confirming. */
export interface RoutingPreview {
  urgency: Urgency;
  recipients: { name: string; role: RecipientRole; channel?: boolean }[];
  rules: RuleCitation[];
}

/** A person the reporter can pick (manager when the directory has none, or the alternate recipient). */
export interface PersonChoice {
  id: string;
  name: string;
  /** Why this person is offered: the manager's manager, HR, or a manager of the organisation. */
  relation: 'managers_manager' | 'hr' | 'manager';
}

/**
 * Everything the pure dialog needs from outside, fixed for one message. buildDialogContext() (context.ts)
 * makes one from the Directory and the routing table.
 */
export interface DialogContext {
  lang: UiLang;
  reporter: Person;
  /** The reporter's manager from the directory; undefined means the dialog asks for one. */
  manager?: Person;
  /** Today, YYYY-MM-DD, in the organisation's time zone. */
  today: string;
  /** Who would be told about this (complete) draft, and why. Must not throw. */
  preview(draft: ReportDraft): RoutingPreview;
  /** People the reporter may name as their manager when the directory has none (never the reporter). */
  managerCandidates(): PersonChoice[];
  /** Who may receive a report about the given manager instead of them: that manager's manager and HR. */
  alternateCandidates(managerId: string | undefined): PersonChoice[];
}

/** What happens next. state undefined = finished or cancelled (the caller clears what it stored). */
export interface DialogStep {
  state: DialogState | undefined;
  replies: BotReply[];
  /** Per-field errors of a rejected form (form mode only). */
  fieldErrors?: FieldError[];
  /** 'submit': the caller commits the draft and shows formatReceipt(); 'cancelled': nothing was submitted. */
  effect?: { type: 'submit'; draft: ReportDraft } | { type: 'cancelled' };
}
