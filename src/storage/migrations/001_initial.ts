/**
 * Reports, their recipients, timeline (audit), outbox, escalation timers and dialog sessions.
 * Personal content lives only in the bytea columns (AES-256-GCM, see storage/contentCipher.ts).
 */
export const sql = `
CREATE TABLE report_sequences (
  year integer PRIMARY KEY,
  last_value integer NOT NULL
);

CREATE TABLE reports (
  reference text PRIMARY KEY,
  year integer NOT NULL,
  sequence integer NOT NULL,
  submission_key text UNIQUE,
  category text NOT NULL,
  platform text NOT NULL,
  account_kind text NOT NULL,
  occurred_on text NOT NULL,
  immediate_danger boolean NOT NULL,
  subject_is_manager boolean NOT NULL,
  urgency text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'withdrawn')),
  reporter_id text,
  reporter_lang text NOT NULL,
  subject_person_id text,
  content bytea,
  outcome bytea,
  rules jsonb NOT NULL,
  ack_timeout_minutes integer NOT NULL,
  submitted_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  progress_at timestamptz,
  closed_at timestamptz,
  closed_by text,
  purged_at timestamptz,
  UNIQUE (year, sequence)
);
CREATE INDEX reports_reporter_idx ON reports (reporter_id);
CREATE INDEX reports_closed_idx ON reports (closed_at) WHERE purged_at IS NULL;

CREATE TABLE report_recipients (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL REFERENCES reports (reference) ON DELETE CASCADE,
  level integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('person', 'channel')),
  person_id text,
  channel jsonb,
  role text NOT NULL,
  added_at timestamptz NOT NULL
);
CREATE INDEX report_recipients_reference_idx ON report_recipients (reference);
CREATE INDEX report_recipients_person_idx ON report_recipients (person_id);

CREATE TABLE report_timeline (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL REFERENCES reports (reference) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  event text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX report_timeline_reference_idx ON report_timeline (reference, id);

CREATE TABLE outbox (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  reference text REFERENCES reports (reference) ON DELETE CASCADE,
  kind text NOT NULL,
  addressee jsonb NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  claim_token text,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  dead_at timestamptz
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_reference_idx ON outbox (reference);

CREATE TABLE escalation_timers (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference text NOT NULL REFERENCES reports (reference) ON DELETE CASCADE,
  level integer NOT NULL,
  due_at timestamptz NOT NULL,
  fired_at timestamptz,
  cancelled_at timestamptz,
  UNIQUE (reference, level)
);
CREATE INDEX escalation_timers_due_idx ON escalation_timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;

CREATE TABLE dialog_sessions (
  conversation_id text PRIMARY KEY,
  state bytea NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dialog_sessions_updated_idx ON dialog_sessions (updated_at);
`;
