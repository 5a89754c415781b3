import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { ContentVisibility, PublicationStatus } from './schema/index.ts'

/**
 * The one rule of a page or post being out (DOMAIN.md): published, or scheduled and its time has
 * come. Nothing flips a status when the time comes; the rule is read at `now` every time.
 */
export function isLive(row: { status: PublicationStatus; publishAt: string | null }, now: Date): boolean {
  if (row.status === 'published') return true
  return row.status === 'scheduled' && row.publishAt !== null && new Date(row.publishAt) <= now
}

/** The same rule in SQL, for a table with `status` and `publish_at`. */
export function liveSql(table: { status: AnyPgColumn; publishAt: AnyPgColumn }, now: Date): SQL {
  return sql`(${table.status} = 'published' or (${table.status} = 'scheduled' and ${table.publishAt} <= ${now.toISOString()}))`
}

/** When the next scheduled item of a table goes out (for the page cache), or undefined. */
export function nextScheduledSql(table: { status: AnyPgColumn; publishAt: AnyPgColumn }, now: Date): SQL {
  return sql`(${table.status} = 'scheduled' and ${table.publishAt} > ${now.toISOString()})`
}

/**
 * `column in ('public'[, 'members'])`: the visibilities a viewer may see (`visibleTo(viewer)`),
 * the rule of every page, post, library item and presentation query; none matches nothing.
 */
export const visibleSql = (column: SQL, visibilities: readonly ContentVisibility[]): SQL =>
  visibilities.length === 0
    ? sql`false`
    : sql`${column} in (${sql.join(
        visibilities.map((v) => sql`${v}`),
        sql`, `,
      )})`
