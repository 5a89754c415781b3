-- A briefing's visibility was a flag; it is now one of the content visibilities (public, members).
UPDATE "briefings" SET "visibility" = CASE WHEN "is_public" THEN 'public' ELSE 'members' END;--> statement-breakpoint
ALTER TABLE "briefings" DROP COLUMN "is_public";--> statement-breakpoint
-- The new tables that public pages show bump content_version, as in 0001.
CREATE TRIGGER site_pages_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_pages FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER news_posts_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON news_posts FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER redirects_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON redirects FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();--> statement-breakpoint
CREATE TRIGGER briefing_attachments_touch_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON briefing_attachments FOR EACH STATEMENT EXECUTE FUNCTION hub_touch_content();
