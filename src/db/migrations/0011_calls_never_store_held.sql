-- "Held" is derived (not cancelled and the day is over), never stored: the weekly series never set it,
-- so a count of stored 'held' calls said 0. Fold it into 'scheduled' and refuse it from now on.
UPDATE "calls" SET "status" = 'scheduled' WHERE "status" = 'held';--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_status_known" CHECK ("calls"."status" in ('scheduled', 'cancelled'));