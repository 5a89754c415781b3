import { type SQLWrapper, sql } from 'drizzle-orm'

/** An instant as ISO 8601 in UTC, the same text from both database engines. */
export const isoInstant = (column: SQLWrapper) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** An instant as ISO 8601 in UTC, or null. */

export const isoInstantOrNull = (column: SQLWrapper) =>
  sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The time after which an application's evidence is new: its latest submission or answer, or never. */
export const lockedBefore = (applicationId: SQLWrapper | string) =>
  sql`(select max(ev.created_at) from application_events ev
    where ev.application_id = ${applicationId} and ev.kind in ('submitted', 'answered'))`
