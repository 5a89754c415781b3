CREATE TABLE "search_phrase_vectors" (
	"source" text NOT NULL,
	"id" uuid NOT NULL,
	"part" uuid DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL,
	"vector" "tsvector" NOT NULL,
	CONSTRAINT "search_phrase_vectors_source_id_part_pk" PRIMARY KEY("source","id","part")
);
--> statement-breakpoint
-- The copy stays in the row: a phrase's recheck reads it without going through TOAST (decision 027).
ALTER TABLE "search_phrase_vectors" ALTER COLUMN "vector" SET STORAGE MAIN;
--> statement-breakpoint
-- Each searched table keeps its copy: TG_ARGV[0] is the source's name.
CREATE OR REPLACE FUNCTION hub_copy_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_phrase_vectors WHERE source = TG_ARGV[0] AND id = OLD.id
      AND part = '00000000-0000-0000-0000-000000000000';
    RETURN NULL;
  END IF;
  INSERT INTO search_phrase_vectors (source, id, vector) VALUES (TG_ARGV[0], NEW.id, NEW.search_vector)
    ON CONFLICT (source, id, part) DO UPDATE SET vector = excluded.vector;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- An attachment's copy is keyed by its item and its file.
CREATE OR REPLACE FUNCTION hub_copy_attachment_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_phrase_vectors WHERE source = 'attachment' AND id = OLD.briefing_id AND part = OLD.file_id;
    RETURN NULL;
  END IF;
  INSERT INTO search_phrase_vectors (source, id, part, vector)
    VALUES ('attachment', NEW.briefing_id, NEW.file_id, NEW.search_vector)
    ON CONFLICT (source, id, part) DO UPDATE SET vector = excluded.vector;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER site_pages_copy_search_vector AFTER INSERT OR DELETE ON site_pages FOR EACH ROW EXECUTE FUNCTION hub_copy_search_vector('page');
--> statement-breakpoint
CREATE TRIGGER site_pages_recopy_search_vector AFTER UPDATE ON site_pages FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION hub_copy_search_vector('page');
--> statement-breakpoint
CREATE TRIGGER news_posts_copy_search_vector AFTER INSERT OR DELETE ON news_posts FOR EACH ROW EXECUTE FUNCTION hub_copy_search_vector('news');
--> statement-breakpoint
CREATE TRIGGER news_posts_recopy_search_vector AFTER UPDATE ON news_posts FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION hub_copy_search_vector('news');
--> statement-breakpoint
CREATE TRIGGER briefings_copy_search_vector AFTER INSERT OR DELETE ON briefings FOR EACH ROW EXECUTE FUNCTION hub_copy_search_vector('library');
--> statement-breakpoint
CREATE TRIGGER briefings_recopy_search_vector AFTER UPDATE ON briefings FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION hub_copy_search_vector('library');
--> statement-breakpoint
CREATE TRIGGER presentations_copy_search_vector AFTER INSERT OR DELETE ON presentations FOR EACH ROW EXECUTE FUNCTION hub_copy_search_vector('presentation');
--> statement-breakpoint
CREATE TRIGGER presentations_recopy_search_vector AFTER UPDATE ON presentations FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION hub_copy_search_vector('presentation');
--> statement-breakpoint
CREATE TRIGGER organizations_copy_search_vector AFTER INSERT OR DELETE ON organizations FOR EACH ROW EXECUTE FUNCTION hub_copy_search_vector('organization');
--> statement-breakpoint
CREATE TRIGGER organizations_recopy_search_vector AFTER UPDATE ON organizations FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION hub_copy_search_vector('organization');
--> statement-breakpoint
CREATE TRIGGER briefing_attachments_copy_search_vector AFTER INSERT OR DELETE ON briefing_attachments FOR EACH ROW EXECUTE FUNCTION hub_copy_attachment_search_vector();
--> statement-breakpoint
CREATE TRIGGER briefing_attachments_recopy_search_vector AFTER UPDATE ON briefing_attachments FOR EACH ROW WHEN (OLD.search_vector IS DISTINCT FROM NEW.search_vector) EXECUTE FUNCTION hub_copy_attachment_search_vector();
--> statement-breakpoint
INSERT INTO search_phrase_vectors (source, id, vector) SELECT 'page', id, search_vector FROM site_pages;
--> statement-breakpoint
INSERT INTO search_phrase_vectors (source, id, vector) SELECT 'news', id, search_vector FROM news_posts;
--> statement-breakpoint
INSERT INTO search_phrase_vectors (source, id, vector) SELECT 'library', id, search_vector FROM briefings;
--> statement-breakpoint
INSERT INTO search_phrase_vectors (source, id, vector) SELECT 'presentation', id, search_vector FROM presentations;
--> statement-breakpoint
INSERT INTO search_phrase_vectors (source, id, vector) SELECT 'organization', id, search_vector FROM organizations;
--> statement-breakpoint
INSERT INTO search_phrase_vectors (source, id, part, vector) SELECT 'attachment', briefing_id, file_id, search_vector FROM briefing_attachments;
