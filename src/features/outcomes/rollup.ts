import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import { listMetrics, type Metric } from './metrics.ts'
import {
  addFigure,
  type FigureRow,
  type GoalRow,
  groupTotals,
  type MetricSums,
  metricSums,
} from './rollup-sums.ts'

/*
 * The one count of outcomes: verified figures only (a draft, submitted or returned report never
 * counts), each in the year its report's period ends; a goal likewise in the year its period ends,
 * its latest version only. Money is whole cents. Metrics that do not add up across communities
 * get no network total (null), only each organisation's own figure.
 */

export type MetricTotal = {
  key: string
  name: string
  unit: Metric['unit']
  sums: boolean
  /** The verified total, or null for a metric that does not sum. */
  total: number | null
  /** The sum of the organisations' goals for the period, or null when none set one. */
  goal: number | null
  /** The verified total of the organisations that set a goal: what the goal is measured against. */
  towardGoal: number | null
  /** Organisations with a verified figure for the metric. */
  organizations: number
}

export type OrganizationFigures = {
  id: string
  slug: string
  name: string
  /** Whether it is admitted on the day asked about (its public profile exists). */
  admitted: boolean
  states: string[]
  focusIndustries: string[]
  programs: string[]
  metrics: { key: string; total: number | null; goal: number | null }[]
}

export type GroupFigures = { group: string; metrics: { key: string; total: number | null }[] }

export type Rollup = {
  period: { from: string; to: string }
  metrics: MetricTotal[]
  byOrganization: OrganizationFigures[]
  byYear: GroupFigures[]
  byProgram: GroupFigures[]
  byFocusIndustry: GroupFigures[]
  byState: GroupFigures[]
}

/**
 * The outcomes of reports whose period ends between `from` and `to` (inclusive), counted from the
 * verified figures alone.
 * @example const { metrics } = await rollupOutcomes(db, { from: '2016-01-01', to: '2016-12-31', onDate: today })
 */
export async function rollupOutcomes(
  db: DbOrTx,
  range: { from: string; to: string; onDate: string },
): Promise<Rollup> {
  const metrics = await listMetrics(db, { includeRetired: true })
  const figures = await queryRows<FigureRow>(
    db,
    sql`select r.organization_id, f.metric, f.actual::text as actual,
        extract(year from r.period_end)::int as year, r.period_end::text as period_end
      from outcome_figures f join outcome_reports r on r.id = f.report_id
      where r.status = 'verified' and f.actual is not null
        and r.period_end between ${range.from}::date and ${range.to}::date
      order by r.period_end, r.id`,
  )
  const goals = await queryRows<GoalRow>(
    db,
    sql`select distinct on (g.organization_id, g.metric, g.period_start, g.period_end)
        g.organization_id, g.metric, g.target::text as target
      from outcome_goals g
      where g.period_end between ${range.from}::date and ${range.to}::date
      order by g.organization_id, g.metric, g.period_start, g.period_end, g.version desc`,
  )
  const liveGoals = goals.filter((goal) => goal.target !== null)
  const orgIds = [...new Set([...figures, ...liveGoals].map((row) => row.organization_id))]
  const orgs = orgIds.length === 0 ? [] : await organizationsOf(db, orgIds, range.onDate)

  const byKey = new Map(metrics.map((metric) => [metric.key, metric]))
  const perOrg = new Map<string, MetricSums>(orgs.map((org) => [org.id, metricSums()]))
  for (const row of figures) addFigure(perOrg.get(row.organization_id), byKey.get(row.metric), row)
  const goalsOf = new Map<string, Map<string, bigint>>()
  for (const goal of liveGoals) {
    const own = goalsOf.get(goal.organization_id) ?? new Map<string, bigint>()
    own.set(goal.metric, (own.get(goal.metric) ?? 0n) + BigInt(goal.target ?? '0'))
    goalsOf.set(goal.organization_id, own)
  }
  const shown = metrics.filter((m) => !m.retired || figures.some((f) => f.metric === m.key))
  const byOrganization = orgs.map((org) => ({
    ...org,
    metrics: shown.map((metric) => ({
      key: metric.key,
      total: perOrg.get(org.id)?.value(metric.key) ?? null,
      goal: toNumber(goalsOf.get(org.id)?.get(metric.key)),
    })),
  }))
  return {
    period: { from: range.from, to: range.to },
    metrics: shown.map((metric) => networkTotal(metric, byOrganization)),
    byOrganization,
    byYear: groupTotals(shown, figures, (row) => [String(row.year)]),
    byProgram: groupTotals(shown, figures, (row) => orgOf(orgs, row).programs),
    byFocusIndustry: groupTotals(shown, figures, (row) => orgOf(orgs, row).focusIndustries),
    byState: groupTotals(shown, figures, (row) => orgOf(orgs, row).states),
  }
}

const toNumber = (value: bigint | undefined): number | null => (value === undefined ? null : exact(value))

/** A bigint as an exact JavaScript number; refuses a total that would lose a cent. */
export function exact(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('a total too large to add exactly')
  return Number(value)
}

const orgOf = (orgs: Omit<OrganizationFigures, 'metrics'>[], row: FigureRow) =>
  orgs.find((org) => org.id === row.organization_id) ?? { programs: [], focusIndustries: [], states: [] }

function networkTotal(metric: Metric, orgs: OrganizationFigures[]): MetricTotal {
  const own = orgs.map((org) => org.metrics.find((m) => m.key === metric.key))
  const reported = own.filter((m) => m?.total !== null && m?.total !== undefined)
  const withGoal = own.filter((m) => m?.goal !== null && m?.goal !== undefined)
  const add = (values: (number | null | undefined)[]) =>
    exact(values.reduce<bigint>((t, v) => t + BigInt(v ?? 0), 0n))
  return {
    key: metric.key,
    name: metric.name,
    unit: metric.unit,
    sums: metric.sums,
    total: metric.sums ? add(reported.map((m) => m?.total)) : null,
    goal: metric.sums && withGoal.length > 0 ? add(withGoal.map((m) => m?.goal)) : null,
    towardGoal: metric.sums && withGoal.length > 0 ? add(withGoal.map((m) => m?.total)) : null,
    organizations: reported.length,
  }
}

async function organizationsOf(db: DbOrTx, ids: string[], onDate: string) {
  const rows = await queryRows<{
    id: string
    slug: string
    name: string
    admitted: boolean
    states: string[]
    focus_industries: string[]
    programs: string[]
  }>(
    db,
    sql`select o.id, o.slug, o.name, ${isAdmittedSql(sql`o.id`, onDate)} as admitted, o.states, o.focus_industries,
        coalesce((select array_agg(distinct p.code order by p.code) from designations d
          join designation_programs p on p.id = d.program_id where d.organization_id = o.id), '{}') as programs
      from organizations o
      where o.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      order by lower(o.name)`,
  )
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    admitted: row.admitted,
    states: row.states,
    focusIndustries: row.focus_industries,
    programs: row.programs,
  }))
}
