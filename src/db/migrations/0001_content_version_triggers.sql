-- Every write to a table that pages show bumps content_version and notifies listeners,
-- so that each Hub process knows when its cached pages are stale (docs/decisions/003).
INSERT INTO content_version (id, version) VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION hub_touch_content() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v bigint;
BEGIN
  UPDATE content_version SET version = version + 1 WHERE id = 1 RETURNING version INTO v;
  PERFORM pg_notify('hub_content_changed', v::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER organization_partners_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organization_partners FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER admission_events_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON admission_events FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER designation_programs_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON designation_programs FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER designations_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON designations FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER people_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER seats_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON seats FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER calls_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calls FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER attendance_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER presentations_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON presentations FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER sharing_attestations_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sharing_attestations FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER outcome_reports_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_reports FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER outcome_figures_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_figures FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER briefings_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON briefings FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER settings_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
