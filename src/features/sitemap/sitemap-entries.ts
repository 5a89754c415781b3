import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { nextScheduledAtSql, searchSources } from '#src/features/search/index.ts'

/** The public pages that are always there, before the content staff and members write. */
export const FIXED_PUBLIC_PATHS = [
  '/',
  '/news',
  '/library',
  '/presentations',
  '/directory',
  '/impact',
  '/apply',
]

export type SitemapEntry = { path: string; lastmod: string | null }

/**
 * Every public, live page, news post, library item, presentation archive page and admitted
 * organisation's profile (each kind's own rule, the one search uses with the public's eyes), and
 * when the next scheduled page or post goes out (the sitemap is stale from then).
 */
export async function listSitemapEntries(
  db: DbOrTx,
  options: { now: Date; today: string; timeZone: string },
): Promise<{ entries: SitemapEntry[]; nextScheduledAt: string | null }> {
  const rows = await queryRows<{ path: string; lastmod: string | null; next_scheduled_at: string | null }>(
    db,
    sql`select e.path, to_char(e.lastmod at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as lastmod,
        ${nextScheduledAtSql(options.now)} as next_scheduled_at
      from (${sql.join(
        searchSources.map((s) => sql`(${s.publicEntries(options)})`),
        sql` union all `,
      )}) e
      order by e.path`,
  )
  const fixed = new Set(FIXED_PUBLIC_PATHS)
  const listed = rows.filter((r) => r.path !== null && !fixed.has(r.path))
  const home = rows.find((r) => r.path === '/')
  return {
    entries: [
      ...FIXED_PUBLIC_PATHS.map((path) => ({ path, lastmod: path === '/' ? (home?.lastmod ?? null) : null })),
      ...listed.map((r) => ({ path: r.path, lastmod: r.lastmod })),
    ],
    nextScheduledAt: rows[0]?.next_scheduled_at ?? null,
  }
}
