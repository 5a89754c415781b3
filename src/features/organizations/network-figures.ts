import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { callAheadSql, heldCallSql } from '#src/features/calls/index.ts'
import { type MetricTotal, rollupOutcomes } from '#src/features/outcomes/index.ts'
import { listAdmittedOrganizations } from './directory.ts'

export type NetworkFigures = {
  members: number
  bffs: number
  states: number
  counties: number
  programs: number
  year: number
  callsHeld: number
  callsCancelled: number
  /** The next call not yet over (callAheadSql), and when it ends: the figures change then. */
  nextCall: { localDate: string; startsAt: string; endsAt: string; timeZone: string } | null
  /** All-time verified totals of the metrics that sum and have figures (the outcomes rollup). */
  verifiedOutcomes: MetricTotal[]
}

/** Every period the Hub can hold (checkPeriod keeps records within these years). */
const ALL_TIME = { from: '2000-01-01', to: '2100-12-31' }

/** The headline figures of the network on `onDate` (at `now`), every one counted from the records. */
export async function getNetworkFigures(db: DbOrTx, onDate: string, now: Date): Promise<NetworkFigures> {
  const admitted = await listAdmittedOrganizations(db, { onDate })
  const year = Number(onDate.slice(0, 4))
  const [calls] = await queryRows<{ held: number; cancelled: number }>(
    db,
    sql`select count(*) filter (where ${heldCallSql('c', onDate)})::int as held,
        count(*) filter (where c.status = 'cancelled')::int as cancelled
      from calls c where extract(year from c.local_date) = ${year}`,
  )
  const [next] = await queryRows<{
    local_date: string
    starts_at: string
    ends_at: string
    time_zone: string
  }>(
    db,
    sql`select local_date::text, to_json(starts_at)#>>'{}' as starts_at,
        to_json(starts_at + make_interval(mins => duration_minutes))#>>'{}' as ends_at, time_zone
      from calls c where ${callAheadSql('c', now)} order by starts_at limit 1`,
  )
  const outcomes = await rollupOutcomes(db, { from: ALL_TIME.from, to: ALL_TIME.to, onDate })
  return {
    members: admitted.filter((o) => o.category === 'member').length,
    bffs: admitted.filter((o) => o.category === 'bff').length,
    states: new Set(admitted.flatMap((o) => o.states)).size,
    counties: new Set(admitted.flatMap((o) => o.counties)).size,
    programs: new Set(admitted.flatMap((o) => o.programs)).size,
    year,
    callsHeld: calls?.held ?? 0,
    callsCancelled: calls?.cancelled ?? 0,
    nextCall: next
      ? {
          localDate: next.local_date,
          startsAt: next.starts_at,
          endsAt: next.ends_at,
          timeZone: next.time_zone,
        }
      : null,
    verifiedOutcomes: outcomes.metrics.filter((m) => m.total !== null && m.organizations > 0),
  }
}
