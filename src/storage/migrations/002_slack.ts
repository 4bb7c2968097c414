/**
 * Slack (issue 5): event ids already handled, so a redelivered event (Slack retries after 3 s without an
 * answer) never yields a second answer or report; and where each outbox message was posted (channel and
 * ts), so the alert can be updated in place when the report's status changes. Neither table holds message
 * text. A posted message goes when its outbox row goes (retention purge).
 */
export const sql = `
CREATE TABLE slack_events (
  event_id text PRIMARY KEY,
  received_at timestamptz NOT NULL
);
CREATE INDEX slack_events_received_idx ON slack_events (received_at);

CREATE TABLE slack_messages (
  idempotency_key text PRIMARY KEY REFERENCES outbox (idempotency_key) ON DELETE CASCADE,
  reference text,
  channel_id text NOT NULL,
  ts text NOT NULL,
  posted_at timestamptz NOT NULL
);
CREATE INDEX slack_messages_reference_idx ON slack_messages (reference) WHERE reference IS NOT NULL;
`;
