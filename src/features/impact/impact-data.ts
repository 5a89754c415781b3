import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { listMetrics, type Metric, type Rollup, rollupOutcomes } from '#src/features/outcomes/index.ts'

/** Every period the Hub can hold (checkPeriod keeps records within these years). */
export const ALL_TIME = { from: '2000-01-01', to: '2100-12-31' } as const

/** An organisation with verified figures or goals, and the counties of its region (5-digit FIPS). */
export type ImpactRegion = { id: string; states: string[]; counties: string[] }

/** What the impact page shows: verified figures only, for the latest year that has any and all time. */
export type Impact = {
  metrics: Metric[]
  /** The year of the latest verified report's period end; null before any report is verified. */
  latestYear: number | null
  latest: Rollup | null
  allTime: Rollup
  regions: ImpactRegion[]
}

/**
 * The latest year with verified figures: the year in which the latest verified report with at
 * least one figure ends (the rollup counts a report in the year its period ends).
 */
async function latestVerifiedYear(db: DbOrTx): Promise<number | null> {
  const [row] = await queryRows<{ year: number | null }>(
    db,
    sql`select extract(year from max(r.period_end))::int as year
      from outcome_reports r
      where r.status = 'verified'
        and exists (select 1 from outcome_figures f where f.report_id = r.id and f.actual is not null)`,
  )
  return row?.year ?? null
}

/** The network's verified outcomes on `onDate`, through the one rollup. */
export async function loadImpact(db: DbOrTx, onDate: string): Promise<Impact> {
  const metrics = await listMetrics(db, { includeRetired: true })
  const latestYear = await latestVerifiedYear(db)
  const allTime = await rollupOutcomes(db, { ...ALL_TIME, onDate })
  const latest =
    latestYear === null
      ? null
      : await rollupOutcomes(db, { from: `${latestYear}-01-01`, to: `${latestYear}-12-31`, onDate })
  const ids = allTime.byOrganization.map((org) => org.id)
  const regions =
    ids.length === 0
      ? []
      : await queryRows<ImpactRegion>(
          db,
          sql`select id, states, counties from organizations
            where id in (${sql.join(
              ids.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
        )
  return { metrics, latestYear, latest, allTime, regions }
}

/** The metrics a visitor may shade the map by: those with at least one organisation's figure. */
export function mappableMetrics(impact: Impact): Metric[] {
  return impact.metrics.filter((metric) =>
    impact.allTime.byOrganization.some((org) =>
      org.metrics.some((m) => m.key === metric.key && m.total !== null),
    ),
  )
}

/** The metric asked for when it can be mapped, else the first that can (null when none). */
export function chosenMetric(impact: Impact, asked: string | undefined): Metric | null {
  const mappable = mappableMetrics(impact)
  return mappable.find((m) => m.key === asked) ?? mappable[0] ?? null
}
