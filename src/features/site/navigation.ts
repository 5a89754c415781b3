import { and, asc, eq, isNull, min } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { isLive, liveSql, nextScheduledSql } from '#src/db/publication.ts'
import { type ContentVisibility, sitePages } from '#src/db/schema/index.ts'

/** A page as the navigation and the public site find it. */
export type PagePlace = {
  id: string
  parentId: string | null
  slug: string
  title: string
  status: 'draft' | 'scheduled' | 'published'
  publishAt: string | null
  visibility: ContentVisibility
  showInNav: boolean
  navOrder: number
  systemKey: string | null
}

/**
 * Every page's full path ('/about/advisory-board'), walking up through its parents. System
 * pages (the home page's text) have no address of their own.
 */
export function pagePaths(
  pages: readonly Pick<PagePlace, 'id' | 'parentId' | 'slug'>[],
): Map<string, string> {
  const byId = new Map(pages.map((p) => [p.id, p]))
  const paths = new Map<string, string>()
  const pathOf = (id: string, depth = 0): string => {
    const known = paths.get(id)
    if (known) return known
    const page = byId.get(id)
    if (!page || depth > 50) return ''
    const path = `${page.parentId ? pathOf(page.parentId, depth + 1) : ''}/${page.slug}`
    paths.set(id, path)
    return path
  }
  for (const page of pages) pathOf(page.id)
  return paths
}

/**
 * The navigation: live top-level pages the viewer may see and staff put in the navigation, in
 * their order. Returns too when the next scheduled page goes out (the cached nav is stale then).
 */
export async function loadNavigation(
  db: DbOrTx,
  visible: readonly ContentVisibility[],
  now: Date,
): Promise<{ nav: { href: string; label: string }[]; nextChange?: string }> {
  const rows = await db
    .select({ slug: sitePages.slug, title: sitePages.title, visibility: sitePages.visibility })
    .from(sitePages)
    .where(
      and(
        isNull(sitePages.parentId),
        isNull(sitePages.systemKey),
        eq(sitePages.showInNav, true),
        liveSql(sitePages, now),
      ),
    )
    .orderBy(asc(sitePages.navOrder), asc(sitePages.title))
  const [next] = await db
    .select({ at: min(sitePages.publishAt) })
    .from(sitePages)
    .where(nextScheduledSql(sitePages, now))
  return {
    nav: rows
      .filter((r) => visible.includes(r.visibility))
      .map((r) => ({ href: `/${r.slug}`, label: r.title })),
    nextChange: next?.at ?? undefined,
  }
}

export { isLive }
