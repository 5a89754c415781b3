import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { insertAsJson } from '#src/db/insert-as-json.ts'
import { newsPosts, pageRevisions, sitePages } from '#src/db/schema/index.ts'
import type { MappedRow } from './map-row.ts'

/** Posts waiting to be inserted together (one statement per batch, not per post). */
export class PostBatch {
  private rows: (typeof newsPosts.$inferInsert)[] = []
  private size = 0
  private inFlight: Promise<void> | undefined
  constructor(
    private readonly tx: Tx,
    private readonly importId: string,
  ) {}

  async add(row: MappedRow, slug: string) {
    const { navOrder: _n, ...post } = row
    this.rows.push({ ...post, slug, importId: this.importId })
    this.size += row.bodyMarkdown.length + row.summary.length
    if (this.rows.length >= 100 || this.size > 4_000_000) await this.flush()
  }

  /**
   * Sends the waiting posts, without waiting for the database: the file's next posts are read
   * and cleaned while it builds this batch's search vectors (one statement in flight at most;
   * its failure surfaces at the next flush or at `finish`, and fails the transaction).
   */
  async flush() {
    await this.inFlight
    this.inFlight = undefined
    if (this.rows.length === 0) return
    const sent = insertAsJson(this.tx, newsPosts, this.rows)
    sent.catch(() => undefined)
    this.inFlight = sent
    this.rows = []
    this.size = 0
  }

  /** Sends what waits and waits for every statement sent. */
  async finish() {
    await this.flush()
    await this.inFlight
    this.inFlight = undefined
  }
}

export async function updatePost(tx: Tx, id: string, row: MappedRow) {
  const { navOrder: _n, importKey: _k, ...post } = row
  await tx
    .update(newsPosts)
    .set({ ...post, updatedAt: sql`hub_now()` })
    .where(eq(newsPosts.id, id))
}

/** A page's slug until it is placed: one per id (a hand-made file may give '-5' or '1e21', so hashed). */
const temporarySlug = (importId: string, postId: number) =>
  `wp-import-${importId.slice(0, 8)}-${createHash('sha1').update(String(postId)).digest('hex').slice(0, 12)}`

/**
 * A new page, at a temporary slug of its own at the top level until every page of the file is
 * in (a child may come before its parent): `placePage` then gives it its parent and slug.
 */
export async function insertPage(
  tx: Tx,
  row: MappedRow,
  input: { importId: string; postId: number; slug: string; by: string | null; showInNav: boolean },
): Promise<string> {
  const { authorId: _a, authorName: _n, categories: _c, tags: _t, ...page } = row
  const [made] = await tx
    .insert(sitePages)
    .values({
      ...page,
      slug: temporarySlug(input.importId, input.postId),
      importId: input.importId,
      updatedBy: input.by,
      showInNav: input.showInNav,
    })
    .returning({ id: sitePages.id })
  const id = (made as { id: string }).id
  await tx.insert(pageRevisions).values({
    pageId: id,
    number: 1,
    slug: input.slug,
    title: row.title,
    summary: row.summary,
    bodyMarkdown: row.bodyMarkdown,
    note: 'Imported from WordPress',
    savedBy: input.by,
  })
  return id
}

/** A page of an earlier import that the file changed: its new text, and a revision saying so. */
export async function updatePage(tx: Tx, id: string, row: MappedRow, slug: string, by: string | null) {
  const { authorId: _a, authorName: _n, categories: _c, tags: _t, importKey: _k, ...page } = row
  await tx
    .update(sitePages)
    .set({ ...page, updatedBy: by, updatedAt: sql`hub_now()` })
    .where(eq(sitePages.id, id))
  const [last] = await tx
    .select({ number: sql<number>`coalesce(max(${pageRevisions.number}), 0)::int` })
    .from(pageRevisions)
    .where(eq(pageRevisions.pageId, id))
  await tx.insert(pageRevisions).values({
    pageId: id,
    number: (last?.number ?? 0) + 1,
    slug,
    title: row.title,
    summary: row.summary,
    bodyMarkdown: row.bodyMarkdown,
    note: 'Updated from WordPress',
    savedBy: by,
  })
}

/** Gives a page its parent and slug (parents are placed before their children). */
export async function placePage(tx: Tx, id: string, parentId: string | null, slug: string) {
  await tx.update(sitePages).set({ parentId, slug }).where(eq(sitePages.id, id))
}
