import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { visibleSql } from '#src/db/publication.ts'
import { queryRows } from '#src/db/sql.ts'
import { heldCallSql } from '#src/features/calls/index.ts'
import { computeYearCompliance } from '#src/features/obligations/index.ts'
import { listAdmittedOrganizations } from '#src/features/organizations/index.ts'
import { type Rollup, rollupOutcomes } from '#src/features/outcomes/index.ts'
import { type CommunityPage, communityPages } from './community-pages.ts'

/** The first and last years a report can be asked for (the years the outcomes kernel accepts). */
export const REPORT_YEARS = { first: 2000, last: 2100 } as const

/** A year of the network, every figure counted from the records (the public annual report). */
export type YearReport = {
  year: number
  /** The day the organisations are counted on: the year's last day, or today while the year runs. */
  asOf: string
  /** Whether the year is over (false: figures so far). */
  isOver: boolean
  members: number
  bffs: number
  callsHeld: number
  /**
   * The average, over the organisations that had at least one call held while they were admitted
   * (and after the network's records begin), of the share of those calls one of their seat holders
   * attended for the minimum minutes; null when no such organisation.
   */
  attendanceRate: number | null
  /** How many organisations that average is over. */
  attendanceOrganizations: number
  /** Presentations given in the year that are in the public archive. */
  presentationsGiven: number
  /** Public briefings published (dated) in the year. */
  briefingsPublished: number
  outcomes: Rollup
  communities: CommunityPage[]
}

/** Whether `text` names a year the report covers: four digits, 2000 to 2100. */
export function reportYear(text: string | undefined): number | undefined {
  if (!text || !/^\d{4}$/.test(text)) return undefined
  const year = Number(text)
  return year >= REPORT_YEARS.first && year <= REPORT_YEARS.last ? year : undefined
}

/**
 * The year's report as of `today`: what a visitor may see only (public briefings and
 * presentations; verified outcomes; counts of organisations and calls).
 * @example const report = await loadYearReport(db, { year: 2026, today: '2026-11-26' })
 */
export async function loadYearReport(
  db: DbOrTx,
  options: { year: number; today: string },
): Promise<YearReport> {
  const { year, today } = options
  const first = `${year}-01-01`
  const last = `${year}-12-31`
  const isOver = today > last
  const asOf = isOver ? last : today
  const [admitted, compliance, counts, outcomes] = await Promise.all([
    listAdmittedOrganizations(db, { onDate: asOf }),
    computeYearCompliance(db, { year, today }),
    queryRows<{ calls: number; presentations: number; briefings: number }>(
      db,
      sql`select
          (select count(*)::int from calls c
            where c.local_date between ${first}::date and ${last}::date and ${heldCallSql('c', today)}) as calls,
          (select count(*)::int from presentations p
            where p.year = ${year} and p.status = 'given' and ${visibleSql(sql`p.visibility`, ['public'])}) as presentations,
          (select count(*)::int from briefings b
            where b.kind = 'briefing' and b.status = 'published' and ${visibleSql(sql`b.visibility`, ['public'])}
              and b.published_on between ${first}::date and ${last}::date) as briefings`,
    ),
    rollupOutcomes(db, { from: first, to: last, onDate: today }),
  ])
  const shares = compliance
    .map((c) => c.obligations.attendance)
    .filter((a) => a.held > 0)
    .map((a) => a.attended / a.held)
  return {
    year,
    asOf,
    isOver,
    members: admitted.filter((o) => o.category === 'member').length,
    bffs: admitted.filter((o) => o.category === 'bff').length,
    callsHeld: counts[0]?.calls ?? 0,
    attendanceRate: shares.length === 0 ? null : shares.reduce((a, b) => a + b, 0) / shares.length,
    attendanceOrganizations: shares.length,
    presentationsGiven: counts[0]?.presentations ?? 0,
    briefingsPublished: counts[0]?.briefings ?? 0,
    outcomes,
    communities: communityPages(outcomes, admitted, !isOver),
  }
}
