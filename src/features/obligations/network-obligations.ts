/** The network view: the engine's year for every organisation, with slugs, counts, the heat map and the monthly rate. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { HeatState } from './charts.ts'
import { computeYearCompliance, type OrganizationCompliance } from './compliance.ts'
import { attendanceRate } from './obligation-format.ts'
import type { ComplianceStatus } from './status.ts'

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

/** How many organisations stand at each status. */
export function statusCounts(rows: readonly NetworkRow[]): Record<ComplianceStatus, number> {
  const counts = { compliant: 0, on_track: 0, at_risk: 0, not_compliant: 0, no_records: 0 }
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
