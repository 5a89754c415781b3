CREATE TABLE "attendance_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"person_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_aliases_key_unique" UNIQUE("kind","key")
);
--> statement-breakpoint
CREATE TABLE "attendance_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"via" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"undone_by" uuid,
	"undone_at" timestamp with time zone,
	CONSTRAINT "attendance_imports_committed_at" CHECK ("attendance_imports"."status" = 'preview' or "attendance_imports"."committed_at" is not null),
	CONSTRAINT "attendance_imports_undone_at" CHECK ("attendance_imports"."status" <> 'undone' or "attendance_imports"."undone_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "attendance_import_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"raw_name" text NOT NULL,
	"email" text,
	"seconds" integer NOT NULL,
	"first_join" timestamp with time zone,
	"last_leave" timestamp with time zone,
	"person_id" uuid,
	"match" text,
	CONSTRAINT "import_participants_position_unique" UNIQUE("import_id","position"),
	CONSTRAINT "import_participants_seconds" CHECK ("attendance_import_participants"."seconds" >= 0),
	CONSTRAINT "import_participants_match" CHECK (("attendance_import_participants"."match" is null and "attendance_import_participants"."person_id" is null) or ("attendance_import_participants"."match" = 'guest' and "attendance_import_participants"."person_id" is null) or ("attendance_import_participants"."match" not in ('guest') and "attendance_import_participants"."person_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "attendance" DROP CONSTRAINT "attendance_call_person_unique";--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "series_date" date;--> statement-breakpoint
ALTER TABLE "attendance_aliases" ADD CONSTRAINT "attendance_aliases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_aliases" ADD CONSTRAINT "attendance_aliases_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_committed_by_people_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_undone_by_people_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_import_participants" ADD CONSTRAINT "attendance_import_participants_import_id_attendance_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."attendance_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_import_participants" ADD CONSTRAINT "attendance_import_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_imports_call_idx" ON "attendance_imports" USING btree ("call_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_imports_committed_once" ON "attendance_imports" USING btree ("call_id","sha256") WHERE "attendance_imports"."status" = 'committed';--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_one_active" ON "calendar_feeds" USING btree ("person_id") WHERE "calendar_feeds"."revoked_at" is null;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_import_id_attendance_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."attendance_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_call_person_direct_unique" ON "attendance" USING btree ("call_id","person_id") WHERE "attendance"."import_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_import_person_unique" ON "attendance" USING btree ("import_id","person_id");--> statement-breakpoint
-- Every call of the weekly series so far stands for its own date.
UPDATE "calls" SET "series_date" = "local_date" WHERE "is_series";--> statement-breakpoint
CREATE UNIQUE INDEX "calls_series_date_unique" ON "calls" USING btree ("series_date");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_local_date_unique" ON "calls" USING btree ("local_date");--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_series_date" CHECK ("calls"."is_series" = ("calls"."series_date" is not null));--> statement-breakpoint
-- Pages show imports and aliases: their writes bump content_version like the other records (0001).
CREATE TRIGGER attendance_imports_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance_imports FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER attendance_import_participants_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance_import_participants FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
CREATE TRIGGER attendance_aliases_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON attendance_aliases FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
-- Audited like the other records (0003). The participant rows of an import are not: they are
-- what the stored file says (its insert is audited), and a hand match is audited as its alias.
CREATE TRIGGER attendance_imports_audit AFTER INSERT OR UPDATE OR DELETE ON attendance_imports FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER attendance_aliases_audit AFTER INSERT OR UPDATE OR DELETE ON attendance_aliases FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER calendar_feeds_audit AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds FOR EACH ROW EXECUTE FUNCTION hub_audit();
