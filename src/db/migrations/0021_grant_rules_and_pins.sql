CREATE TABLE "grant_pins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" text NOT NULL,
	"call_id" uuid,
	"briefing_id" uuid,
	"visibility" text DEFAULT 'members' NOT NULL,
	"note" text,
	"pinned_by" uuid,
	"pinned_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	CONSTRAINT "grant_pins_one_place" CHECK (("grant_pins"."call_id" is null) <> ("grant_pins"."briefing_id" is null))
);
--> statement-breakpoint
CREATE TABLE "grant_relevance_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"value" text DEFAULT '' NOT NULL,
	"weight" integer NOT NULL,
	"only_program" text,
	"only_category" text,
	"only_state" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "grant_relevance_rules_weight" CHECK ("grant_relevance_rules"."weight" between -20 and 20)
);
--> statement-breakpoint
ALTER TABLE "grant_pins" ADD CONSTRAINT "grant_pins_opportunity_id_grant_opportunities_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."grant_opportunities"("opportunity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_pins" ADD CONSTRAINT "grant_pins_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_pins" ADD CONSTRAINT "grant_pins_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_pins" ADD CONSTRAINT "grant_pins_pinned_by_people_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_pins_opportunity_idx" ON "grant_pins" USING btree ("opportunity_id");--> statement-breakpoint
-- The default relevance rules (staff edit them): subjects the network's communities work on, the
-- applicants they can be, the agencies and assistance listings that fund them.
-- Ids derived from each rule, so that every database starts with the same rows (an export of one
-- network compares equal across engines).
INSERT INTO "grant_relevance_rules" ("id", "kind", "value", "weight", "only_program", "position")
SELECT md5('grant-relevance-rule:' || v.kind || ':' || v.value)::uuid, v.kind, v.value, v.weight, v.only_program, v.position
FROM (VALUES
	('funding_category', 'BC', 2, NULL, 1),
	('funding_category', 'CD', 2, NULL, 2),
	('funding_category', 'ELT', 3, NULL, 3),
	('funding_category', 'RD', 3, NULL, 4),
	('funding_category', 'ST', 2, NULL, 5),
	('eligible_applicant', '00', 1, NULL, 6),
	('eligible_applicant', '01', 1, NULL, 7),
	('eligible_applicant', '02', 1, NULL, 8),
	('eligible_applicant', '06', 1, NULL, 9),
	('eligible_applicant', '12', 1, NULL, 10),
	('eligible_applicant', '25', 1, NULL, 11),
	('eligible_applicant', '99', 1, NULL, 12),
	('agency', 'DOC-EDA', 2, NULL, 13),
	('agency', 'DOC-NIST', 2, NULL, 14),
	('agency', 'DOD', 2, 'DMCSP', 15),
	('assistance_listing', '11.307', 3, NULL, 16),
	('assistance_listing', '11.300', 2, NULL, 17),
	('assistance_listing', '11.611', 3, NULL, 18),
	('assistance_listing', '12.600', 3, 'DMCSP', 19),
	('keyword', 'manufacturing', 3, NULL, 20),
	('keyword', 'manufacturer', 2, NULL, 21),
	('keyword', 'workforce', 2, NULL, 22),
	('keyword', 'supply chain', 2, NULL, 23),
	('keyword', 'defense industrial base', 3, NULL, 24),
	('keyword', 'advanced manufacturing', 2, NULL, 25),
	('keyword', 'apprenticeship', 2, NULL, 26),
	('keyword', 'economic development', 2, NULL, 27),
	('focus_industry', '', 2, NULL, 28)) AS v(kind, value, weight, only_program, position);--> statement-breakpoint
CREATE TRIGGER grant_relevance_rules_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_relevance_rules FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER grant_relevance_rules_audit AFTER INSERT OR UPDATE OR DELETE ON grant_relevance_rules FOR EACH ROW EXECUTE FUNCTION hub_audit();--> statement-breakpoint
CREATE TRIGGER grant_pins_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_pins FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER grant_pins_audit AFTER INSERT OR UPDATE OR DELETE ON grant_pins FOR EACH ROW EXECUTE FUNCTION hub_audit();
