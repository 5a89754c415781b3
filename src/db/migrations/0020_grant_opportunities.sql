CREATE TABLE "grant_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"extract_date" date NOT NULL,
	"via" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"unknown_elements" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problem" text,
	"imported_by" uuid,
	"started_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grant_opportunities" (
	"opportunity_id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"version_label" text DEFAULT '' NOT NULL,
	"version_number" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"category" text,
	"category_explanation" text,
	"funding_instruments" text[] DEFAULT '{}'::text[] NOT NULL,
	"funding_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"funding_category_explanation" text,
	"assistance_listings" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligible_applicants" text[] DEFAULT '{}'::text[] NOT NULL,
	"eligibility_note" text,
	"agency_code" text,
	"agency_name" text,
	"post_date" date,
	"close_date" date,
	"close_date_note" text,
	"last_updated" date NOT NULL,
	"archive_date" date,
	"award_ceiling" bigint,
	"award_floor" bigint,
	"total_funding" bigint,
	"expected_awards" bigint,
	"description_html" text DEFAULT '' NOT NULL,
	"cost_sharing" boolean,
	"info_url" text,
	"info_text" text,
	"contact_email" text,
	"contact_email_description" text,
	"contact_html" text DEFAULT '' NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"fiscal_year" integer,
	"estimated_post_date" date,
	"estimated_close_date" date,
	"estimated_close_note" text,
	"estimated_award_date" date,
	"estimated_project_start" date,
	"extract_date" date NOT NULL,
	"content_hash" text NOT NULL,
	"first_import_id" uuid,
	"last_import_id" uuid,
	CONSTRAINT "grant_opportunities_id_digits" CHECK ("grant_opportunities"."opportunity_id" ~ '^[0-9]{1,20}$')
);
--> statement-breakpoint
ALTER TABLE "grant_imports" ADD CONSTRAINT "grant_imports_imported_by_people_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_opportunities" ADD CONSTRAINT "grant_opportunities_first_import_id_grant_imports_id_fk" FOREIGN KEY ("first_import_id") REFERENCES "public"."grant_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_opportunities" ADD CONSTRAINT "grant_opportunities_last_import_id_grant_imports_id_fk" FOREIGN KEY ("last_import_id") REFERENCES "public"."grant_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_imports_started_idx" ON "grant_imports" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "grant_opportunities_close_idx" ON "grant_opportunities" USING btree ("close_date");--> statement-breakpoint
CREATE INDEX "grant_opportunities_agency_idx" ON "grant_opportunities" USING btree ("agency_code");--> statement-breakpoint
-- Opportunities are public federal data read in bulk (a daily extract of tens of thousands): the
-- import itself is audited (grant_imports), not each of its rows.
CREATE TRIGGER grant_opportunities_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_opportunities FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER grant_imports_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_imports FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER grant_imports_audit AFTER INSERT OR UPDATE OR DELETE ON grant_imports FOR EACH ROW EXECUTE FUNCTION hub_audit();
