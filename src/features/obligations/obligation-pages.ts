/**
 * What the obligations pages show, computed from the engine's result (computeYearCompliance,
 * called once a page) plus the few facts it does not carry: the slugs, the names of the people
 * on each call and the calls that do not count. No rule of the obligations lives here: the
 * numbers are the engine's; this file only arranges them for people.
 */
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import type { CallStatus, OrganizationCategory } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { mergePresence, reachesMinimum } from '#src/features/attendance/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { formatDate, monthName, monthNames } from '#src/ui/format.ts'
import type { HeatState } from './charts.ts'
import { computeYearCompliance, type OrganizationCompliance } from './compliance.ts'
import type { PresentationView, QuarterStatus } from './engine.ts'
import { type ComplianceStatus, complianceStatuses } from './status.ts'

/** 'YYYY-MM-DD' → 'Jan 5' (the short form of a call's date, for columns). */
export const shortDate = (isoDate: string): string =>
  `${monthNames[Number(isoDate.slice(5, 7)) - 1]?.slice(0, 3)} ${Number(isoDate.slice(8, 10))}`

/** The year a page is about: ?year=YYYY, or the current one; a message when it is not a year. */
export function readYear(raw: string | undefined, today: string): { year: number } | { problem: string } {
  if (raw === undefined || raw === '') return { year: Number(today.slice(0, 4)) }
  if (!/^[12]\d{3}$/.test(raw))
    return {
      problem: `“${raw.slice(0, 40)}” is not a year: write four digits, such as ${today.slice(0, 4)}.`,
    }
  return { year: Number(raw) }
}

export const quarterLabels: Record<QuarterStatus, string> = {
  done: 'Done',
  due: 'Due',
  missed: 'Missed',
  not_required: 'Not required',
}

/** The presentation in a few words: "Given on May 4, 2026 (12 minutes)", "No slot yet"… */
export function presentationSummary(view: PresentationView): string {
  switch (view.status) {
    case 'given': {
      const on = view.callDate ? ` on ${formatDate(view.callDate)}` : ''
      const length =
        view.minutes === null
          ? ''
          : ` (${view.minutes} minutes${view.lengthWarning ? ': outside the usual length' : ''})`
      return `Given${on}${length}`
    }
    case 'planned':
      return `Planned for ${formatDate(view.callDate)}`
    case 'missed':
      return view.callDate ? `Missed on ${formatDate(view.callDate)}` : 'Missed'
    case 'requested':
      return view.month === null
        ? 'Requested, no slot yet'
        : `${monthName(view.month)} requested, no slot yet`
    case 'none':
      return view.required ? 'No slot yet' : 'Not required: no call counts this year'
  }
}

/** The same in fewer words, for a table cell: "Given Jan 5 (12 min)", "Planned Dec 7"… */
export function presentationShort(view: PresentationView): string {
  switch (view.status) {
    case 'given':
      return `Given${view.callDate ? ` ${shortDate(view.callDate)}` : ''}${view.minutes === null ? '' : ` (${view.minutes} min${view.lengthWarning ? ', outside the usual length' : ''})`}`
    case 'planned':
      return `Planned ${shortDate(view.callDate)}`
    case 'missed':
      return view.callDate ? `Missed ${shortDate(view.callDate)}` : 'Missed'
    case 'requested':
      return view.month === null ? 'Requested, no slot' : `${monthName(view.month)} requested, no slot`
    case 'none':
      return view.required ? 'No slot yet' : 'Not required'
  }
}

/** Attended ÷ held, or null before any call was held. */
export const attendanceRate = (c: OrganizationCompliance): number | null =>
  c.obligations.attendance.held === 0
    ? null
    : c.obligations.attendance.attended / c.obligations.attendance.held

/** 0.4761 → '48%'; null → '—'. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`

// ---- One organisation's page ----

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
  }
}

const presenceOf = (row: { seconds: number; first_join: string | null; last_leave: string | null }) => ({
  seconds: row.seconds,
  firstJoin: row.first_join,
  lastLeave: row.last_leave,
})

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

// ---- The network view ----

export const networkSorts = ['name', 'status', 'rate', 'category'] as const
export type NetworkSort = (typeof networkSorts)[number]
export type SortDirection = 'asc' | 'desc'

export type NetworkQuery = {
  year: number
  status: ComplianceStatus | undefined
  category: OrganizationCategory | undefined
  sort: NetworkSort
  dir: SortDirection
}

const optional = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.literal(''), z.enum(values)]).optional()

const networkQuerySchema = z.object({
  status: optional(complianceStatuses),
  category: optional(['member', 'bff'] as const),
  sort: optional(networkSorts),
  dir: optional(['asc', 'desc'] as const),
})

const expected: Record<string, string> = {
  status: 'compliant, on_track, at_risk or not_compliant',
  category: 'member or bff',
  sort: 'name, status, rate or category',
  dir: 'asc or desc',
}

/** The network view's query string, or what was wrong with it. */
export function readNetworkQuery(
  query: Record<string, string>,
  today: string,
): { query: NetworkQuery } | { problem: string } {
  const year = readYear(query.year, today)
  if ('problem' in year) return year
  const parsed = networkQuerySchema.safeParse(query)
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '')
    return { problem: `The ${field} filter takes ${expected[field] ?? 'another value'}.` }
  }
  const { status, category, sort, dir } = parsed.data
  return {
    query: {
      year: year.year,
      status: status || undefined,
      category: category || undefined,
      sort: sort || 'name',
      dir: dir || 'asc',
    },
  }
}

/** A row of the network view: the engine's result, with the slug for links and the rate. */
export type NetworkRow = OrganizationCompliance & { slug: string; rate: number | null }

export type NetworkObligations = {
  /** Every organisation with obligations in the year, sorted by name. */
  rows: NetworkRow[]
  /** The held calls of the year that count for at least one organisation, in date order. */
  heldCalls: { callId: string; localDate: string }[]
  requiredShare: number
  minimumMinutes: number
}

/** The year for every organisation (one engine run), with slugs and the calls held. */
export async function loadNetworkObligations(
  db: DbOrTx,
  options: { year: number; today: string },
): Promise<NetworkObligations> {
  const [settings, compliance, slugs] = await Promise.all([
    getSettings(db),
    computeYearCompliance(db, options),
    queryRows<{ id: string; slug: string }>(db, sql`select id, slug from organizations`),
  ])
  const slugById = new Map(slugs.map((s) => [s.id, s.slug]))
  const held = new Map<string, string>()
  for (const c of compliance)
    for (const call of c.obligations.calls) if (call.isHeld) held.set(call.callId, call.localDate)
  return {
    rows: compliance.map((c) => ({
      ...c,
      slug: slugById.get(c.organizationId) ?? '',
      rate: attendanceRate(c),
    })),
    heldCalls: [...held]
      .map(([callId, localDate]) => ({ callId, localDate }))
      .sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0)),
    requiredShare: settings.requiredAttendanceShare,
    minimumMinutes: settings.minimumAttendanceMinutes,
  }
}

/**
 * The rows the query asks for: filtered by status and category, sorted by its column (ties by
 * name). Organisations with no call held yet have no rate: they come last either way.
 */
export function selectRows(rows: readonly NetworkRow[], query: NetworkQuery): NetworkRow[] {
  const sign = query.dir === 'asc' ? 1 : -1
  const names = (a: NetworkRow, b: NetworkRow) =>
    byName.compare(a.name, b.name) || (a.organizationId < b.organizationId ? -1 : 1)
  const compare = (a: NetworkRow, b: NetworkRow): number => {
    switch (query.sort) {
      case 'name':
        return sign * names(a, b)
      case 'status':
        return (
          sign *
            (complianceStatuses.indexOf(a.obligations.status) -
              complianceStatuses.indexOf(b.obligations.status)) || names(a, b)
        )
      case 'category':
        return sign * a.category.localeCompare(b.category) || names(a, b)
      case 'rate':
        if (a.rate === null || b.rate === null)
          return (a.rate === null ? 1 : 0) - (b.rate === null ? 1 : 0) || names(a, b)
        return sign * (a.rate - b.rate) || names(a, b)
    }
  }
  return rows
    .filter(
      (r) =>
        (!query.status || r.obligations.status === query.status) &&
        (!query.category || r.category === query.category),
    )
    .sort(compare)
}

/** How many organisations stand at each status. */
export function statusCounts(rows: readonly NetworkRow[]): Record<ComplianceStatus, number> {
  const counts = { compliant: 0, on_track: 0, at_risk: 0, not_compliant: 0 }
  for (const r of rows) counts[r.obligations.status]++
  return counts
}

/** For each row, its state on each held call (in `heldCalls` order). */
export function heatMapStates(
  rows: readonly NetworkRow[],
  heldCalls: readonly { callId: string }[],
): HeatState[][] {
  return rows.map((row) => {
    const outcomes = new Map(row.obligations.calls.map((c) => [c.callId, c]))
    return heldCalls.map(({ callId }) => {
      const outcome = outcomes.get(callId)
      return !outcome?.isHeld ? 'not_admitted' : outcome.isAttended ? 'attended' : 'absent'
    })
  })
}

export type MonthlyAttendance = {
  /** 1 to 12. */
  month: number
  /** (organisation, held call) pairs that count: the call was held while the organisation was admitted. */
  pairs: number
  attended: number
  rate: number
}

/** The network's attendance rate by month: the share of (organisation, held call) pairs attended. */
export function monthlyAttendance(rows: readonly NetworkRow[]): MonthlyAttendance[] {
  const byMonth = new Map<number, { pairs: number; attended: number }>()
  for (const row of rows)
    for (const call of row.obligations.calls) {
      if (!call.isHeld) continue
      const month = Number(call.localDate.slice(5, 7))
      const counts = byMonth.get(month) ?? { pairs: 0, attended: 0 }
      counts.pairs++
      if (call.isAttended) counts.attended++
      byMonth.set(month, counts)
    }
  return [...byMonth]
    .sort(([a], [b]) => a - b)
    .map(([month, { pairs, attended }]) => ({ month, pairs, attended, rate: attended / pairs }))
}
