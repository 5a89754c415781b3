/**
 * An organisation's obligations page: the engine's result for its year (computeYearCompliance) plus
 * what it does not carry: the calls that do not count and who was on each call. No rule lives here.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { CallStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { mergePresence, reachesMinimum } from '#src/features/attendance/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { computeYearCompliance, type OrganizationCompliance } from './compliance.ts'
import { byName } from './network-query.ts'
import { owedSentences } from './owed.ts'

export type CallState = 'held' | 'upcoming' | 'cancelled' | 'not_counted'

/** One call of the year as the organisation's page shows it. */
export type CallLine = {
  localDate: string
  title: string | null
  state: CallState
  /** Held calls: whether a seat holder of the day was there long enough (the engine's answer). */
  isAttended: boolean
  /** The seat holders who count for this call (names). */
  attendedBy: string[]
  /** Others on the call who do not count, with why. */
  others: { name: string; why: string }[]
}

export type OrganizationObligations = {
  org: OrganizationRef
  year: number
  /** The engine's result; undefined when the organisation was not admitted on any day of the year. */
  compliance: OrganizationCompliance | undefined
  calls: CallLine[]
  minimumMinutes: number
  requiredShare: number
  /** What it still owes this year and by when (owed.ts). */
  owed: string[]
}

/**
 * One organisation's year: the engine's result for it, and every call of the year with who was
 * there. People from the organisation who were on a call without counting (no seat that day,
 * or too short) are listed too, as DOMAIN.md asks.
 */
export async function loadOrganizationObligations(
  db: DbOrTx,
  options: { org: OrganizationRef; year: number; today: string },
): Promise<OrganizationObligations> {
  const { org, year, today } = options
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  const [settings, [compliance], yearCalls, presence] = await Promise.all([
    getSettings(db),
    computeYearCompliance(db, { year, today, organizationIds: [org.id] }),
    queryRows<{ id: string; local_date: string; status: CallStatus; title: string | null }>(
      db,
      sql`select id, local_date::text as local_date, status, title from calls
        where local_date between ${first}::date and ${last}::date order by local_date`,
    ),
    // The people of the organisation, and its seat holders of the year, on the year's calls.
    queryRows<{
      call_id: string
      person_id: string
      full_name: string
      seconds: number
      first_join: string | null
      last_leave: string | null
      held_seat: boolean
    }>(
      db,
      sql`select a.call_id, a.person_id, p.full_name, a.seconds,
          to_char(a.first_join at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as first_join,
          to_char(a.last_leave at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as last_leave,
          exists (select 1 from seats s where s.organization_id = ${org.id}::uuid and s.person_id = a.person_id
            and s.starts_on <= c.local_date and (s.ends_on is null or s.ends_on > c.local_date)) as held_seat
        from attendance a join calls c on c.id = a.call_id join people p on p.id = a.person_id
        where c.local_date between ${first}::date and ${last}::date and c.local_date < ${today}::date
          and (p.organization_id = ${org.id}::uuid or exists (select 1 from seats s
            where s.organization_id = ${org.id}::uuid and s.person_id = a.person_id
              and s.starts_on <= ${last}::date and (s.ends_on is null or s.ends_on > ${first}::date)))`,
    ),
  ])
  const outcomes = new Map((compliance?.obligations.calls ?? []).map((c) => [c.callId, c]))
  const byCall = new Map<string, Map<string, typeof presence>>()
  for (const row of presence) {
    const people = byCall.get(row.call_id) ?? new Map<string, typeof presence>()
    people.set(row.person_id, [...(people.get(row.person_id) ?? []), row])
    byCall.set(row.call_id, people)
  }
  const calls = yearCalls.map((call): CallLine => {
    const outcome = outcomes.get(call.id)
    const state: CallState =
      call.status === 'cancelled'
        ? 'cancelled'
        : !outcome
          ? 'not_counted'
          : outcome.isHeld
            ? 'held'
            : 'upcoming'
    const counted = new Set(outcome?.presentSeatHolders ?? [])
    const attendedBy: string[] = []
    const others: { name: string; why: string }[] = []
    const wasHeld = state === 'held' || state === 'not_counted'
    for (const [personId, rows] of wasHeld ? (byCall.get(call.id) ?? []) : []) {
      const name = rows[0]?.full_name ?? ''
      if (counted.has(personId)) attendedBy.push(name)
      else if (!rows[0]?.held_seat) others.push({ name, why: 'no seat that day' })
      else if (!reachesMinimum(mergePresence(rows.map(presenceOf)), settings.minimumAttendanceMinutes))
        others.push({ name, why: `under ${settings.minimumAttendanceMinutes} minutes` })
      else others.push({ name, why: 'the organisation was not admitted that day' })
    }
    return {
      localDate: call.local_date,
      title: call.title,
      state,
      isAttended: outcome?.isAttended ?? false,
      attendedBy: attendedBy.sort(byName.compare),
      others: others.sort((a, b) => byName.compare(a.name, b.name)),
    }
  })
  return {
    org,
    year,
    compliance,
    calls,
    minimumMinutes: settings.minimumAttendanceMinutes,
    requiredShare: settings.requiredAttendanceShare,
    owed: compliance
      ? owedSentences(compliance.obligations, today, settings.presentationAdmissionCutoff)
      : [],
  }
}

const presenceOf = (row: { seconds: number; first_join: string | null; last_leave: string | null }) => ({
  seconds: row.seconds,
  firstJoin: row.first_join,
  lastLeave: row.last_leave,
})
