/**
 * Microsoft Teams (issue 6): where the bot reaches each Teams user and channel, and which messages it has
 * delivered there. Neither table holds message text. A conversation reference is Bot Framework addressing
 * (ids, tenant, service URL, display names); a sent message keeps only the outbox key, the Teams activity id
 * and the report status the card shows, so a card can be updated in place and a message is never sent twice.
 */
export const sql = `
CREATE TABLE teams_conversations (
  conversation_key text PRIMARY KEY,
  reference jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  blocked_at timestamptz
);

CREATE TABLE teams_sent_messages (
  idempotency_key text PRIMARY KEY,
  reference text REFERENCES reports (reference) ON DELETE CASCADE,
  conversation_key text NOT NULL,
  activity_id text NOT NULL,
  card_status text,
  sent_at timestamptz NOT NULL
);
CREATE INDEX teams_sent_messages_cards_idx ON teams_sent_messages (reference) WHERE card_status IS NOT NULL;
`;
