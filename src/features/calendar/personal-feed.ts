import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { loadUserViewer } from '#src/features/access/index.ts'
import { getSettings, joinDetailsOf } from '#src/features/settings/index.ts'
import { can } from '#src/http/permissions.ts'
import { formatDate } from '#src/ui/format.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import {
  type FeedCall,
  type FeedExtraEvent,
  feedSinceDate,
  listFeedCalls,
  publicCall,
  renderNetworkCalendar,
} from './calendar.ts'

/** Where a private feed answers: the secret is the last part of the path. */
export const personalFeedPath = (token: string): string => `/calendar/people/${token}.ics`

/** 32 random bytes in base64url: 43 characters of A-Z, a-z, 0-9, '-' and '_'. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** The person's active private feed (never its secret, which is not kept), or undefined. */
export async function activeFeed(
  db: DbOrTx,
  personId: string,
): Promise<{ id: string; createdAt: string } | undefined> {
  const [row] = await queryRows<{ id: string; created_at: string }>(
    db,
    sql`select id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at
      from calendar_feeds where person_id = ${personId} and revoked_at is null`,
  )
  return row ? { id: row.id, createdAt: row.created_at } : undefined
}

/**
 * Creates the person's private feed, revoking the one they had in the same transaction, and
 * returns its secret: the only time it exists outside the request (only its SHA-256 is kept).
 */
export async function createFeed(db: Db, personId: string): Promise<{ token: string; replaced: boolean }> {
  const token = randomBytes(32).toString('base64url')
  return writeAs(db, `person:${personId}`, async (tx) => {
    // Two requests of the same person at once: the second waits, then revokes the first's feed.
    await queryRows(tx, sql`select id from people where id = ${personId} for update`)
    const revoked = await queryRows<{ id: string }>(
      tx,
      sql`update calendar_feeds set revoked_at = hub_now()
        where person_id = ${personId} and revoked_at is null returning id`,
    )
    await tx.execute(
      sql`insert into calendar_feeds (person_id, token_hash) values (${personId}, ${hashToken(token)})`,
    )
    return { token, replaced: revoked.length > 0 }
  })
}

/** Revokes the person's private feed; false when they had none. */
export async function revokeFeed(db: Db, personId: string): Promise<boolean> {
  return writeAs(db, `person:${personId}`, async (tx) => {
    const revoked = await queryRows<{ id: string }>(
      tx,
      sql`update calendar_feeds set revoked_at = hub_now()
        where person_id = ${personId} and revoked_at is null returning id`,
    )
    return revoked.length > 0
  })
}

/** The person a feed secret belongs to, while the feed is active; undefined for anything else. */
export async function feedOwner(db: DbOrTx, token: string): Promise<string | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined
  const [row] = await queryRows<{ person_id: string }>(
    db,
    sql`select person_id from calendar_feeds where token_hash = ${hashToken(token)} and revoked_at is null`,
  )
  return row?.person_id
}

/** One presentation slot of an organisation whose seat the person holds. */
export type PresentationSlot = {
  id: string
  organizationName: string
  title: string | null
  status: 'planned' | 'given'
  callDate: string
  callStartsAt: string
  callTimeZone: string
  callStatus: 'scheduled' | 'cancelled'
  callCancelReason: string | null
  /** Revisions of the call's schedule plus those of the presentation's call or status. */
  sequence: number
  lastModified: string | null
}

/**
 * The planned or given presentation slots, on calls from `sinceDate` on, of the organisations
 * whose representative or alternate seat the person holds on `onDate`, in call order.
 */
export async function presentationSlotsOf(
  db: DbOrTx,
  options: { personId: string; onDate: string; sinceDate: string },
): Promise<PresentationSlot[]> {
  const { personId, onDate, sinceDate } = options
  return queryRows<PresentationSlot>(
    db,
    sql`select p.id::text as "id",
          coalesce(o.short_name, o.name) as "organizationName",
          p.title as "title",
          p.status as "status",
          c.local_date::text as "callDate",
          to_char(c.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "callStartsAt",
          c.time_zone as "callTimeZone",
          c.status as "callStatus",
          c.cancel_reason as "callCancelReason",
          (coalesce(ca.revisions, 0) + coalesce(pa.revisions, 0))::int as "sequence",
          to_char(greatest(ca.last_at, pa.last_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            as "lastModified"
        from presentations p
        join calls c on c.id = p.call_id
        join organizations o on o.id = p.organization_id
        left join lateral (
          select count(*) filter (where l.action = 'update' and l.changed && array['local_date', 'start_time',
                   'time_zone', 'starts_at', 'duration_minutes', 'status']::text[]) as revisions,
                 max(l.at) as last_at
            from audit_log l where l.table_name = 'calls' and l.record_id = c.id::text
        ) ca on true
        left join lateral (
          select count(*) filter (where l.action = 'update' and l.changed && array['call_id', 'status']::text[])
                   as revisions,
                 max(l.at) as last_at
            from audit_log l where l.table_name = 'presentations' and l.record_id = p.id::text
        ) pa on true
       where p.status in ('planned', 'given')
         and c.local_date >= ${sinceDate}::date
         and p.organization_id in (
           select s.organization_id from seats s where s.person_id = ${personId}
             and s.starts_on <= ${onDate}::date and (s.ends_on is null or s.ends_on > ${onDate}::date))
       order by c.starts_at, o.name, p.id`,
  )
}

/** The UID of a presentation slot's event. */
export const presentationUid = (presentationId: string): string =>
  `presentation-${presentationId}@collaborative-hub`

/** A presentation slot as a calendar event: at the start of its call, for `minutes`. */
export function presentationEvent(slot: PresentationSlot, minutes: number): FeedExtraEvent {
  const isCancelled = slot.callStatus === 'cancelled'
  const parts: string[] = []
  if (isCancelled)
    parts.push(`Cancelled: the call is cancelled (${slot.callCancelReason ?? 'no reason given'}).`)
  parts.push(
    `${slot.organizationName} presents on the national call of ${formatDate(slot.callDate)}, at its start.`,
  )
  if (slot.title?.trim()) parts.push(`Title: ${slot.title.trim()}`)
  return {
    uid: presentationUid(slot.id),
    summary: `Presentation: ${slot.organizationName}`,
    description: parts.join('\n\n'),
    startsAt: slot.callStartsAt,
    durationMinutes: minutes,
    timeZone: slot.callTimeZone,
    localDate: slot.callDate,
    isCancelled,
    sequence: slot.sequence,
    lastModified: slot.lastModified,
  }
}

/**
 * Whether the person may read the calls' members-only fields on `onDate`: the rule of the
 * `/calls/:date` page (`calls:read`: seat holders, the board, staff) applied to their account.
 */
export async function canReadCallsOf(db: DbOrTx, personId: string, onDate: string): Promise<boolean> {
  const [user] = await queryRows<{ id: string; email: string; name: string }>(
    db,
    sql`select u.id, u.email, u.name from people p join auth_users u on u.id = p.user_id where p.id = ${personId}`,
  )
  return user ? can(await loadUserViewer(db, user, onDate), 'calls:read') : false
}

/**
 * The person's private feed: the network feed's calls (same events and UIDs) and the
 * presentation slots of the organisations whose seat they hold today. The calls carry their
 * members' fields (title, why cancelled, join link and dial-in, agenda, recording) while the person may read them.
 */
export async function buildPersonalCalendar(
  db: DbOrTx,
  options: { personId: string; today: string; now: Date; url?: string },
): Promise<string> {
  const sinceDate = feedSinceDate(options.today)
  const [calls, slots, settings, isMember] = await Promise.all([
    listFeedCalls(db, { sinceDate }),
    presentationSlotsOf(db, { personId: options.personId, onDate: options.today, sinceDate }),
    getSettings(db),
    canReadCallsOf(db, options.personId, options.today),
  ])
  const withJoin = (call: FeedCall): FeedCall => {
    const join = joinDetailsOf(call, settings)
    return { ...call, joinUrl: join.joinUrl || null, dialIn: join.dialIn || null }
  }
  return renderNetworkCalendar(isMember ? calls.map(withJoin) : calls.map(publicCall), {
    now: options.now,
    url: options.url,
    name: `${currentChrome().name}: calls and presentations`,
    description:
      'The weekly national calls of the network, and the presentation slots of your organisation. Cancelled calls stay listed as cancelled.',
    extraEvents: slots.map((slot) => presentationEvent(slot, settings.presentationMaxMinutes)),
  })
}

/** The names of the organisations whose representative or alternate seat the person holds on `onDate`. */
export async function seatOrganizationNames(db: DbOrTx, personId: string, onDate: string): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct coalesce(o.short_name, o.name) as name from seats s
      join organizations o on o.id = s.organization_id
      where s.person_id = ${personId} and s.starts_on <= ${onDate}::date
        and (s.ends_on is null or s.ends_on > ${onDate}::date)
      order by 1`,
  )
  return rows.map((r) => r.name)
}
