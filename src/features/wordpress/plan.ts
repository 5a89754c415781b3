import { reservedSegments } from '#src/lib/reserved-paths.ts'
import type { Collected, ItemMeta } from './collect.ts'
import type { ExistingState } from './existing.ts'
import { baseSlug, mapStatus, oldPath } from './map-fields.ts'
import { uniqueSlug } from './unique-slug.ts'

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
}

export type Plan = {
  site: string
  keyPrefix: string
  entries: Map<number, PlannedEntry>
  /** Pages parents first, for setting each page's parent and final slug. */
  pagesInOrder: PlannedEntry[]
  skipped: { postId: number; type: string; reason: string }[]
  redirects: Map<string, string>
  movedToTop: number
  warnings: string[]
}

/**
 * The site's own address, the part of every import key: 'https://example.wordpress.com'. The
 * blog's address comes first: WordPress.com writes 'http://wordpress.com/' as every site's
 * base_site_url, and a multisite network writes its root there.
 */
export const siteOf = (c: Collected) =>
  (c.channel.baseBlogUrl || c.channel.baseSiteUrl || c.channel.link).replace(/\/+$/, '')

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
    movedToTop: 0,
    warnings: [],
  }
  for (const meta of c.entries) {
    const mapped = mapStatus(meta.status)
    if ('skip' in mapped) {
      plan.skipped.push({ postId: meta.postId, type: meta.type, reason: mapped.skip })
      continue
    }
    if (plan.entries.has(meta.postId)) {
      plan.skipped.push({ postId: meta.postId, type: meta.type, reason: 'the same post id appears twice' })
      continue
    }
    const importKey = `${keyPrefix}${meta.postId}`
    const kind = meta.type === 'page' ? 'page' : 'post'
    const existingId = existing.rows.get(importKey)?.id ?? null
    plan.entries.set(meta.postId, {
      meta,
      kind,
      importKey,
      existingId,
      slug: '',
      parentPostId: 0,
      address: '',
      depth: 0,
    })
  }
  for (const other of c.others)
    plan.skipped.push({ postId: other.postId, type: other.type, reason: `a ${other.type} is not imported` })
  const pages = [...plan.entries.values()].filter((e) => e.kind === 'page')
  resolveParents(plan, pages)
  slugPosts(plan, existing)
  slugPages(plan, pages, existing)
  for (const entry of plan.entries.values()) addRedirects(plan, entry)
  return plan
}

function resolveParents(plan: Plan, pages: PlannedEntry[]) {
  for (const page of pages) {
    const parent = plan.entries.get(page.meta.parentId)
    if (page.meta.parentId === 0) continue
    if (parent?.kind !== 'page') {
      plan.movedToTop += 1
      plan.warnings.push(
        `Page ${page.meta.postId} ("${page.meta.title}"): its parent ${page.meta.parentId} is not in the file; it is at the top level.`,
      )
      continue
    }
    page.parentPostId = parent.meta.postId
  }
  for (const page of pages) {
    // A loop of parents (a real export can have one) is cut where it is found.
    const seen = new Set([page.meta.postId])
    for (let up = plan.entries.get(page.parentPostId); up; up = plan.entries.get(up.parentPostId)) {
      if (seen.has(up.meta.postId)) {
        plan.warnings.push(`Page ${page.meta.postId} is its own ancestor; it is at the top level.`)
        page.parentPostId = 0
        break
      }
      seen.add(up.meta.postId)
    }
  }
}

function slugPosts(plan: Plan, existing: ExistingState) {
  const taken = new Set(
    existing.newsSlugs.filter((n) => !n.importKey?.startsWith(plan.keyPrefix)).map((n) => n.slug),
  )
  const posts = [...plan.entries.values()].filter((e) => e.kind === 'post')
  for (const post of posts) if (post.existingId) post.slug = keep(existing, post, taken)
  for (const post of posts) {
    if (!post.existingId) post.slug = uniqueSlug(baseSlug(post.meta), taken)
    post.address = `/news/${post.slug}`
  }
}

const keep = (existing: ExistingState, entry: PlannedEntry, taken: Set<string>) => {
  const slug = existing.rows.get(entry.importKey)?.slug ?? ''
  taken.add(slug)
  return slug
}

function slugPages(plan: Plan, pages: PlannedEntry[], existing: ExistingState) {
  // Siblings by parent: 'top' or 'wp:<post id>'; pages not of this site keep their slugs.
  const taken = new Map<string, Set<string>>([['top', new Set(reservedSegments)]])
  const siblings = (key: string) => taken.get(key) ?? (taken.set(key, new Set()).get(key) as Set<string>)
  const idToPostId = new Map(pages.filter((p) => p.existingId).map((p) => [p.existingId, p.meta.postId]))
  for (const page of existing.pages) {
    if (page.importKey?.startsWith(plan.keyPrefix)) continue
    const parent =
      page.parentId === null
        ? 'top'
        : idToPostId.has(page.parentId)
          ? `wp:${idToPostId.get(page.parentId)}`
          : page.parentId
    siblings(parent).add(page.slug)
  }
  const keyOf = (p: PlannedEntry) => (p.parentPostId === 0 ? 'top' : `wp:${p.parentPostId}`)
  for (const page of pages) if (page.existingId) page.slug = keep(existing, page, siblings(keyOf(page)))
  for (const page of pages)
    if (!page.existingId) page.slug = uniqueSlug(baseSlug(page.meta), siblings(keyOf(page)))
  const pathOf = (page: PlannedEntry): string[] => {
    const parent = plan.entries.get(page.parentPostId)
    return parent ? [...pathOf(parent), page.slug] : [page.slug]
  }
  for (const page of pages) {
    const path = pathOf(page)
    page.address = `/${path.join('/')}`
    page.depth = path.length
  }
  plan.pagesInOrder = [...pages].sort((a, b) => a.depth - b.depth)
}

function addRedirects(plan: Plan, entry: PlannedEntry) {
  const { meta } = entry
  const froms = [oldPath(meta.link), oldPath(meta.guid)?.startsWith('/?') ? oldPath(meta.guid) : null]
  froms.push(`/?p=${meta.postId}`)
  if (entry.kind === 'page') froms.push(`/?page_id=${meta.postId}`)
  for (const from of froms) {
    if (!from || from === entry.address) continue
    const claimed = plan.redirects.get(from)
    if (claimed && claimed !== entry.address)
      plan.warnings.push(`The old address ${from} belongs to two items; it goes to ${claimed}.`)
    else plan.redirects.set(from, entry.address)
  }
}
