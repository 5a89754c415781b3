CREATE TABLE "attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"seconds" integer NOT NULL,
	"source" text NOT NULL,
	"first_join" timestamp with time zone,
	"last_leave" timestamp with time zone,
	CONSTRAINT "attendance_call_person_unique" UNIQUE("call_id","person_id"),
	CONSTRAINT "attendance_seconds_nonnegative" CHECK ("attendance"."seconds" >= 0)
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"local_date" date NOT NULL,
	"start_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"is_series" boolean DEFAULT true NOT NULL,
	"title" text,
	"agenda" text,
	"notes" text,
	"recording_url" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "calls_start_time_format" CHECK ("calls"."start_time" ~ '^[0-2][0-9]:[0-5][0-9]$'),
	CONSTRAINT "calls_duration_positive" CHECK ("calls"."duration_minutes" > 0),
	CONSTRAINT "calls_cancel_reason" CHECK ("calls"."status" <> 'cancelled' or "calls"."cancel_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "presentations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"call_id" uuid,
	"requested_month" integer,
	"status" text NOT NULL,
	"title" text,
	"actual_minutes" integer,
	CONSTRAINT "presentations_org_year_unique" UNIQUE("organization_id","year"),
	CONSTRAINT "presentations_month_range" CHECK ("presentations"."requested_month" is null or "presentations"."requested_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "sharing_attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"shared_on" date NOT NULL,
	"audience" text NOT NULL,
	"channel" text NOT NULL,
	"description" text,
	"evidence_url" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"published_on" date,
	"body_markdown" text NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"call_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "briefings_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "content_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "content_version_single_row" CHECK ("content_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "outcome_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"actual" bigint,
	"goal" bigint,
	CONSTRAINT "outcome_figures_report_metric_unique" UNIQUE("report_id","metric"),
	CONSTRAINT "outcome_figures_nonnegative" CHECK (coalesce("outcome_figures"."actual", 0) >= 0 and coalesce("outcome_figures"."goal", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "outcome_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"note" text,
	"source" text,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	CONSTRAINT "outcome_reports_period_ordered" CHECK ("outcome_reports"."period_end" >= "outcome_reports"."period_start")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "designation_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"agency" text,
	"notes" text,
	CONSTRAINT "designation_programs_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"designated_on" date NOT NULL,
	"expires_on" date,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "admission_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "organization_partners_name_unique" UNIQUE("organization_id","name")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"category" text NOT NULL,
	"bff_kind" text,
	"lead_organization" text,
	"summary" text,
	"website" text,
	"states" text[] DEFAULT '{}'::text[] NOT NULL,
	"counties" text[] DEFAULT '{}'::text[] NOT NULL,
	"focus_industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_fictional" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organizations_bff_kind_only_for_bffs" CHECK ("organizations"."bff_kind" is null or "organizations"."category" = 'bff'),
	CONSTRAINT "organizations_slug_format" CHECK ("organizations"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"title" text,
	"organization_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	CONSTRAINT "seats_dates_ordered" CHECK ("seats"."ends_on" is null or "seats"."ends_on" > "seats"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD CONSTRAINT "sharing_attestations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD CONSTRAINT "sharing_attestations_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_figures" ADD CONSTRAINT "outcome_figures_report_id_outcome_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."outcome_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_reports" ADD CONSTRAINT "outcome_reports_verified_by_people_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designations" ADD CONSTRAINT "designations_program_id_designation_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."designation_programs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_events" ADD CONSTRAINT "admission_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_partners" ADD CONSTRAINT "organization_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_person_idx" ON "attendance" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "calls_starts_at_idx" ON "calls" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "sharing_org_idx" ON "sharing_attestations" USING btree ("organization_id","shared_on");--> statement-breakpoint
CREATE INDEX "briefings_published_idx" ON "briefings" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "outcome_reports_org_idx" ON "outcome_reports" USING btree ("organization_id","period_start");--> statement-breakpoint
CREATE INDEX "designations_org_idx" ON "designations" USING btree ("organization_id","designated_on");--> statement-breakpoint
CREATE INDEX "admission_events_org_idx" ON "admission_events" USING btree ("organization_id","effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "people_email_unique" ON "people" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "seats_org_role_idx" ON "seats" USING btree ("organization_id","role","starts_on");--> statement-breakpoint
CREATE INDEX "seats_person_idx" ON "seats" USING btree ("person_id");