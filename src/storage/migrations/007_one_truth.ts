/**
 * One state, every copy (issue 12):
 * - outbox.delivered_via: the door (slack, teams, web...) that delivered a message, so the audit trail names
 *   it and a change of the report can redraw each alert copy on the door that holds it;
 * - the report timeline becomes append-only in the database itself: a trigger refuses UPDATE, and refuses
 *   DELETE except by the retention purge, which announces the one report it purges in its own transaction
 *   with set_config('somebot.timeline_purge', <reference>, true) (see purgeReport). TRUNCATE is refused too.
 */
export const sql = `
ALTER TABLE outbox ADD COLUMN delivered_via text;

CREATE FUNCTION report_timeline_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.reference = current_setting('somebot.timeline_purge', true) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'report_timeline is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER report_timeline_append_only
  BEFORE UPDATE OR DELETE ON report_timeline
  FOR EACH ROW EXECUTE FUNCTION report_timeline_append_only();

CREATE FUNCTION report_timeline_no_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_timeline is append-only (TRUNCATE refused)' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER report_timeline_no_truncate
  BEFORE TRUNCATE ON report_timeline
  FOR EACH STATEMENT EXECUTE FUNCTION report_timeline_no_truncate();
`;
