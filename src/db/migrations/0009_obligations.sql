CREATE TABLE "reminder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "reminder_deliveries_once" UNIQUE("kind","subject","person_id")
);
--> statement-breakpoint
CREATE TABLE "reminder_preferences" (
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_preferences_person_id_kind_pk" PRIMARY KEY("person_id","kind")
);
--> statement-breakpoint
CREATE TABLE "sharing_briefings" (
	"sharing_id" uuid NOT NULL,
	"briefing_id" uuid NOT NULL,
	CONSTRAINT "sharing_briefings_sharing_id_briefing_id_pk" PRIMARY KEY("sharing_id","briefing_id")
);
--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD COLUMN "evidence_file_id" uuid;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD COLUMN "question" text;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD COLUMN "questioned_by" uuid;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD COLUMN "questioned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD COLUMN "answer" text;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_preferences" ADD CONSTRAINT "reminder_preferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_briefings" ADD CONSTRAINT "sharing_briefings_sharing_id_sharing_attestations_id_fk" FOREIGN KEY ("sharing_id") REFERENCES "public"."sharing_attestations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_briefings" ADD CONSTRAINT "sharing_briefings_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD CONSTRAINT "sharing_attestations_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_attestations" ADD CONSTRAINT "sharing_attestations_questioned_by_people_id_fk" FOREIGN KEY ("questioned_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Pages show which briefings were shared: writes bump content_version (0001).
CREATE TRIGGER sharing_briefings_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sharing_briefings FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
--> statement-breakpoint
-- Audited like the other records (0003). Reminder deliveries are a send log, not records people edit.
CREATE TRIGGER sharing_briefings_audit AFTER INSERT OR UPDATE OR DELETE ON sharing_briefings FOR EACH ROW EXECUTE FUNCTION hub_audit();
--> statement-breakpoint
CREATE TRIGGER reminder_preferences_audit AFTER INSERT OR UPDATE OR DELETE ON reminder_preferences FOR EACH ROW EXECUTE FUNCTION hub_audit();
