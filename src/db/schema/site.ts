import { type SQL, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { briefings } from './content.ts'
import { storedFiles } from './membership.ts'
import { people } from './people.ts'
import { arrayWords, searchDocument, tsvector } from './search-columns.ts'

/** Who may see a piece of content: anyone, or the network's members (seat holders, the board, staff). */
export const contentVisibilities = ['public', 'members'] as const
export type ContentVisibility = (typeof contentVisibilities)[number]

/** A page or a post: a draft, scheduled for `publish_at`, or published since `publish_at`. */
export const publicationStatuses = ['draft', 'scheduled', 'published'] as const
export type PublicationStatus = (typeof publicationStatuses)[number]

/** A page of the public site (or the members' part of it), nested under a parent. */
export const sitePages = pgTable(
  'site_pages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => sitePages.id, { onDelete: 'restrict' }),
    /** The last segment of the page's address; the full path runs through its parents. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMarkdown: text('body_markdown').notNull().default(''),
    status: text('status', { enum: publicationStatuses }).notNull().default('draft'),
    /** When a scheduled page goes out, or when a published one first did. */
    publishAt: timestamp('publish_at', { withTimezone: true, mode: 'string' }),
    navOrder: integer('nav_order').notNull().default(0),
    showInNav: boolean('show_in_nav').notNull().default(true),
    visibility: text('visibility', { enum: contentVisibilities }).notNull().default('public'),
    /** A page the Hub itself shows somewhere (the home page's text: 'home'). */
    systemKey: text('system_key').unique(),
    /** Where an imported page came from (WordPress: 'wp:<site>:<post id>'), so that a re-import matches it. */
    importKey: text('import_key').unique(),
    /** The WordPress import that created it (undoing the import removes it). */
    importId: uuid('import_id').references(() => wordpressImports.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
    updatedBy: uuid('updated_by').references(() => people.id, { onDelete: 'set null' }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${sitePages.title}`, 'A'],
          [sql`${sitePages.summary}`, 'B'],
          [sql`${sitePages.bodyMarkdown}`, 'C'],
        ]),
    ),
    /** Title (A) and summary (B) only: what search ranks by (small, kept in the row; see decision 016). */
    rankVector: tsvector('rank_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${sitePages.title}`, 'A'],
          [sql`${sitePages.summary}`, 'B'],
        ]),
    ),
  },
  (t) => [
    unique('site_pages_parent_slug_unique').on(t.parentId, t.slug).nullsNotDistinct(),
    check('site_pages_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('site_pages_scheduled_has_time', sql`${t.status} <> 'scheduled' or ${t.publishAt} is not null`),
    index('site_pages_search_idx').using('gin', t.searchVector),
    // When the next scheduled page goes out (every search and the sitemap ask), as for news.
    index('site_pages_publish_idx').on(t.publishAt),
  ],
)

/** Every save of a page: what it said then, who saved it and when. */
export const pageRevisions = pgTable(
  'page_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pageId: uuid('page_id')
      .notNull()
      .references(() => sitePages.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    /** What the save did, in words ('Saved', 'Restored revision 1'). */
    note: text('note').notNull().default('Saved'),
    savedBy: uuid('saved_by').references(() => people.id, { onDelete: 'set null' }),
    savedAt: writtenAt('saved_at'),
  },
  (t) => [unique('page_revisions_page_number_unique').on(t.pageId, t.number)],
)

/** A news post or press release. */
export const newsPosts = pgTable(
  'news_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    bodyMarkdown: text('body_markdown').notNull().default(''),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    /** The author's name as shown (an imported author who is not a person of the Hub keeps a name only). */
    authorName: text('author_name').notNull().default(''),
    status: text('status', { enum: publicationStatuses }).notNull().default('draft'),
    /** The post's date: when it went (or goes) out. */
    publishAt: timestamp('publish_at', { withTimezone: true, mode: 'string' }),
    coverFileId: uuid('cover_file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
    coverAlt: text('cover_alt').notNull().default(''),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    visibility: text('visibility', { enum: contentVisibilities }).notNull().default('public'),
    importKey: text('import_key').unique(),
    /** The WordPress import that created it (undoing the import removes it). */
    importId: uuid('import_id').references(() => wordpressImports.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${newsPosts.title}`, 'A'],
          [sql`${newsPosts.summary} || ' ' || ${arrayWords(newsPosts.tags)}`, 'B'],
          [sql`${newsPosts.bodyMarkdown}`, 'C'],
        ]),
    ),
    /** Title (A) and summary and tags (B) only: what search ranks by (small, kept in the row; see decision 016). */
    rankVector: tsvector('rank_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${newsPosts.title}`, 'A'],
          [sql`${newsPosts.summary} || ' ' || ${arrayWords(newsPosts.tags)}`, 'B'],
        ]),
    ),
  },
  (t) => [
    check('news_posts_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('news_posts_scheduled_has_time', sql`${t.status} = 'draft' or ${t.publishAt} is not null`),
    index('news_posts_publish_idx').on(t.publishAt),
    index('news_posts_search_idx').using('gin', t.searchVector),
  ],
)

/**
 * Old addresses answered with a permanent redirect: a slug that changed, or a WordPress
 * permalink ('/2016/05/12/amp-socal/', '/?p=123'). Paths are stored as requested, query included.
 */
export const redirects = pgTable('redirects', {
  fromPath: text('from_path').primaryKey(),
  toPath: text('to_path').notNull(),
  createdAt: writtenAt('created_at'),
})

/** The files of a briefing or resource, in order. */
export const briefingAttachments = pgTable(
  'briefing_attachments',
  {
    briefingId: uuid('briefing_id')
      .notNull()
      .references(() => briefings.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    /** Text found in the file (PDFs), for search; empty when none could be read. */
    extractedText: text('extracted_text').notNull().default(''),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL => searchDocument([[sql`${briefingAttachments.extractedText}`, 'D']]),
    ),
  },
  (t) => [
    primaryKey({ columns: [t.briefingId, t.fileId] }),
    index('briefing_attachments_search_idx').using('gin', t.searchVector),
  ],
)

/** Seat holders staff allow to publish to the library (their items wait for approval). */
export const libraryContributors = pgTable('library_contributors', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  grantedBy: uuid('granted_by').references(() => people.id, { onDelete: 'set null' }),
  grantedAt: writtenAt('granted_at'),
})

/** An announcement staff sent, to whom it was addressed, and who received it. */
export const announcements = pgTable('announcements', {
  id: uuid('id').primaryKey().defaultRandom(),
  subject: text('subject').notNull(),
  bodyMarkdown: text('body_markdown').notNull(),
  /** 'seat_holders', 'representatives', 'board' or 'category:member' / 'category:bff'. */
  audience: text('audience').notNull(),
  sentBy: uuid('sent_by').references(() => people.id, { onDelete: 'set null' }),
  sentAt: writtenAt('sent_at'),
})

export const announcementRecipients = pgTable(
  'announcement_recipients',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.personId] })],
)

/** A WordPress export brought in: the file, what it held, and what became of it. */
export const wordpressImports = pgTable('wordpress_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  siteUrl: text('site_url').notNull(),
  /** The summary `hub wordpress import --json` prints. */
  summary: jsonb('summary').notNull(),
  importedBy: uuid('imported_by').references(() => people.id, { onDelete: 'set null' }),
  importedAt: writtenAt('imported_at'),
  undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'string' }),
})

/**
 * What one WordPress import wrote to one old address, for its undo: the new address, and where
 * the old one went before (a redirect of an earlier import of the same site) or null. Rows, not
 * a list inside the summary: a 200 MB export writes about 100,000 of them.
 */
export const wordpressImportRedirects = pgTable(
  'wordpress_import_redirects',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => wordpressImports.id, { onDelete: 'cascade' }),
    fromPath: text('from_path').notNull(),
    toPath: text('to_path').notNull(),
    previousPath: text('previous_path'),
  },
  // No index on from_path: only a re-import asks by it, once per import, and reading 100,000
  // rows takes milliseconds; an index would be kept up on every import's 100,000 writes.
  (t) => [primaryKey({ columns: [t.importId, t.fromPath] })],
)
