import { WITHDRAW_ACTION } from '../reports/withdrawal';

/**
 * Kinds of messages the outbox delivers, declared once. Each becomes a translated message
 * (locales/<lang>/notifications.json, key `<kind>.subject` / `<kind>.body`).
 */
export const MESSAGE_KINDS = [
  /** A new report, to each routed recipient. */
  'report_alert',
  /** The report is still unacknowledged after T: reminder to the primary recipients. */
  'ack_reminder',
  /** Still unacknowledged after 2T: the report goes to the next level (manager's manager, else IT security). */
  'escalation_alert',
  /** To the reporter: someone took the report. */
  'reporter_acknowledged',
  /** To the reporter: the report is resolved, with the outcome note. */
  'reporter_resolved',
  /** To the recipients: the reporter withdrew the report. */
  'report_withdrawn',
  /** To IT security: a message about a report could not be delivered (dead letter). */
  'delivery_failed',
  /** To IT security, without the report's content: a report was saved but routing found nobody to receive it. */
  'report_unrouted',
  /** To the reporter: someone started handling the report. */
  'reporter_progress',
  /** To the reporter: nobody took the report in time, so it went on to the next level. */
  'reporter_escalated',
  /** To the reporter: their withdrawal was recorded. */
  'reporter_withdrawn',
  /** To the recipients who did not act: someone else closed the report. */
  'report_closed',
  /**
   * Not a new message: redraws one alert copy already delivered (data.copyOf = its idempotency key,
   * data.copyKind = its kind, data.door = the platform that delivered it) to show the report as it is now.
   */
  'alert_refresh',
  /**
   * Not queued: the reporter's receipt, shown by the door the report was made on and recorded as delivered
   * there, so that every change redraws it (its Withdraw goes when it no longer applies) like an alert copy.
   */
  'reporter_receipt',
  /**
   * Not queued: a report's details a door showed one viewer on request, recorded as delivered there, so that
   * every change redraws them for that viewer (access checked again, only the steps that still apply).
   */
  'details_card',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

/** Buttons a message can carry; an adapter maps a click back to the service call of the same name. */
export const MESSAGE_ACTIONS = {
  acknowledge: 'report.acknowledge',
  startProgress: 'report.start_progress',
  /** The reporter's Withdraw on their receipt: asks first (withdrawal.ts). */
  withdraw: WITHDRAW_ACTION.ask,
  /** Resolve with an outcome note (the door asks for the note). */
  resolve: 'report.resolve',
} as const;

/** Kinds that carry the report itself (an alert copy): they have buttons and are redrawn in place on every change. */
export const ALERT_COPY_KINDS: readonly MessageKind[] = ['report_alert', 'ack_reminder', 'escalation_alert'];
/**
 * Kinds whose delivered copies are redrawn in place on every change of the report (one 'alert_refresh' per
 * copy): the alert copies, the reporter's receipt and details shown on request.
 */
export const REFRESHED_COPY_KINDS: readonly MessageKind[] = [...ALERT_COPY_KINDS, 'reporter_receipt', 'details_card'];
export type MessageActionId = (typeof MESSAGE_ACTIONS)[keyof typeof MESSAGE_ACTIONS];
