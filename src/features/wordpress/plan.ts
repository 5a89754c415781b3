import type { Collected, ItemMeta } from './collect.ts'
import type { ExistingState } from './existing.ts'
import { baseSlug, mapStatus } from './map-fields.ts'
import { placePages } from './page-places.ts'
import { type NavigationPlan, planNavigation } from './plan-navigation.ts'
import { planRedirects } from './plan-redirects.ts'
import { siteOf } from './site-key.ts'
import { uniqueSlug } from './unique-slug.ts'

export { siteOf } from './site-key.ts'

/** A post or page of the file that will be in the Hub: where it lives and where it came from. */
export type PlannedEntry = {
  meta: ItemMeta
  kind: 'post' | 'page'
  importKey: string
  existingId: string | null
  slug: string
  /** The post id of the parent page in the file (0: top level). */
  parentPostId: number
  /** Its address in the Hub: '/news/<slug>', or '/parent/child' for a page. */
  address: string
  depth: number
  /** Whether a new page goes into the navigation (plan-navigation.ts), and at which place of a menu. */
  inNavigation: boolean
  navPosition: number | null
}

export type Plan = {
  site: string
  keyPrefix: string
  entries: Map<number, PlannedEntry>
  /** Pages parents first, for setting each page's parent and final slug. */
  pagesInOrder: PlannedEntry[]
  skipped: { postId: number; type: string; reason: string }[]
  /** Old address -> new address, only those the Hub does not answer itself. */
  redirects: Map<string, string>
  /** Old addresses left alone because the Hub answers them itself (its routes, its pages). */
  hubAddresses: Set<string>
  movedToTop: number
  /** The file's menu the navigation follows, or null (no menu: every top-level page is in it). */
  navigation: NavigationPlan | null
  warnings: string[]
}

/** Decides, from the whole file and the Hub's state, every slug, parent, address and redirect. */
export function planImport(c: Collected, existing: ExistingState): Plan {
  const site = siteOf(c)
  const keyPrefix = `wp:${site}:`
  const plan: Plan = {
    site,
    keyPrefix,
    entries: new Map(),
    pagesInOrder: [],
    skipped: [],
    redirects: new Map(),
    hubAddresses: new Set(),
    movedToTop: 0,
    navigation: null,
    warnings: [],
  }
  // The first item with an id is the one kept: the second pass keeps the same one (apply-import.ts).
  const seen = new Set<number>()
  for (const meta of c.entries) {
    const skip = whySkipped(meta, seen)
    seen.add(meta.postId)
    if (skip) {
      plan.skipped.push({ postId: meta.postId, type: meta.type, reason: skip })
      continue
    }
    const importKey = `${keyPrefix}${meta.postId}`
    const kind = meta.type === 'page' ? 'page' : 'post'
    plan.entries.set(meta.postId, {
      meta,
      kind,
      importKey,
      existingId: existing.rows[kind].get(importKey)?.id ?? null,
      slug: '',
      parentPostId: 0,
      address: '',
      depth: 0,
      inNavigation: true,
      navPosition: null,
    })
  }
  for (const other of c.others)
    plan.skipped.push({ postId: other.postId, type: other.type, reason: `a ${other.type} is not imported` })
  const pages = [...plan.entries.values()].filter((e) => e.kind === 'page')
  resolveParents(plan, pages)
  slugPosts(plan, existing)
  placePages(plan, pages, existing)
  planNavigation(plan, c.menuItems)
  planRedirects(plan, existing)
  return plan
}

/**
 * Why an item of the file is not imported, or null. An item needs an id of its own: without
 * one it could neither be found again by a later import nor placed among its parent's pages.
 */
function whySkipped(meta: ItemMeta, seen: Set<number>): string | null {
  if (!Number.isSafeInteger(meta.postId) || meta.postId <= 0)
    return 'no post id (wp:post_id missing or not valid)'
  if (seen.has(meta.postId)) return 'duplicate id'
  const mapped = mapStatus(meta.status)
  return 'skip' in mapped ? mapped.skip : null
}

/**
 * Each page's parent in the file; a page whose parent is not an imported page of the file, is
 * itself, or is in a loop of parents (a real export can have one) goes to the top level,
 * counted and with a warning.
 */
function resolveParents(plan: Plan, pages: PlannedEntry[]) {
  for (const page of pages) {
    const parentId = page.meta.parentId
    if (parentId === 0) continue
    const parent = plan.entries.get(parentId)
    if (parent === page) moveToTop(plan, page, 'it is its own parent')
    else if (parent?.kind === 'page') page.parentPostId = parentId
    else moveToTop(plan, page, `its parent ${parentId} is not in the file (or is not an imported page)`)
  }
  // A loop is cut once, at its first page in the file: the others then hang under it.
  for (const page of pages) if (isOwnAncestor(plan, page)) moveToTop(plan, page, 'it is its own ancestor')
}

function isOwnAncestor(plan: Plan, page: PlannedEntry): boolean {
  const seen = new Set<PlannedEntry>()
  let up = page.parentPostId ? plan.entries.get(page.parentPostId) : undefined
  while (up) {
    if (up === page) return true
    if (seen.has(up)) return false
    seen.add(up)
    up = up.parentPostId ? plan.entries.get(up.parentPostId) : undefined
  }
  return false
}

function moveToTop(plan: Plan, page: PlannedEntry, why: string) {
  page.parentPostId = 0
  plan.movedToTop += 1
  plan.warnings.push(`Page ${page.meta.postId} ("${page.meta.title}"): ${why}; it is at the top level.`)
}

/**
 * A post of an earlier import keeps its slug (staff may have changed it); a new one takes a
 * slug no news post in the Hub has, whoever wrote it: rows of earlier imports that this file
 * no longer lists or skips keep theirs too.
 */
function slugPosts(plan: Plan, existing: ExistingState) {
  const taken = new Set(existing.newsSlugs.map((n) => n.slug))
  for (const post of plan.entries.values()) {
    if (post.kind !== 'post') continue
    const before = post.existingId ? existing.rows.post.get(post.importKey) : undefined
    post.slug = before ? before.slug : uniqueSlug(baseSlug(post.meta), taken)
    post.address = `/news/${post.slug}`
  }
}
