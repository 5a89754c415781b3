import { type SQL, sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { calls } from './calls.ts'
import { writtenAt } from './columns.ts'
import { people } from './people.ts'
import { arrayWords, searchDocument, tsvector } from './search-columns.ts'

/** Whether a library item is a briefing (the network's own, shared quarterly) or a resource (anything useful). */
export const libraryKinds = ['briefing', 'resource'] as const
export type LibraryKind = (typeof libraryKinds)[number]

/** A library item: a draft, waiting for staff approval (a member's), or published. */
export const libraryStatuses = ['draft', 'pending', 'published'] as const
export type LibraryStatus = (typeof libraryStatuses)[number]

/** A briefing or resource of the network's library (the one obligation 4 asks members to share). */
export const briefings = pgTable(
  'briefings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: text('kind', { enum: libraryKinds }).notNull().default('briefing'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    publishedOn: date('published_on', { mode: 'string' }),
    bodyMarkdown: text('body_markdown').notNull(),
    /** Links to elsewhere: [{ title, url }]. */
    links: jsonb('links').$type<{ title: string; url: string }[]>().notNull().default(sql`'[]'::jsonb`),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    focusIndustries: text('focus_industries').array().notNull().default(sql`'{}'::text[]`),
    visibility: text('visibility', { enum: ['public', 'members'] })
      .notNull()
      .default('members'),
    status: text('status', { enum: libraryStatuses }).notNull().default('published'),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    submittedBy: uuid('submitted_by').references(() => people.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => people.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'string' }),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
    isDemo: boolean('is_demo').notNull().default(false),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${briefings.title}`, 'A'],
          [sql`${briefings.summary} || ' ' || ${arrayWords(briefings.tags)}`, 'B'],
          [sql`${briefings.bodyMarkdown}`, 'C'],
        ]),
    ),
    /** Title (A) and summary and tags (B) only: what search ranks by (small, kept in the row; see decision 016). */
    rankVector: tsvector('rank_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${briefings.title}`, 'A'],
          [sql`${briefings.summary} || ' ' || ${arrayWords(briefings.tags)}`, 'B'],
        ]),
    ),
  },
  (t) => [
    index('briefings_published_idx').on(t.publishedOn),
    index('briefings_search_idx').using('gin', t.searchVector),
  ],
)

/** Settings that override the defaults in code (see features/settings). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: writtenAt('updated_at'),
})

/**
 * One row: bumped by triggers on every write to a table that public pages show,
 * so that every process knows when its cached pages are stale.
 */
export const contentVersion = pgTable(
  'content_version',
  {
    id: integer('id').primaryKey().default(1),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('content_version_single_row', sql`${t.id} = 1`)],
)
