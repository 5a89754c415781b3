/** The visibility rule of every library and archive query, in SQL. */
import { type SQL, sql } from 'drizzle-orm'

/** `column in ('public'[, 'members'])`: what the viewer may see (the list comes from `visibleTo`). */
export const visibleSql = (column: SQL, visibilities: readonly ('public' | 'members')[]): SQL =>
  sql`${column} in (${sql.join(
    visibilities.map((v) => sql`${v}`),
    sql`, `,
  )})`
