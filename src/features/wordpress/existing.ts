import { inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { newsPosts, people, sitePages } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { batchesOf } from '#src/lib/batches.ts'
import { siteSpellings } from './site-key.ts'

/** A row an earlier import of the same site wrote, with what it holds (long text as an MD5). */
export type ExistingRow = {
  importKey: string
  id: string
  slug: string
  title: string
  summaryMd5: string
  bodyMd5: string
  status: string
  publishAt: string | null
  visibility: string
  parentId: string | null
  navOrder: number
  authorId: string | null
  authorName: string
  categories: string[]
  tags: string[]
}

/** What is already in the Hub that the plan must respect: addresses taken, rows of this site. */
export type ExistingState = {
  pages: { id: string; parentId: string | null; slug: string; importKey: string | null }[]
  newsSlugs: { slug: string; importKey: string | null }[]
  /**
   * The rows of earlier imports of this site, posts and pages apart (an id that was a post may be
   * a page in a later export), by the key this file gives them.
   */
  rows: Record<'post' | 'page', Map<string, ExistingRow>>
}

/**
 * The Hub's pages and news slugs, and the rows earlier imports of this site wrote, under any
 * spelling of its address (siteSpellings): each row is known by the key this file's spelling
 * gives it ('wp:<site>:<post id>'), and keeps the key it was written with.
 */
export async function loadExisting(
  db: DbOrTx,
  site: string,
  pageSize = EXISTING_PAGE,
): Promise<ExistingState> {
  const pages = await db
    .select({
      id: sitePages.id,
      parentId: sitePages.parentId,
      slug: sitePages.slug,
      importKey: sitePages.importKey,
    })
    .from(sitePages)
  const newsSlugs = await db.select({ slug: newsPosts.slug, importKey: newsPosts.importKey }).from(newsPosts)
  const rows = { post: new Map<string, ExistingRow>(), page: new Map<string, ExistingRow>() }
  for (const spelling of siteSpellings(site))
    for (const [kind, select] of [
      ['post', existingPosts],
      ['page', existingPages],
    ] as const) {
      const keyPrefix = `wp:${spelling}:`
      // A page of rows at a time, in the order of the unique import key (its index): one result
      // holding 30,000 rows cost a re-import 30 MB more than the first import.
      let after = keyPrefix
      for (;;) {
        const page = await queryRows<ExistingRow>(db, select(keyPrefix, after, pageSize))
        for (const row of page) rows[kind].set(`wp:${site}:${row.importKey.slice(keyPrefix.length)}`, row)
        const last = page.at(-1)
        if (page.length < pageSize || !last) break
        after = last.importKey
      }
    }
  return { pages, newsSlugs, rows }
}

const EXISTING_PAGE = 2000

/** Rows an import of this site wrote, keys after `after` (every key of the site is after its prefix). */
const ofSite = (keyPrefix: string, after: string, pageSize: number) =>
  sql`import_key > ${after} and left(import_key, ${keyPrefix.length}) = ${keyPrefix}
      order by import_key limit ${pageSize}`

const existingPosts = (keyPrefix: string, after: string, pageSize: number) =>
  sql`select import_key as "importKey", id, slug, title, md5(summary) as "summaryMd5",
        md5(body_markdown) as "bodyMd5", status, publish_at::text as "publishAt", visibility,
        null::uuid as "parentId", 0 as "navOrder", author_id as "authorId", author_name as "authorName",
        categories, tags
      from news_posts where ${ofSite(keyPrefix, after, pageSize)}`

const existingPages = (keyPrefix: string, after: string, pageSize: number) =>
  sql`select import_key as "importKey", id, slug, title, md5(summary) as "summaryMd5",
        md5(body_markdown) as "bodyMd5", status, publish_at::text as "publishAt", visibility,
        parent_id as "parentId", nav_order as "navOrder", null::uuid as "authorId", '' as "authorName",
        '{}'::text[] as categories, '{}'::text[] as tags
      from site_pages where ${ofSite(keyPrefix, after, pageSize)}`

/** People whose email is one of these (lower-cased), by email. */
export async function peopleByEmail(db: DbOrTx, emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .select({ id: people.id, email: sql<string>`lower(${people.email})` })
    .from(people)
    .where(inArray(sql`lower(${people.email})`, wanted))
  return new Map(rows.map((r) => [r.email, r.id]))
}

/** Where each of these old addresses points now, if it is recorded (5,000 addresses a statement). */
export async function existingRedirects(db: DbOrTx, paths: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const batch of batchesOf(paths, 5000)) {
    const rows = await queryRows<{ from: string; to: string }>(
      db,
      sql`select from_path as "from", to_path as "to" from redirects
          where from_path in (select jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb))`,
    )
    for (const row of rows) found.set(row.from, row.to)
  }
  return found
}
