import { TZDate } from '@date-fns/tz'
import { sql } from 'drizzle-orm'
import { ICalCalendar, ICalEventStatus } from 'ical-generator'
import type { DbOrTx } from '#src/db/client.ts'
import type { CallStatus } from '#src/db/schema/calls.ts'
import { queryRows } from '#src/db/sql.ts'
import { slugify } from '#src/lib/slug.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { vtimezone } from './vtimezone.ts'

/**
 * The fields of a call anyone may see: when it is and whether it is on (what the home page
 * says of the next call). Everything else a call has (its title, why it is cancelled, its
 * agenda and recording) is for the network's members: `/calls/:date` answers only those who
 * hold `calls:read`, and so do the feeds. This list is the one definition of "public".
 */
export const PUBLIC_CALL_FIELDS = [
  'id',
  'localDate',
  'timeZone',
  'startsAt',
  'durationMinutes',
  'status',
  'sequence',
  'lastModified',
] as const

/** A call as the public sees it. */
export type PublicCall = {
  id: string
  localDate: string
  timeZone: string
  /** The UTC instant the call starts, ISO 8601. */
  startsAt: string
  durationMinutes: number
  status: CallStatus
  /** How many times its date, time, length or status were changed after it was created. */
  sequence: number
  /** When the call's record last changed, ISO 8601, or null when the audit log does not say. */
  lastModified: string | null
}

/** What a feed for members needs to know about one call: the public fields and the members' ones. */
export type FeedCall = PublicCall & {
  cancelReason: string | null
  agenda: string | null
  /** The call's title ('National call' when it has none), and its recording link when there is one. */
  title: string | null
  recordingUrl: string | null
  /** How members join: the call's own link and dial-in as listed, the series' once resolved (joinDetailsOf). */
  joinUrl: string | null
  dialIn: string | null
}

/** The call with its public fields only: a new object, so nothing else can leak through it. */
export const publicCall = (call: PublicCall): PublicCall =>
  Object.fromEntries(PUBLIC_CALL_FIELDS.map((field) => [field, call[field]])) as PublicCall

const isMembersCall = (call: PublicCall | FeedCall): call is FeedCall => 'agenda' in call

/**
 * ical-generator writes PRODID as '-' followed by this: -//Hub//Network calendar//EN. A stable id
 * of the software that wrote the feed, naming neither a network (staff rename theirs) nor a product.
 */
const PRODUCT_ID = '//Hub//Network calendar//EN'
export const CALL_SUMMARY = 'National call'

/** The name a feed is saved under: the network's short name ('amcc-calls.ics'), never the software's. */
export const feedFileName = (what: string): string =>
  `${slugify(currentChrome().shortName) || 'network'}-${what}.ics`

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
          c.title as "title",
          c.recording_url as "recordingUrl",
          c.join_url as "joinUrl",
          c.dial_in as "dialIn",
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

/**
 * An event the feed carries besides the calls (a presentation slot of the private feed),
 * written in the same way: in its own zone, with a stable UID and its revision count.
 */
export type FeedExtraEvent = {
  uid: string
  summary: string
  /** The event's URL property: a call's join link, for members only. */
  url?: string | null
  description: string | null
  /** The UTC instant it starts, ISO 8601. */
  startsAt: string
  durationMinutes: number
  timeZone: string
  /** Its date in its own zone (YYYY-MM-DD): the VTIMEZONE covers its year. */
  localDate: string
  isCancelled: boolean
  sequence: number
  /** When it last changed, ISO 8601, or null when unknown. */
  lastModified: string | null
}

/**
 * The event's description. For members: the reason a cancelled call is off, how to join one
 * that is on, then the agenda and the recording. For the public: only that it is cancelled.
 */
const describe = (call: PublicCall | FeedCall): string | null => {
  if (!isMembersCall(call)) return call.status === 'cancelled' ? 'This call is cancelled.' : null
  const parts: string[] = []
  if (call.status === 'cancelled') parts.push(`Cancelled: ${call.cancelReason ?? 'no reason given'}`)
  if (call.status !== 'cancelled' && call.joinUrl?.trim()) parts.push(`Join: ${call.joinUrl.trim()}`)
  if (call.status !== 'cancelled' && call.dialIn?.trim()) parts.push(`Dial-in:\n${call.dialIn.trim()}`)
  if (call.agenda?.trim()) parts.push(`Agenda:\n${call.agenda.trim()}`)
  if (call.recordingUrl?.trim()) parts.push(`Recording: ${call.recordingUrl.trim()}`)
  return parts.length > 0 ? parts.join('\n\n') : null
}

/**
 * Writes the network calendar (RFC 5545): one event per call in its own time zone, with a
 * VTIMEZONE for every zone used. `now` stamps events whose last change is unknown.
 * `extraEvents` (the private feed's presentation slots) follow the calls; the network feed
 * has none, and `name` and `description` name a feed other than the network's. A call given
 * with its members' fields (a `FeedCall`) is written with them; a `PublicCall` without.
 */
export function renderNetworkCalendar(
  calls: readonly (PublicCall | FeedCall)[],
  options: { now: Date; name?: string; description?: string; url?: string; extraEvents?: FeedExtraEvent[] },
): string {
  const extraEvents = options.extraEvents ?? []
  const years = [...calls, ...extraEvents].map((c) => Number(c.localDate.slice(0, 4)))
  const fromYear = years.length > 0 ? Math.min(...years) : options.now.getUTCFullYear()
  const toYear = years.length > 0 ? Math.max(...years) : fromYear
  const calendar = new ICalCalendar({
    prodId: PRODUCT_ID,
    name: options.name ?? `${currentChrome().name}: national calls`,
    description:
      options.description ??
      'The weekly national calls of the network. Cancelled calls stay listed as cancelled.',
    url: options.url ?? null,
    ttl: 6 * 60 * 60,
    // No calendar-wide zone (ical-generator would then write DTSTAMP in local time, which
    // RFC 5545 forbids); the generator still writes a VTIMEZONE for each event's zone.
    timezone: { name: null, generator: (zone) => vtimezone(zone, fromYear - 1, toYear + 1) },
  })
  const events: FeedExtraEvent[] = [
    ...calls.map((call) => ({
      uid: callUid(call.id),
      summary: (isMembersCall(call) && call.title?.trim()) || CALL_SUMMARY,
      description: describe(call),
      url: isMembersCall(call) && call.status !== 'cancelled' ? call.joinUrl || null : null,
      startsAt: call.startsAt,
      durationMinutes: call.durationMinutes,
      timeZone: call.timeZone,
      localDate: call.localDate,
      isCancelled: call.status === 'cancelled',
      sequence: call.sequence,
      lastModified: call.lastModified,
    })),
    ...extraEvents,
  ]
  for (const event of events) {
    const starts = Date.parse(event.startsAt)
    const lastModified = event.lastModified ? new Date(event.lastModified) : null
    calendar.createEvent({
      id: event.uid,
      // TZDate reads its wall clock in the event's zone, whatever the server's zone is.
      start: new TZDate(starts, event.timeZone),
      end: new TZDate(starts + event.durationMinutes * 60_000, event.timeZone),
      timezone: event.timeZone,
      summary: event.summary,
      description: event.description,
      url: event.url ?? null,
      status: event.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: event.sequence,
      stamp: lastModified ?? options.now,
      lastModified,
    })
  }
  const text = calendar.toString()
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}

/** The first day a feed lists: January 1 of last year. */
export const feedSinceDate = (today: string): string => `${Number(today.slice(0, 4)) - 1}-01-01`

/** The public network feed: the calls from January of last year on, with their public fields only. */
export async function buildNetworkCalendar(
  db: DbOrTx,
  options: { today: string; now: Date; url?: string },
): Promise<string> {
  const calls = await listFeedCalls(db, { sinceDate: feedSinceDate(options.today) })
  return renderNetworkCalendar(calls.map(publicCall), { now: options.now, url: options.url })
}
