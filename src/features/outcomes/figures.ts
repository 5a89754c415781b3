import type { DbOrTx } from '#src/db/client.ts'
import { refused } from '#src/lib/errors.ts'
import { amountExpected, MAX_AMOUNT, parseAmount } from '#src/lib/money.ts'
import { listMetrics, type Metric } from './metrics.ts'

/** One figure as written: the metric's key, the amount (cents for dollars; null when not given) and a note. */
export type FigureInput = { metric: string; actual: number | null; note: string | null }

export const MAX_NOTE_LENGTH = 2000

/**
 * Figures checked against the metrics in use: known keys, each once, whole non-negative amounts
 * within what the Hub adds exactly, notes of reasonable length.
 * @throws CONFLICT naming the figure (field `figure-<key>`) and what was expected
 */
export async function checkFigures(db: DbOrTx, figures: FigureInput[]): Promise<FigureInput[]> {
  const metrics = new Map((await listMetrics(db)).map((m) => [m.key, m]))
  const seen = new Set<string>()
  return figures.map((figure) => {
    const metric = metrics.get(figure.metric)
    if (!metric) throw refused(null, `There is no metric "${figure.metric}" in use.`)
    if (seen.has(figure.metric)) throw refused(`figure-${figure.metric}`, `${metric.name} is given twice.`)
    seen.add(figure.metric)
    const actual = figure.actual
    if (actual !== null && (!Number.isSafeInteger(actual) || actual < 0 || actual > MAX_AMOUNT)) {
      throw refused(`figure-${metric.key}`, `${metric.name} should be ${amountExpected(metric.unit)}.`)
    }
    const note = figure.note?.trim() || null
    if (note && note.length > MAX_NOTE_LENGTH) {
      throw refused(
        `note-${metric.key}`,
        `The note on ${metric.name} should be at most ${MAX_NOTE_LENGTH} characters.`,
      )
    }
    return { metric: metric.key, actual, note }
  })
}

/**
 * Figures from a form's fields `figure-<key>` (as typed: '4,347', '$1,250,000.50') and `note-<key>`.
 * @throws CONFLICT on the first amount that is not one, saying what was expected
 */
export function readFigureFields(
  metrics: Metric[],
  fields: Record<string, string | undefined>,
): FigureInput[] {
  return metrics.map((metric) => {
    const typed = (fields[`figure-${metric.key}`] ?? '').trim()
    const actual = typed === '' ? null : parseAmount(typed, metric.unit)
    if (actual === undefined) {
      throw refused(
        `figure-${metric.key}`,
        `${metric.name} should be ${amountExpected(metric.unit)}; got "${typed}".`,
      )
    }
    return { metric: metric.key, actual, note: fields[`note-${metric.key}`]?.trim() || null }
  })
}
