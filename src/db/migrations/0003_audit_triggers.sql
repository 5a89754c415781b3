-- Every write to these tables leaves a row in audit_log: who (hub.actor, set per transaction
-- by the app), when, which record, the changed fields and the row before and after, with
-- secrets left out. Import and demo loading set hub.audit_off. See docs/decisions/004.
CREATE OR REPLACE FUNCTION hub_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  secrets text[] := ARRAY['password', 'access_token', 'refresh_token', 'id_token', 'token_hash', 'token'];
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
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hub_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log cannot be changed or deleted';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION hub_audit_log_is_append_only();
--> statement-breakpoint
CREATE TRIGGER organizations_audit AFTER INSERT OR UPDATE OR DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER organization_partners_audit AFTER INSERT OR UPDATE OR DELETE ON organization_partners FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER admission_events_audit AFTER INSERT OR UPDATE OR DELETE ON admission_events FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER designation_programs_audit AFTER INSERT OR UPDATE OR DELETE ON designation_programs FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER designations_audit AFTER INSERT OR UPDATE OR DELETE ON designations FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER people_audit AFTER INSERT OR UPDATE OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER seats_audit AFTER INSERT OR UPDATE OR DELETE ON seats FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER calls_audit AFTER INSERT OR UPDATE OR DELETE ON calls FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER attendance_audit AFTER INSERT OR UPDATE OR DELETE ON attendance FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER presentations_audit AFTER INSERT OR UPDATE OR DELETE ON presentations FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER sharing_attestations_audit AFTER INSERT OR UPDATE OR DELETE ON sharing_attestations FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER outcome_reports_audit AFTER INSERT OR UPDATE OR DELETE ON outcome_reports FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER outcome_figures_audit AFTER INSERT OR UPDATE OR DELETE ON outcome_figures FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER briefings_audit AFTER INSERT OR UPDATE OR DELETE ON briefings FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER settings_audit AFTER INSERT OR UPDATE OR DELETE ON settings FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER staff_members_audit AFTER INSERT OR UPDATE OR DELETE ON staff_members FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER board_members_audit AFTER INSERT OR UPDATE OR DELETE ON board_members FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER api_tokens_audit AFTER INSERT OR UPDATE OR DELETE ON api_tokens FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER auth_users_audit AFTER INSERT OR UPDATE OR DELETE ON auth_users FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER auth_accounts_audit AFTER INSERT OR UPDATE OR DELETE ON auth_accounts FOR EACH ROW EXECUTE FUNCTION hub_audit();
