import { reservedSegments } from '#src/lib/reserved-paths.ts'
import type { ExistingState } from './existing.ts'
import { baseSlug } from './map-fields.ts'
import type { Plan, PlannedEntry } from './plan.ts'
import { uniqueSlug } from './unique-slug.ts'

/** The siblings of the top level: no parent. */
const TOP = 'top'

/**
 * Gives every page of the file its slug among its siblings, its address and its depth.
 *
 * A page may only go where no page of the Hub is now: the place (parent, slug) of every page in
 * the database is taken, staff's, another site's and this site's own rows alike, whether the
 * file still lists them, skips them or moves them. A page of an earlier import that stays under
 * the same parent keeps its own place; one that moves keeps its slug if its new parent has
 * none such, and a new page takes the first free slug ('team-2'). So no two pages ever want the
 * same place, the pages can be placed in any order in the transaction, and the dry run and
 * the commit agree.
 */
export function placePages(plan: Plan, pages: PlannedEntry[], existing: ExistingState) {
  // Places by parent: TOP, 'wp:<post id>' for a page of the file, else the parent's id in the Hub.
  const taken = new Map<string, Set<string>>([[TOP, new Set(reservedSegments)]])
  const siblings = (key: string) => taken.get(key) ?? (taken.set(key, new Set()).get(key) as Set<string>)
  const postIdOf = new Map(pages.filter((p) => p.existingId).map((p) => [p.existingId, p.meta.postId]))
  const keyOfRow = (parentId: string | null) =>
    parentId === null ? TOP : postIdOf.has(parentId) ? `wp:${postIdOf.get(parentId)}` : parentId
  const keyOf = (page: PlannedEntry) => (page.parentPostId === 0 ? TOP : `wp:${page.parentPostId}`)
  for (const page of existing.pages) siblings(keyOfRow(page.parentId)).add(page.slug)

  const moved: PlannedEntry[] = []
  for (const page of pages) {
    const before = existing.rows.page.get(page.importKey)
    if (!page.existingId || !before) continue
    if (keyOfRow(before.parentId) === keyOf(page)) page.slug = before.slug
    else moved.push(page)
  }
  for (const page of moved) {
    const before = existing.rows.page.get(page.importKey)?.slug ?? baseSlug(page.meta)
    page.slug = uniqueSlug(before, siblings(keyOf(page)))
    if (page.slug !== before)
      plan.warnings.push(
        `Page ${page.meta.postId} ("${page.meta.title}") moves where "${before}" is taken: its slug is "${page.slug}".`,
      )
  }
  for (const page of pages)
    if (!page.existingId) page.slug = uniqueSlug(baseSlug(page.meta), siblings(keyOf(page)))
  setAddresses(plan, pages)
}

/** Each page's address from its parents' slugs (a walk that stops at any loop it meets). */
function setAddresses(plan: Plan, pages: PlannedEntry[]) {
  for (const page of pages) {
    const path: string[] = []
    const seen = new Set<PlannedEntry>()
    for (let at: PlannedEntry | undefined = page; at && !seen.has(at); at = parentOf(plan, at)) {
      seen.add(at)
      path.unshift(at.slug)
    }
    page.address = `/${path.join('/')}`
    page.depth = path.length
  }
  plan.pagesInOrder = [...pages].sort((a, b) => a.depth - b.depth)
}

const parentOf = (plan: Plan, page: PlannedEntry) =>
  page.parentPostId ? plan.entries.get(page.parentPostId) : undefined

/** The address of every page in the Hub now ('/about', '/about/board'). */
export function hubPageAddresses(pages: ExistingState['pages']): Set<string> {
  const byId = new Map(pages.map((p) => [p.id, p]))
  const addresses = new Set<string>()
  for (const page of pages) {
    const path: string[] = []
    const seen = new Set<string>()
    for (let at: typeof page | undefined = page; at && !seen.has(at.id); ) {
      seen.add(at.id)
      path.unshift(at.slug)
      at = at.parentId ? byId.get(at.parentId) : undefined
    }
    addresses.add(`/${path.join('/')}`)
  }
  return addresses
}
