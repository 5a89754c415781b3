import { desc, eq, inArray, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { newsPosts, people, redirects, sitePages, wordpressImports } from '#src/db/schema/index.ts'
import { batchesOf } from '#src/lib/batches.ts'
import { AppError } from '#src/lib/errors.ts'
import { loggedRedirects, undoRedirects } from './import-redirects.ts'
import type { ImportSummary } from './import-summary.ts'

export type UndoResult = { posts: number; pages: number; redirects: number; keptUpdated: number }

/**
 * Undoes an import: removes the posts and pages it created (their revisions go with them) and the
 * redirects it wrote to them, putting back those it replaced (an earlier import's of the same
 * site); a redirect staff made, or changed since, stays. What it only updated (items of an
 * earlier import, changed by this file) keeps the change, and the redirects to it. Refused when staff have since put a page of their own under an
 * imported one.
 */
export async function undoImport(db: Db, importId: string, actor: Actor): Promise<UndoResult> {
  return writeAs(db, actor, async (tx) => {
    const [done] = await tx
      .select()
      .from(wordpressImports)
      .where(eq(wordpressImports.id, importId))
      .for('update')
    if (!done) throw new AppError('NOT_FOUND', { userMessage: 'There is no such import.' })
    if (done.undoneAt) throw new AppError('CONFLICT', { userMessage: 'This import was already undone.' })
    const pages = await tx
      .select({
        id: sitePages.id,
        parentId: sitePages.parentId,
        slug: sitePages.slug,
        importId: sitePages.importId,
        title: sitePages.title,
      })
      .from(sitePages)
    const byId = new Map(pages.map((p) => [p.id, p]))
    const ours = pages.filter((p) => p.importId === importId)
    const oursIds = new Set(ours.map((p) => p.id))
    const stranger = pages.find((p) => !oursIds.has(p.id) && p.parentId && oursIds.has(p.parentId))
    if (stranger)
      throw new AppError('CONFLICT', {
        userMessage: `The page “${stranger.title}” was put under a page of this import since: move or remove it first. Nothing was undone.`,
      })
    const pathOf = (id: string): string[] => {
      const path: string[] = []
      const seen = new Set<string>()
      for (let page = byId.get(id); page && !seen.has(page.id); page = byId.get(page.parentId ?? '')) {
        seen.add(page.id)
        path.unshift(page.slug)
      }
      return path
    }
    const depthOf = (id: string) => pathOf(id).length
    const addresses = ours.map((p) => `/${pathOf(p.id).join('/')}`)
    const posts = await tx
      .delete(newsPosts)
      .where(eq(newsPosts.importId, importId))
      .returning({ slug: newsPosts.slug })
    addresses.push(...posts.map((p) => `/news/${p.slug}`))
    // Children before their parents: a page's parent may not go while it has children.
    const levels = [...new Set(ours.map((p) => depthOf(p.id)))].sort((a, b) => b - a)
    for (const level of levels) {
      const ids = ours.filter((p) => depthOf(p.id) === level).map((p) => p.id)
      for (const batch of batchesOf(ids, 500)) await tx.delete(sitePages).where(inArray(sitePages.id, batch))
    }
    // The redirects it wrote to what is removed now go, or go back where they went before; those
    // to an item it only updated stay with the item, which keeps its change.
    const log = await loggedRedirects(tx, importId)
    const gone = new Set(addresses)
    const wrote = (done.summary as Partial<ImportSummary>).redirects?.created ?? 0
    // An import that wrote redirects but logged none was made before imports kept a log.
    const removed =
      log.length > 0 || wrote === 0
        ? await undoRedirects(
            tx,
            log.filter(([, to]) => gone.has(to)),
          )
        : await removeRedirectsTo(tx, addresses)
    await tx
      .update(wordpressImports)
      .set({ undoneAt: sql`hub_now()` })
      .where(eq(wordpressImports.id, importId))
    const summary = done.summary as Partial<ImportSummary>
    const keptUpdated = (summary.posts?.updated ?? 0) + (summary.pages?.updated ?? 0)
    return { posts: posts.length, pages: ours.length, redirects: removed, keptUpdated }
  })
}

/**
 * An import recorded before imports kept a log of their redirects: the redirects to the
 * addresses of what it created go with them.
 */
async function removeRedirectsTo(tx: Tx, addresses: string[]): Promise<number> {
  let removed = 0
  for (const batch of batchesOf(addresses, 500)) {
    const gone = await tx
      .delete(redirects)
      .where(inArray(redirects.toPath, batch))
      .returning({ from: redirects.fromPath })
    removed += gone.length
  }
  return removed
}

export type ImportListItem = {
  id: string
  fileName: string
  siteUrl: string
  importedAt: string
  undoneAt: string | null
  importedBy: string | null
  summary: ImportSummary
}

/** The imports made, newest first. */
export async function listImports(db: Db, limit = 50): Promise<ImportListItem[]> {
  const rows = await db
    .select({
      id: wordpressImports.id,
      fileName: wordpressImports.fileName,
      siteUrl: wordpressImports.siteUrl,
      importedAt: wordpressImports.importedAt,
      undoneAt: wordpressImports.undoneAt,
      importedBy: people.fullName,
      summary: wordpressImports.summary,
    })
    .from(wordpressImports)
    .leftJoin(people, eq(people.id, wordpressImports.importedBy))
    .orderBy(desc(wordpressImports.importedAt), desc(wordpressImports.id))
    .limit(limit)
  return rows.map((r) => ({ ...r, summary: r.summary as ImportSummary }))
}
