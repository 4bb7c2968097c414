/**
 * The content owners' loop (issue 15). `question_log` keeps, encrypted, what content owners need to improve
 * the answers: questions the bot could not answer and answers marked "not helpful" — never the person or the
 * conversation. An answered question is held (kind 'held') only until its verdict or a day has passed, so that
 * a "Not helpful" can keep it. `learned_content` is what content owners taught (example questions,
 * out-of-scope words, contacts), applied on top of content/ by every process.
 */
export const sql = `
CREATE TABLE question_log (
  id bigserial PRIMARY KEY,
  entry_key text NOT NULL UNIQUE,
  answer_id text UNIQUE,
  kind text NOT NULL CHECK (kind IN ('unanswered', 'unhelpful', 'held')),
  question bytea NOT NULL,
  lang text NOT NULL,
  door text NOT NULL,
  asked_at timestamptz NOT NULL,
  reason text,
  passage_id text,
  closest jsonb NOT NULL DEFAULT '[]'::jsonb,
  expires_at timestamptz NOT NULL
);
CREATE INDEX question_log_kind_idx ON question_log (kind, asked_at);
CREATE INDEX question_log_expiry_idx ON question_log (expires_at);

CREATE TABLE learned_content (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('example_question', 'out_of_scope', 'contact')),
  text text NOT NULL,
  lang text NOT NULL,
  passage_id text,
  words jsonb NOT NULL DEFAULT '[]'::jsonb,
  contact text,
  taught_by text NOT NULL,
  taught_at timestamptz NOT NULL,
  undone_by text,
  undone_at timestamptz
);
`;
