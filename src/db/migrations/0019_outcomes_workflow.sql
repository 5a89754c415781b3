CREATE TABLE "outcome_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"period_kind" text DEFAULT 'custom' NOT NULL,
	"designation_id" uuid,
	"target" bigint,
	"version" integer NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "outcome_goals_version_unique" UNIQUE("organization_id","metric","period_start","period_end","version"),
	CONSTRAINT "outcome_goals_period_ordered" CHECK ("outcome_goals"."period_end" >= "outcome_goals"."period_start"),
	CONSTRAINT "outcome_goals_nonnegative" CHECK (coalesce("outcome_goals"."target", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "outcome_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"via" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"undone_by" uuid,
	"undone_at" timestamp with time zone,
	CONSTRAINT "outcome_imports_committed_at" CHECK ("outcome_imports"."status" = 'preview' or "outcome_imports"."committed_at" is not null),
	CONSTRAINT "outcome_imports_undone_at" CHECK ("outcome_imports"."status" <> 'undone' or "outcome_imports"."undone_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "outcome_metrics" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sums" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "outcome_metrics_key_format" CHECK ("outcome_metrics"."key" ~ '^[a-z][a-z0-9_]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "outcome_report_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"action" text NOT NULL,
	"person_id" uuid,
	"at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"comment" text,
	"figure_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "outcome_report_events_correction_reason" CHECK ("outcome_report_events"."action" <> 'corrected' or "outcome_report_events"."comment" is not null)
);
--> statement-breakpoint
CREATE TABLE "reported_facts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"topic" text DEFAULT 'other' NOT NULL,
	"label" text NOT NULL,
	"value" bigint NOT NULL,
	"unit" text NOT NULL,
	"qualifier" text DEFAULT 'exactly' NOT NULL,
	"as_of" date NOT NULL,
	"source_title" text NOT NULL,
	"source_url" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	CONSTRAINT "reported_facts_nonnegative" CHECK ("reported_facts"."value" >= 0)
);
--> statement-breakpoint
INSERT INTO "outcome_metrics" ("key", "name", "unit", "description", "sums", "position") VALUES
	('jobs_created', 'Jobs created', 'count', 'New jobs at firms the community helped, counted once.', true, 1),
	('jobs_retained', 'Jobs retained', 'count', 'Existing jobs kept that would otherwise have been lost.', true, 2),
	('workers_trained', 'Workers trained', 'count', 'People who finished a training programme the community ran or funded.', true, 3),
	('businesses_assisted', 'Businesses assisted', 'count', 'Firms that received direct help.', true, 4),
	('private_investment_cents', 'Private investment leveraged', 'usd', 'Private money invested alongside the community''s work.', true, 5),
	('public_funding_cents', 'Public funding won', 'usd', 'Federal, state and local awards won.', true, 6)
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "outcome_metrics" ("key", "name", "unit", "sums", "position")
	SELECT DISTINCT f."metric", initcap(replace(f."metric", '_', ' ')), 'count', true, 100 FROM "outcome_figures" f
	ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "outcome_figures" DROP CONSTRAINT "outcome_figures_nonnegative";--> statement-breakpoint
ALTER TABLE "outcome_figures" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "period_kind" text DEFAULT 'custom' NOT NULL;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "designation_id" uuid;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "source_url" text;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "evidence_file_id" uuid;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "evidence_url" text;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "round" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "created_at" timestamp with time zone DEFAULT hub_now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outcome_goals" ADD CONSTRAINT "outcome_goals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_goals" ADD CONSTRAINT "outcome_goals_metric_outcome_metrics_key_fk" FOREIGN KEY ("metric") REFERENCES "public"."outcome_metrics"("key") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "outcome_goals" ADD CONSTRAINT "outcome_goals_designation_id_designations_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."designations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_goals" ADD CONSTRAINT "outcome_goals_set_by_people_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_imports" ADD CONSTRAINT "outcome_imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_imports" ADD CONSTRAINT "outcome_imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_imports" ADD CONSTRAINT "outcome_imports_committed_by_people_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_imports" ADD CONSTRAINT "outcome_imports_undone_by_people_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_report_events" ADD CONSTRAINT "outcome_report_events_report_id_outcome_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."outcome_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_report_events" ADD CONSTRAINT "outcome_report_events_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_facts" ADD CONSTRAINT "reported_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reported_facts" ADD CONSTRAINT "reported_facts_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outcome_imports_created_idx" ON "outcome_imports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_imports_committed_once" ON "outcome_imports" USING btree ("sha256") WHERE "outcome_imports"."status" = 'committed';--> statement-breakpoint
CREATE INDEX "outcome_report_events_report_idx" ON "outcome_report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "reported_facts_org_idx" ON "reported_facts" USING btree ("organization_id","as_of");--> statement-breakpoint
ALTER TABLE "outcome_figures" ADD CONSTRAINT "outcome_figures_metric_outcome_metrics_key_fk" FOREIGN KEY ("metric") REFERENCES "public"."outcome_metrics"("key") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_designation_id_designations_id_fk" FOREIGN KEY ("designation_id") REFERENCES "public"."designations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_import_id_outcome_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."outcome_imports"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_one_per_period" UNIQUE("organization_id","period_start","period_end");--> statement-breakpoint
ALTER TABLE "outcome_figures" ADD CONSTRAINT "outcome_figures_nonnegative" CHECK (coalesce("outcome_figures"."actual", 0) >= 0);--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_verified_at" CHECK ("outcome_reports"."status" <> 'verified' or "outcome_reports"."verified_at" is not null);--> statement-breakpoint
INSERT INTO "outcome_goals" ("organization_id", "metric", "period_start", "period_end", "target", "version")
	SELECT r."organization_id", f."metric", r."period_start", r."period_end", f."goal", 1
	FROM "outcome_figures" f JOIN "outcome_reports" r ON r."id" = f."report_id" WHERE f."goal" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "outcome_figures" DROP COLUMN "goal";--> statement-breakpoint
CREATE TRIGGER outcome_metrics_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_metrics FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER outcome_goals_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_goals FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER outcome_report_events_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_report_events FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER reported_facts_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reported_facts FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER outcome_imports_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_imports FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER outcome_metrics_audit AFTER INSERT OR UPDATE OR DELETE ON outcome_metrics FOR EACH ROW EXECUTE FUNCTION hub_audit();--> statement-breakpoint
CREATE TRIGGER outcome_goals_audit AFTER INSERT OR UPDATE OR DELETE ON outcome_goals FOR EACH ROW EXECUTE FUNCTION hub_audit();--> statement-breakpoint
CREATE TRIGGER reported_facts_audit AFTER INSERT OR UPDATE OR DELETE ON reported_facts FOR EACH ROW EXECUTE FUNCTION hub_audit();--> statement-breakpoint
CREATE TRIGGER outcome_imports_audit AFTER INSERT OR UPDATE OR DELETE ON outcome_imports FOR EACH ROW EXECUTE FUNCTION hub_audit();
