CREATE TABLE "attendance_history_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"status" text DEFAULT 'preview' NOT NULL,
	"via" text NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"undone_by" uuid,
	"undone_at" timestamp with time zone,
	CONSTRAINT "attendance_history_committed_at" CHECK ("attendance_history_imports"."status" = 'preview' or "attendance_history_imports"."committed_at" is not null),
	CONSTRAINT "attendance_history_undone_at" CHECK ("attendance_history_imports"."status" <> 'undone' or "attendance_history_imports"."undone_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "attendance_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"asked_by" uuid,
	"appeared_as" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'open' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answer_reason" text,
	"created_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	CONSTRAINT "attendance_questions_status" CHECK ("attendance_questions"."status" in ('open', 'accepted', 'declined')),
	CONSTRAINT "attendance_questions_answered" CHECK ("attendance_questions"."status" = 'open' or ("attendance_questions"."answered_at" is not null)),
	CONSTRAINT "attendance_questions_decline_reason" CHECK ("attendance_questions"."status" <> 'declined' or "attendance_questions"."answer_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "attendance" ADD COLUMN "history_import_id" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "join_url" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "dial_in" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "added_reason" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "seat_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "commitments_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "nominees" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "commitments" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "attendance_history_imports" ADD CONSTRAINT "attendance_history_imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_history_imports" ADD CONSTRAINT "attendance_history_imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_history_imports" ADD CONSTRAINT "attendance_history_imports_committed_by_people_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_history_imports" ADD CONSTRAINT "attendance_history_imports_undone_by_people_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_questions" ADD CONSTRAINT "attendance_questions_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_questions" ADD CONSTRAINT "attendance_questions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_questions" ADD CONSTRAINT "attendance_questions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_questions" ADD CONSTRAINT "attendance_questions_asked_by_people_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_questions" ADD CONSTRAINT "attendance_questions_answered_by_people_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_history_imports_created_idx" ON "attendance_history_imports" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_history_imports_committed_once" ON "attendance_history_imports" USING btree ("sha256") WHERE "attendance_history_imports"."status" = 'committed';--> statement-breakpoint
CREATE INDEX "attendance_questions_call_idx" ON "attendance_questions" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "attendance_questions_open_idx" ON "attendance_questions" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_history_import_id_attendance_history_imports_id_fk" FOREIGN KEY ("history_import_id") REFERENCES "public"."attendance_history_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_history_import_idx" ON "attendance" USING btree ("history_import_id");--> statement-breakpoint
-- Audit every write to the new attendance tables, as for the other call tables.
CREATE TRIGGER attendance_history_imports_audit AFTER INSERT OR UPDATE OR DELETE ON attendance_history_imports FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER attendance_questions_audit AFTER INSERT OR UPDATE OR DELETE ON attendance_questions FOR EACH ROW EXECUTE FUNCTION hub_audit();
