import type { Metric } from './metrics.ts'

/** A verified figure as the rollup reads it (actual as text: int8 arrives differently per driver). */
export type FigureRow = {
  organization_id: string
  metric: string
  actual: string
  year: number
  period_end: string
}

/** The latest version of a goal; a null target means the goal was removed. */
export type GoalRow = { organization_id: string; metric: string; target: string | null }

/**
 * One organisation's figures per metric: summed across its reports for a metric that sums, the
 * latest report's figure for one that does not (a rate or an average cannot be added).
 */
export type MetricSums = {
  add: (metric: Metric, row: FigureRow) => void
  value: (key: string) => number | null
}

export function metricSums(): MetricSums {
  const totals = new Map<string, bigint>()
  const latest = new Map<string, string>()
  return {
    add(metric, row) {
      const value = BigInt(row.actual)
      if (metric.sums) totals.set(metric.key, (totals.get(metric.key) ?? 0n) + value)
      else if ((latest.get(metric.key) ?? '') <= row.period_end) {
        totals.set(metric.key, value)
        latest.set(metric.key, row.period_end)
      }
    },
    value(key) {
      const total = totals.get(key)
      if (total === undefined) return null
      if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('a total too large to add exactly')
      return Number(total)
    },
  }
}

export function addFigure(sums: MetricSums | undefined, metric: Metric | undefined, row: FigureRow) {
  if (sums && metric) sums.add(metric, row)
}

/**
 * Totals per group (a year, a program, a focus industry, a state) of the metrics that sum. An
 * organisation in two states counts in both, so groups of states need not add up to the network.
 */
export function groupTotals(
  metrics: Metric[],
  rows: FigureRow[],
  groupsOf: (row: FigureRow) => string[],
): { group: string; metrics: { key: string; total: number | null }[] }[] {
  const groups = new Map<string, Map<string, bigint>>()
  const summing = new Set(metrics.filter((m) => m.sums).map((m) => m.key))
  for (const row of rows) {
    if (!summing.has(row.metric)) continue
    for (const group of new Set(groupsOf(row))) {
      const totals = groups.get(group) ?? new Map<string, bigint>()
      totals.set(row.metric, (totals.get(row.metric) ?? 0n) + BigInt(row.actual))
      groups.set(group, totals)
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, totals]) => ({
      group,
      metrics: metrics.map((metric) => {
        const total = totals.get(metric.key)
        if (total !== undefined && total > BigInt(Number.MAX_SAFE_INTEGER)) {
          throw new RangeError('a total too large to add exactly')
        }
        return { key: metric.key, total: metric.sums && total !== undefined ? Number(total) : null }
      }),
    }))
}
