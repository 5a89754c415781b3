import { TZDate } from '@date-fns/tz'
import { sql } from 'drizzle-orm'
import { ICalCalendar, ICalEventStatus } from 'ical-generator'
import type { DbOrTx } from '#src/db/client.ts'
import type { CallStatus } from '#src/db/schema/calls.ts'
import { queryRows } from '#src/db/sql.ts'
import { vtimezone } from './vtimezone.ts'

/** What a feed needs to know about one call. */
export type FeedCall = {
  id: string
  localDate: string
  timeZone: string
  /** The UTC instant the call starts, ISO 8601. */
  startsAt: string
  durationMinutes: number
  status: CallStatus
  cancelReason: string | null
  agenda: string | null
  /** How many times its date, time, length or status were changed after it was created. */
  sequence: number
  /** When the call's record last changed, ISO 8601, or null when the audit log does not say. */
  lastModified: string | null
}

/** ical-generator writes PRODID as '-' followed by this: -//Collaborative Hub//Network calendar//EN. */
const PRODUCT_ID = '//Collaborative Hub//Network calendar//EN'
export const CALL_SUMMARY = 'National call'

/** The UID of a call's event: stable for as long as the call exists, wherever the feed is read. */
export const callUid = (callId: string): string => `${callId}@collaborative-hub`

const SCHEDULE_FIELDS = ['local_date', 'start_time', 'time_zone', 'starts_at', 'duration_minutes', 'status']

/**
 * The calls from `sinceDate` (YYYY-MM-DD) on, in order, with the revision count and last
 * change that the audit log holds for each.
 */
export async function listFeedCalls(db: DbOrTx, options: { sinceDate: string }): Promise<FeedCall[]> {
  const schedule = sql.join(
    SCHEDULE_FIELDS.map((field) => sql`${field}`),
    sql`, `,
  )
  return queryRows<FeedCall>(
    db,
    sql`select c.id::text as "id",
          c.local_date::text as "localDate",
          c.time_zone as "timeZone",
          to_char(c.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startsAt",
          c.duration_minutes as "durationMinutes",
          c.status as "status",
          c.cancel_reason as "cancelReason",
          c.agenda as "agenda",
          coalesce(a.revisions, 0)::int as "sequence",
          to_char(a.last_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "lastModified"
        from calls c
        left join lateral (
          select count(*) filter (
                   where l.action = 'update' and l.changed && array[${schedule}]::text[]
                 ) as revisions,
                 max(l.at) as last_at
            from audit_log l
           where l.table_name = 'calls' and l.record_id = c.id::text
        ) a on true
       where c.local_date >= ${options.sinceDate}::date
       order by c.starts_at, c.id`,
  )
}

/** The event's description: the reason a cancelled call is off, then the agenda when there is one. */
const describe = (call: FeedCall): string | null => {
  const parts: string[] = []
  if (call.status === 'cancelled') parts.push(`Cancelled: ${call.cancelReason ?? 'no reason given'}`)
  if (call.agenda?.trim()) parts.push(`Agenda:\n${call.agenda.trim()}`)
  return parts.length > 0 ? parts.join('\n\n') : null
}

/**
 * Writes the network calendar (RFC 5545): one event per call in its own time zone, with a
 * VTIMEZONE for every zone used. `now` stamps events whose last change is unknown.
 */
export function renderNetworkCalendar(
  calls: FeedCall[],
  options: { now: Date; name?: string; url?: string },
): string {
  const years = calls.map((c) => Number(c.localDate.slice(0, 4)))
  const fromYear = years.length > 0 ? Math.min(...years) : options.now.getUTCFullYear()
  const toYear = years.length > 0 ? Math.max(...years) : fromYear
  const calendar = new ICalCalendar({
    prodId: PRODUCT_ID,
    name: options.name ?? 'Collaborative Hub national calls',
    description: 'The weekly national calls of the network. Cancelled calls stay listed as cancelled.',
    url: options.url ?? null,
    ttl: 6 * 60 * 60,
    // No calendar-wide zone (ical-generator would then write DTSTAMP in local time, which
    // RFC 5545 forbids); the generator still writes a VTIMEZONE for each event's zone.
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear - 1, toYear + 1) },
  })
  for (const call of calls) {
    const starts = Date.parse(call.startsAt)
    const lastModified = call.lastModified ? new Date(call.lastModified) : null
    calendar.createEvent({
      id: callUid(call.id),
      // TZDate reads its wall clock in the call's zone, whatever the server's zone is.
      start: new TZDate(starts, call.timeZone),
      end: new TZDate(starts + call.durationMinutes * 60_000, call.timeZone),
      timezone: call.timeZone,
      summary: CALL_SUMMARY,
      description: describe(call),
      status: call.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: call.sequence,
      stamp: lastModified ?? options.now,
      lastModified,
    })
  }
  const text = calendar.toString()
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}

/** The public network feed: the calls from January of last year on. */
export async function buildNetworkCalendar(
  db: DbOrTx,
  options: { today: string; now: Date; url?: string },
): Promise<string> {
  const sinceDate = `${Number(options.today.slice(0, 4)) - 1}-01-01`
  const calls = await listFeedCalls(db, { sinceDate })
  return renderNetworkCalendar(calls, { now: options.now, url: options.url })
}
