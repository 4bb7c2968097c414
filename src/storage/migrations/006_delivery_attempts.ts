/**
 * Exactly-once delivery when a platform's answer is lost: the outbox remembers when the first attempt whose
 * outcome is unknown started (set just before the platform is called, cleared when the platform said no).
 * A row claimed with it set is looked up on the platform before it is posted again.
 */
export const sql = `
ALTER TABLE outbox ADD COLUMN attempt_started_at timestamptz;
`;
