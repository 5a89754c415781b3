-- The Hub's clock in SQL: the server's now() moved by the offset that the application sets on
-- each connection (hub.clock_offset_ms, from the configured clock: HUB_TODAY, tests). Every
-- column that records "when" defaults to it, so the app, its SQL and the database agree.
CREATE OR REPLACE FUNCTION hub_now() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT now() + make_interval(secs => coalesce(nullif(current_setting('hub.clock_offset_ms', true), ''), '0')::double precision / 1000)
$$;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_accounts" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_accounts" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_sessions" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_sessions" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_users" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_users" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_verifications" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "auth_verifications" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "attendance_aliases" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "attendance_imports" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "calendar_feeds" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ALTER COLUMN "claimed_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "reminder_preferences" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "sharing_attestations" ALTER COLUMN "recorded_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "settings" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "application_decisions" ALTER COLUMN "decided_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "application_events" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "application_evidence" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "application_reviews" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "board_votes" ALTER COLUMN "cast_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "stored_files" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "admission_events" ALTER COLUMN "recorded_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "created_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "updated_at" SET DEFAULT hub_now();--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "created_at" SET DEFAULT hub_now();