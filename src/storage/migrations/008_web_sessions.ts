/**
 * The web console's sign-in (issue 13): server-side sessions, shared by every bot process on the same
 * database, and who has ever signed in to the console (the web inbox counts as a delivery only for them).
 * A session row holds no secret: the browser's cookie carries a random id, the table its SHA-256.
 */
export const sql = `
CREATE TABLE web_sessions (
  id_hash text PRIMARY KEY,
  person_id text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_expires_idx ON web_sessions (expires_at);

CREATE TABLE web_console_people (
  person_id text PRIMARY KEY,
  first_signed_in_at timestamptz NOT NULL,
  last_signed_in_at timestamptz NOT NULL
);
`;
