/**
 * Error codes of the Teams adapter, declared once. They travel as DeliveryError reasons into the outbox
 * and the report timeline (never with message text), and as the `error` of a 400 answer.
 */
export enum TeamsErrorCode {
  /** The request body is not a Bot Framework activity the bot can handle. */
  MalformedActivity = 'teams_malformed_activity',
  /** No conversation reference for the recipient: the bot was never installed by that user or in that team. */
  NoConversation = 'teams_no_conversation',
  /** Teams answered 403: the user blocked or removed the bot. */
  Forbidden = 'teams_forbidden',
  /** Teams answered 404: the conversation no longer exists. */
  ConversationGone = 'teams_conversation_gone',
  /** Teams answered 429 and the retries within this delivery did not get through. */
  RateLimited = 'teams_rate_limited',
  /** Teams answered 401: the bot's own credentials were refused. */
  Unauthorized = 'teams_unauthorized',
  /** Any other failure (5xx, network); the relay retries. */
  Unavailable = 'teams_unavailable',
  /** SOMEBOT_DEV=1: a request through a proxy or from another computer reached the unauthenticated endpoint. */
  NotDirect = 'teams_not_direct',
}

/** A failed call to the Bot Connector service, with the HTTP status when there was one. */
export class TeamsError extends Error {
  override readonly name = 'TeamsError';
  constructor(
    readonly code: TeamsErrorCode,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(code);
  }
}

export function isTeamsError(value: unknown): value is TeamsError {
  return value instanceof TeamsError;
}
