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
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && (MESSAGE_KINDS as readonly string[]).includes(value);
}

/** Buttons a message can carry; an adapter maps a click back to the service call of the same name. */
export const MESSAGE_ACTIONS = {
  acknowledge: 'report.acknowledge',
  startProgress: 'report.start_progress',
} as const;
export type MessageActionId = (typeof MESSAGE_ACTIONS)[keyof typeof MESSAGE_ACTIONS];
