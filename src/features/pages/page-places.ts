import { asc } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { sitePages } from '#src/db/schema/index.ts'
import { type PagePlace, pagePaths } from '#src/features/site/index.ts'

export type PlacedPage = PagePlace & { path: string; depth: number }

/** Every page with its full path and depth, in tree order (parents before children, by nav order). */
export async function loadPlaces(db: DbOrTx): Promise<PlacedPage[]> {
  const rows = await db
    .select({
      id: sitePages.id,
      parentId: sitePages.parentId,
      slug: sitePages.slug,
      title: sitePages.title,
      status: sitePages.status,
      publishAt: sitePages.publishAt,
      visibility: sitePages.visibility,
      showInNav: sitePages.showInNav,
      navOrder: sitePages.navOrder,
      systemKey: sitePages.systemKey,
    })
    .from(sitePages)
    .orderBy(asc(sitePages.navOrder), asc(sitePages.title))
  const paths = pagePaths(rows)
  const placed: PlacedPage[] = []
  const walk = (parentId: string | null, depth: number) => {
    for (const row of rows.filter((r) => r.parentId === parentId)) {
      placed.push({ ...row, path: row.systemKey === 'home' ? '/' : (paths.get(row.id) ?? ''), depth })
      walk(row.id, depth + 1)
    }
  }
  walk(null, 0)
  return placed
}

/** A page and every page under it, at any depth. */
export function withDescendants(places: readonly PlacedPage[], id: string): PlacedPage[] {
  const found = places.filter((p) => p.id === id)
  for (let i = 0; i < found.length; i += 1)
    for (const child of places.filter((p) => p.parentId === found[i]?.id)) found.push(child)
  return found
}
