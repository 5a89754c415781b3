import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Actor } from '#src/db/actor.ts'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import { wordpressImports } from '#src/db/schema/index.ts'
import type { Collected, Progress } from './collect.ts'
import type { ExistingState } from './existing.ts'
import { settleRedirects, writeRedirects } from './import-redirects.ts'
import { type ImportSummary, summaryOf, zeroCounts } from './import-summary.ts'
import { isUnchanged, mapRow, type RowContext } from './map-row.ts'
import { own } from './own-string.ts'
import type { Plan, PlannedEntry } from './plan.ts'
import { insertPage, PostBatch, placePage, updatePage, updatePost } from './write-rows.ts'
import { readWxr } from './wxr-reader.ts'

export type ApplyInput = {
  file: string
  fileName: string
  collected: Collected
  plan: Plan
  existing: ExistingState
  ctx: Omit<RowContext, 'warn'>
  authorCounts: { matched: number; kept: number }
  dryRun: boolean
  actor: Actor
  personId: string | null
  progress?: Progress
  /** Told of each post and page as it is compared (the staff page previews the first ones). */
  onRow?: (row: PreviewRow) => void
}

/** A post or page of the file, as the preview lists it. */
export type PreviewRow = {
  postId: number
  kind: 'post' | 'page'
  title: string
  status: string
  visibility: string
  address: string
  change: 'created' | 'updated' | 'unchanged'
}

/** Thrown to roll the transaction back when the file changes nothing. */
class NothingChanged extends Error {
  constructor(readonly summary: ImportSummary) {
    super('nothing changed')
  }
}

/**
 * The second pass: reads the file again, maps each post and page, compares it with what an
 * earlier import wrote, and (unless a dry run) writes what is new or changed, the pages' places,
 * the redirects and the import's record, in ONE transaction. The file must be the one the
 * first pass checked (same SHA-256), or nothing is written.
 */
export async function applyImport(db: Db, input: ApplyInput): Promise<ImportSummary> {
  if (input.dryRun) return run(db, null, input)
  try {
    return await writeAs(db, input.actor, (tx) => run(tx, tx, input))
  } catch (error) {
    if (error instanceof NothingChanged) return { ...error.summary, result: 'unchanged', importId: null }
    throw error
  }
}

async function run(db: DbOrTx, tx: Tx | null, input: ApplyInput): Promise<ImportSummary> {
  const { collected, plan, existing } = input
  const warnings = [...plan.warnings]
  const ctx: RowContext = { ...input.ctx, warn: (m) => warnings.push(own(m)) }
  const importId = tx ? randomUUID() : null
  if (tx && importId)
    await tx.insert(wordpressImports).values({
      id: importId,
      fileName: input.fileName,
      sha256: collected.sha256,
      siteUrl: plan.site,
      summary: {},
      importedBy: input.personId,
    })
  const posts = zeroCounts()
  const pages = { ...zeroCounts(), movedToTop: plan.movedToTop }
  const carried = { category: new Set<string>(), post_tag: new Set<string>() }
  const pageIds = new Map<number, string>()
  const batch = tx && importId ? new PostBatch(tx, importId) : null
  const seen = new Set<number>()
  const read = await readWxr(input.file, {
    progress: input.progress,
    item: async (item) => {
      // The plan kept the first post or page with an id: a later one with the same id is skipped.
      if (item.type !== 'post' && item.type !== 'page') return
      if (seen.has(item.postId)) return
      seen.add(item.postId)
      const entry = plan.entries.get(item.postId)
      if (!entry) return
      const row = mapRow(item, entry, ctx)
      const counts = entry.kind === 'post' ? posts : pages
      for (const c of row.categories) if (!carried.category.has(c)) carried.category.add(own(c))
      for (const t of row.tags) if (!carried.post_tag.has(t)) carried.post_tag.add(own(t))
      const before = existing.rows[entry.kind].get(entry.importKey)
      if (before) pageIds.set(item.postId, before.id)
      const same =
        before && isUnchanged(row, before, entry.kind) && !parentMoved(entry, before, existing, plan)
      const change = same ? 'unchanged' : before ? 'updated' : 'created'
      counts[change] += 1
      const { title, status, visibility } = row
      input.onRow?.({
        postId: item.postId,
        kind: entry.kind,
        title,
        status,
        visibility,
        address: entry.address,
        change,
      })
      if (same) return
      if (!tx || !importId) return
      const by = input.personId
      if (entry.kind === 'post') {
        if (before) await updatePost(tx, before.id, row)
        else await batch?.add(row, entry.slug)
      } else if (before) await updatePage(tx, before.id, row, entry.slug, by)
      else
        pageIds.set(
          item.postId,
          await insertPage(tx, row, {
            importId,
            postId: item.postId,
            slug: entry.slug,
            by,
            showInNav: entry.inNavigation,
          }),
        )
    },
  })
  if (read.sha256 !== collected.sha256)
    throw new Error('The file changed while it was being imported; nothing was written. Import it again.')
  await batch?.finish()
  if (tx)
    for (const page of plan.pagesInOrder) {
      const id = pageIds.get(page.meta.postId)
      const parentId = page.parentPostId ? (pageIds.get(page.parentPostId) ?? null) : null
      const before = existing.rows.page.get(page.importKey)
      if (id && (!before || before.parentId !== parentId)) await placePage(tx, id, parentId, page.slug)
    }
  const redirects = await settleRedirects(
    db,
    plan,
    tx && importId ? (entries) => writeRedirects(tx, importId, entries) : undefined,
  )
  const summary = summaryOf({
    input,
    importId,
    posts: { ...posts, skipped: plan.skipped.filter((s) => s.type === 'post').length },
    pages: { ...pages, skipped: plan.skipped.filter((s) => s.type === 'page').length },
    carried,
    redirects: redirects.counts,
    warnings: [...warnings, ...redirects.warnings],
  })
  if (tx && importId) {
    if (posts.created + posts.updated + pages.created + pages.updated + redirects.counts.created === 0)
      throw new NothingChanged(summary)
    await tx.update(wordpressImports).set({ summary }).where(eq(wordpressImports.id, importId))
  }
  return summary
}

/** Whether a page of an earlier import now has another parent in the file. */
function parentMoved(
  entry: PlannedEntry,
  before: { parentId: string | null },
  existing: ExistingState,
  plan: Plan,
) {
  if (entry.kind !== 'page') return false
  const parent = plan.entries.get(entry.parentPostId)
  const wanted = parent ? (existing.rows.page.get(parent.importKey)?.id ?? 'new') : null
  return before.parentId !== wanted
}
