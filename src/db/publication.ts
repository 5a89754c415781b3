import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { isIsoDate } from '#src/lib/dates.ts'
import { isClockTime, zonedTimeToUtc } from '#src/lib/time-zone.ts'
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

/** What staff chose in a publication fieldset: the status, and a date and time in the network's zone. */
export type PublicationChoice = { status: PublicationStatus; date: string; time: string }

export type PublicationTime =
  | { ok: true; status: PublicationStatus; publishAt: string | null }
  | { ok: false; field: 'date' | 'time'; message: string }

/**
 * When a page or post goes (or went) out: the one rule of the page and news editors.
 * A date and time are needed only to schedule, and then must be after now. Given for a published
 * item, they may not be still to come (that is Scheduled); left empty, the item keeps the time it
 * went out, or goes out now. A draft keeps a date and time given (a post's date), or has none.
 * A date needs its time and the reverse, and both must exist.
 */
export function publicationTime(
  choice: PublicationChoice,
  context: {
    now: Date
    timeZone: string
    previous?: { status: PublicationStatus; publishAt: string | null }
  },
): PublicationTime {
  const date = choice.date.trim()
  const time = choice.time.trim()
  const { status } = choice
  if ((status === 'scheduled' || time) && !isIsoDate(date))
    return { ok: false, field: 'date', message: dateMessage(date, status) }
  if ((status === 'scheduled' || date) && !isClockTime(time))
    return { ok: false, field: 'time', message: 'Enter a time such as 09:30 (24-hour clock).' }
  if (!date) {
    if (status === 'draft') return { ok: true, status, publishAt: null }
    const { previous } = context
    const wentOutAt = previous && isLive(previous, context.now) ? previous.publishAt : null
    return { ok: true, status, publishAt: wentOutAt ?? context.now.toISOString() }
  }
  const publishAt = zonedTimeToUtc(date, time, context.timeZone)
  if (status === 'scheduled' && new Date(publishAt) <= context.now)
    return {
      ok: false,
      field: 'date',
      message: 'A scheduled item goes out later: choose a date and time after now, or Published.',
    }
  if (status === 'published' && new Date(publishAt) > context.now)
    return {
      ok: false,
      field: 'date',
      message: 'This date is still to come: choose Scheduled to publish it then.',
    }
  return { ok: true, status, publishAt }
}

const dateMessage = (date: string, status: PublicationStatus) =>
  date === '' && status === 'scheduled'
    ? 'Give the date it goes out, such as 2026-12-08 (year, month, day).'
    : 'Enter a date such as 2026-12-08 (year, month, day).'
