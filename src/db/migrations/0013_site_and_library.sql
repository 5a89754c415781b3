CREATE TABLE "announcement_recipients" (
	"announcement_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "announcement_recipients_announcement_id_person_id_pk" PRIMARY KEY("announcement_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"body_markdown" text NOT NULL,
	"audience" text NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT hub_now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing_attachments" (
	"briefing_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"extracted_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("briefing_attachments"."extracted_text", '')), 'D')) STORED,
	CONSTRAINT "briefing_attachments_briefing_id_file_id_pk" PRIMARY KEY("briefing_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "digest_deliveries" (
	"person_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	CONSTRAINT "digest_deliveries_person_id_week_start_pk" PRIMARY KEY("person_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "library_contributors" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT hub_now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_markdown" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"author_name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"cover_file_id" uuid,
	"cover_alt" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"import_key" text,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("news_posts"."title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("news_posts"."summary" || ' ' || hub_text_array("news_posts"."tags"), '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("news_posts"."body_markdown", '')), 'C')) STORED,
	CONSTRAINT "news_posts_slug_unique" UNIQUE("slug"),
	CONSTRAINT "news_posts_import_key_unique" UNIQUE("import_key"),
	CONSTRAINT "news_posts_slug_format" CHECK ("news_posts"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "news_posts_scheduled_has_time" CHECK ("news_posts"."status" = 'draft' or "news_posts"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "page_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"page_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body_markdown" text NOT NULL,
	"note" text DEFAULT 'Saved' NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	CONSTRAINT "page_revisions_page_number_unique" UNIQUE("page_id","number")
);
--> statement-breakpoint
CREATE TABLE "redirects" (
	"from_path" text PRIMARY KEY NOT NULL,
	"to_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT hub_now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_pages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_markdown" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"nav_order" integer DEFAULT 0 NOT NULL,
	"show_in_nav" boolean DEFAULT true NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"system_key" text,
	"import_key" text,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"updated_by" uuid,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("site_pages"."title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("site_pages"."summary", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("site_pages"."body_markdown", '')), 'C')) STORED,
	CONSTRAINT "site_pages_system_key_unique" UNIQUE("system_key"),
	CONSTRAINT "site_pages_import_key_unique" UNIQUE("import_key"),
	CONSTRAINT "site_pages_parent_slug_unique" UNIQUE NULLS NOT DISTINCT("parent_id","slug"),
	CONSTRAINT "site_pages_slug_format" CHECK ("site_pages"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "site_pages_scheduled_has_time" CHECK ("site_pages"."status" <> 'scheduled' or "site_pages"."publish_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "wordpress_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"site_url" text NOT NULL,
	"summary" jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT hub_now() NOT NULL,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "presentations" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "presentations" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "presentations" ADD COLUMN "recording_url" text;--> statement-breakpoint
ALTER TABLE "presentations" ADD COLUMN "slides_file_id" uuid;--> statement-breakpoint
ALTER TABLE "presentations" ADD COLUMN "visibility" text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "presentations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("presentations"."title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("presentations"."summary" || ' ' || hub_text_array("presentations"."topics"), '')), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "kind" text DEFAULT 'briefing' NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "links" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "focus_industries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "visibility" text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "submitted_by" uuid;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "approved_by" uuid;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "created_at" timestamp with time zone DEFAULT hub_now() NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT hub_now() NOT NULL;--> statement-breakpoint
ALTER TABLE "briefings" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("briefings"."title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("briefings"."summary" || ' ' || hub_text_array("briefings"."tags"), '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("briefings"."body_markdown", '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("organizations"."name" || ' ' || coalesce("organizations"."short_name", ''), '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(coalesce("organizations"."summary", '') || ' ' || hub_text_array("organizations"."focus_industries"), '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("organizations"."lead_organization", '')), 'C')) STORED;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_recipients" ADD CONSTRAINT "announcement_recipients_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_sent_by_people_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_attachments" ADD CONSTRAINT "briefing_attachments_briefing_id_briefings_id_fk" FOREIGN KEY ("briefing_id") REFERENCES "public"."briefings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_attachments" ADD CONSTRAINT "briefing_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_contributors" ADD CONSTRAINT "library_contributors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_contributors" ADD CONSTRAINT "library_contributors_granted_by_people_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_cover_file_id_stored_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_posts" ADD CONSTRAINT "news_posts_import_id_wordpress_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."wordpress_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revisions" ADD CONSTRAINT "page_revisions_page_id_site_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."site_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_revisions" ADD CONSTRAINT "page_revisions_saved_by_people_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_parent_id_site_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."site_pages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_import_id_wordpress_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."wordpress_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wordpress_imports" ADD CONSTRAINT "wordpress_imports_imported_by_people_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "briefing_attachments_search_idx" ON "briefing_attachments" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "news_posts_publish_idx" ON "news_posts" USING btree ("publish_at");--> statement-breakpoint
CREATE INDEX "news_posts_search_idx" ON "news_posts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "site_pages_search_idx" ON "site_pages" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "presentations" ADD CONSTRAINT "presentations_slides_file_id_stored_files_id_fk" FOREIGN KEY ("slides_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_submitted_by_people_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefings" ADD CONSTRAINT "briefings_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "briefings_search_idx" ON "briefings" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("search_vector");