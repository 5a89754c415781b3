import { inArray } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { redirects } from '#src/db/schema/index.ts'
import { isHubPath, markdownLinks } from '#src/lib/markdown.ts'
import { reservedSegments } from '#src/lib/reserved-paths.ts'
import { loadPlaces } from './page-places.ts'

/**
 * The links of a body to paths of the Hub that lead nowhere: no page has that address (at any
 * status: a draft will have it once published), no old address redirects from it, and its
 * first segment is none the Hub's own routes answer (/news, /library, /directory...). Links to
 * other sites are not fetched. A warning only: the save still happens.
 */
export async function brokenInternalLinks(db: DbOrTx, markdown: string): Promise<string[]> {
  const internal = [...new Set(markdownLinks(markdown).filter(isHubPath))]
  if (internal.length === 0) return []
  const pathOf = (href: string) => {
    const bare = href.replace(/[?#].*$/, '')
    return bare.length > 1 ? bare.replace(/\/+$/, '') : bare
  }
  const candidates = internal.filter((href) => {
    const path = pathOf(href)
    const first = path.split('/')[1] ?? ''
    return path !== '/' && !reservedSegments.has(first)
  })
  if (candidates.length === 0) return []
  const pagePaths = new Set((await loadPlaces(db)).map((p) => p.path))
  const paths = candidates.map(pathOf)
  const redirected = new Set(
    (
      await db
        .select({ from: redirects.fromPath })
        .from(redirects)
        .where(inArray(redirects.fromPath, [...paths, ...paths.map((p) => `${p}/`)]))
    ).map((r) => r.from.replace(/\/+$/, '')),
  )
  return candidates.filter((href) => !pagePaths.has(pathOf(href)) && !redirected.has(pathOf(href)))
}
