/**
 * The two layouts of an outcome sheet, told apart by the header (case, spaces and punctuation
 * ignored): one row per organisation and metric (organization, metric, value, note), or one
 * column per metric (organization, Jobs created, Jobs retained, ..., each perhaps with a
 * "<metric> note" column). Each data row is read into the figures it gives, as typed.
 */

import type { Metric } from '#src/features/outcomes/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { headerKey } from '#src/lib/spreadsheet/cells.ts'

/** One figure as a row gives it: the metric (undefined when the name matches none), the typed value and note. */
export type TypedFigure = { metric: Metric | undefined; metricText: string; value: string; note: string }

/** What one data row says: the organisation as typed and its figures. */
export type OutcomeRow = { row: number; organization: string; figures: TypedFigure[] }

const ORGANIZATION = [
  'organisation',
  'organization',
  'org',
  'community',
  'member',
  'name',
  'organisation name',
  'organization name',
  'community name',
  'short name',
  'slug',
]
const METRIC = ['metric', 'measure', 'indicator', 'outcome', 'metric name', 'metric key']
const VALUE = ['value', 'amount', 'actual', 'figure', 'total', 'result']
const NOTE = ['note', 'notes', 'comment', 'comments']

/** A metric's header: its name or its key, compared as headers are ('jobs_created' reads 'jobs created'). */
export function metricFinder(metrics: readonly Metric[]) {
  const byKey = new Map<string, Metric>()
  for (const metric of metrics) {
    byKey.set(headerKey(metric.name), metric)
    byKey.set(headerKey(metric.key), metric)
  }
  return (text: string): Metric | undefined => byKey.get(headerKey(text))
}

const metricList = (metrics: readonly Metric[]) => metrics.map((m) => m.name).join(', ')

export const headerHelp = (metrics: readonly Metric[]) =>
  `a header row naming an organization column and either metric and value columns (one row per organization and metric) or a column per metric (${metricList(metrics)})`

const refuse = (userMessage: string) => new AppError('BAD_INPUT', { userMessage })

/**
 * Reads the header row into a reader of the data rows.
 * @throws AppError BAD_INPUT naming the row and what a header should be, or a column that is no metric
 */
export function columnsOf(metrics: readonly Metric[], header: readonly string[], rowNumber: number) {
  const keys = header.map(headerKey)
  const find = (names: string[]) => keys.findIndex((k) => names.includes(k))
  const organization = find(ORGANIZATION)
  const findMetric = metricFinder(metrics)
  const fail = (why: string) =>
    refuse(
      `Row ${rowNumber} should be ${headerHelp(metrics)}; ${why} (it has ${
        header.map((h) => `"${h.trim()}"`).join(', ') || 'no cells'
      }). Nothing was imported.`,
    )
  if (organization < 0) throw fail('no column names the organization')
  const cell = (row: readonly string[], i: number) => (i < 0 ? '' : (row[i] ?? '').trim())
  const [metric, value, note] = [find(METRIC), find(VALUE), find(NOTE)]
  if (metric >= 0 || value >= 0) {
    if (metric < 0 || value < 0) throw fail(`a ${metric < 0 ? 'metric' : 'value'} column is missing`)
    return {
      layout: 'long' as const,
      read: (row: readonly string[], n: number): OutcomeRow => ({
        row: n,
        organization: cell(row, organization),
        figures: [
          {
            metric: findMetric(cell(row, metric)),
            metricText: cell(row, metric),
            value: cell(row, value),
            note: cell(row, note),
          },
        ],
      }),
    }
  }
  const columns: { metric: Metric; value: number; note: number }[] = []
  const others: number[] = []
  header.forEach((text, i) => {
    if (i === organization || text.trim() === '') return
    const named = findMetric(text)
    if (!named) others.push(i)
    else if (columns.some((c) => c.metric.key === named.key))
      throw refuse(`Row ${rowNumber} names ${named.name} in two columns. Nothing was imported.`)
    else columns.push({ metric: named, value: i, note: -1 })
  })
  for (const i of others) {
    const noted = /^(.*) (note|notes|comment)$/.exec(keys[i] ?? '')
    const column = columns.find((c) => c.metric.key === findMetric(noted?.[1] ?? '')?.key)
    if (column && column.note < 0) column.note = i
    else
      throw refuse(
        `Column ${i + 1} of row ${rowNumber}, "${header[i]?.trim()}", is not a metric: the metrics are ${metricList(metrics)} (by name or key), each perhaps with a note column ("${metrics[0]?.name ?? 'Jobs created'} note"). Nothing was imported.`,
      )
  }
  if (columns.length === 0) throw fail('no column names a metric')
  return {
    layout: 'wide' as const,
    read: (row: readonly string[], n: number): OutcomeRow => ({
      row: n,
      organization: cell(row, organization),
      figures: columns
        .map((c) => ({
          metric: c.metric,
          metricText: c.metric.name,
          value: cell(row, c.value),
          note: cell(row, c.note),
        }))
        .filter((f) => f.value !== '' || f.note !== ''),
    }),
  }
}
