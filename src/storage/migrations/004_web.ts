/**
 * The web chat and operations (issue 4): verdicts on answers, and which outbox messages the web chat showed
 * (so a reloaded page shows them again). Neither table holds personal text: feedback keeps no question and
 * no person; a web delivery keeps only the outbox key and who saw it. The message itself is rendered again
 * from the report when the page asks, so the retention purge (which deletes the outbox rows) removes it.
 */
export const sql = `
CREATE TABLE answer_feedback (
  platform text NOT NULL,
  answer_id text NOT NULL,
  helpful boolean NOT NULL,
  lang text NOT NULL,
  answered boolean NOT NULL,
  passage_id text,
  at timestamptz NOT NULL,
  PRIMARY KEY (platform, answer_id)
);

CREATE TABLE web_deliveries (
  idempotency_key text PRIMARY KEY REFERENCES outbox (idempotency_key) ON DELETE CASCADE,
  person_id text,
  channel_key text,
  delivered_at timestamptz NOT NULL,
  CHECK ((person_id IS NULL) <> (channel_key IS NULL))
);
CREATE INDEX web_deliveries_person_idx ON web_deliveries (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX web_deliveries_channel_idx ON web_deliveries (channel_key) WHERE channel_key IS NOT NULL;
`;
