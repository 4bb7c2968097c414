import { MESSAGE_ACTIONS } from '../../core/delivery/messageKinds';
import { WITHDRAW_ACTION } from '../../core/reports/withdrawal';

/**
 * Every id Slack sends back to the adapter, declared once. The manifest (manifests/slack/manifest.json) names
 * the same path, command and shortcut; test/adapters/slack/manifest.test.ts checks that they agree.
 */

/** Where Slack posts events, commands and interactions (HTTP mode). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** The slash command. */
export const SLASH_COMMAND = '/somebot';

/** callback_id of the shortcuts. */
export const SHORTCUT = {
  /** Message shortcut "Report this message". */
  reportMessage: 'report_message',
} as const;

/** action_id of every button the adapter renders. */
export const ACTION = {
  /** Opens the report modal; value = the category to pre-select, or ''. */
  openReport: 'report.open_form',
  /** Service calls named by the core (value = report reference). */
  acknowledge: MESSAGE_ACTIONS.acknowledge,
  startProgress: MESSAGE_ACTIONS.startProgress,
  /** Opens the modal that asks for the outcome note (value = reference). */
  resolve: 'report.resolve',
  /** Opens the full report for those allowed to see it (value = reference). */
  details: 'report.details',
  /** The reporter asks to withdraw their open report (value = reference): the confirmation is shown. */
  withdraw: WITHDRAW_ACTION.ask,
  /** The confirmation's answers (value = encodeWithdrawBinding: the report and the reporter it was asked of). */
  withdrawConfirm: WITHDRAW_ACTION.confirm,
  withdrawCancel: WITHDRAW_ACTION.cancel,
  /** Verdicts on an answer (value = FeedbackToken JSON). */
  helpful: 'answer.helpful',
  notHelpful: 'answer.not_helpful',
  /** App Home: opens the question modal. */
  ask: 'home.ask',
} as const;

/** callback_id of every modal. */
export const VIEW = {
  /** The report form (form-mode dialog). */
  reportForm: 'report_form',
  /** The preview pushed on top of the form; submitting it commits the report. */
  reportPreview: 'report_preview',
  /** Outcome note before resolving. */
  resolve: 'report_resolve',
  /** A question asked from App Home; the answer replaces the modal. */
  ask: 'ask_question',
  /** Read-only views: the full report, an answer, a notice. */
  readOnly: 'read_only',
} as const;

/** block_id / action_id of inputs that are not report form fields (those use FORM_FIELD ids). */
export const INPUT = {
  outcome: 'outcome',
  question: 'question',
} as const;

/** Every action, view and shortcut id the adapter handles (anything else is acknowledged and ignored). */
export const KNOWN_ACTIONS: readonly string[] = Object.values(ACTION);
export const KNOWN_VIEWS: readonly string[] = Object.values(VIEW);
export const KNOWN_SHORTCUTS: readonly string[] = Object.values(SHORTCUT);
