-- The audit log is append-only like the timeline (0001): TRUNCATE fires no row triggers, so it
-- needs its own statement-level guard, as timeline_events has had since 0001.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION kesu_refuse_history_change();
