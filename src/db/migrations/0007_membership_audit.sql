-- Audit every write to the membership tables (file contents are left out of the log).
CREATE TRIGGER stored_files_audit AFTER INSERT OR UPDATE OR DELETE ON stored_files FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER applications_audit AFTER INSERT OR UPDATE OR DELETE ON applications FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER application_evidence_audit AFTER INSERT OR UPDATE OR DELETE ON application_evidence FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER application_reviews_audit AFTER INSERT OR UPDATE OR DELETE ON application_reviews FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER application_events_audit AFTER INSERT OR UPDATE OR DELETE ON application_events FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER board_votes_audit AFTER INSERT OR UPDATE OR DELETE ON board_votes FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER application_decisions_audit AFTER INSERT OR UPDATE OR DELETE ON application_decisions FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
-- The file bytes would bloat the log: record the row without them.
CREATE OR REPLACE FUNCTION hub_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  secrets text[] := ARRAY['password', 'access_token', 'refresh_token', 'id_token', 'token_hash', 'token', 'data'];
  b jsonb;
  a jsonb;
  ch text[];
BEGIN
  IF coalesce(current_setting('hub.audit_off', true), '') = 'on' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN b := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN a := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(k ORDER BY k) INTO ch FROM jsonb_object_keys(a) AS k WHERE a -> k IS DISTINCT FROM b -> k;
    IF ch IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  INSERT INTO audit_log (actor, action, table_name, record_id, before, after, changed)
  VALUES (
    coalesce(nullif(current_setting('hub.actor', true), ''), 'system'),
    lower(TG_OP),
    TG_TABLE_NAME,
    coalesce(a ->> 'id', b ->> 'id', a ->> 'key', b ->> 'key'),
    b - secrets,
    a - secrets,
    ch
  );
  RETURN NULL;
END
$$;
