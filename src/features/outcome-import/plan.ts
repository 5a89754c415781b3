/**
 * What an outcome sheet would write for a year: one verified report per organisation with its
 * figures, and every problem with its row number. Reads only; run again inside the commit.
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { organizations, outcomeReports } from '#src/db/schema/index.ts'
import {
  type FigureInput,
  listMetrics,
  type Metric,
  type OutcomePeriod,
  periodLabel,
} from '#src/features/outcomes/index.ts'
import { amountExpected, parseAmount } from '#src/lib/money.ts'
import { readSheet } from '#src/lib/spreadsheet/read-sheet.ts'
import { columnsOf, type OutcomeRow } from './columns.ts'
import { organizationFinder } from './organizations.ts'

export type OutcomeProblem = { row: number; message: string }
export type PlannedReport = {
  organizationId: string
  name: string
  slug: string
  /** The rows that give its figures. */
  rows: number[]
  figures: FigureInput[]
}
export type OutcomePlan = {
  kind: 'csv' | 'xlsx'
  layout: 'long' | 'wide'
  rows: number
  metrics: Metric[]
  reports: PlannedReport[]
  problems: OutcomeProblem[]
}

/**
 * Reads an outcome sheet's rows with the metrics in use.
 * @throws AppError BAD_INPUT when the file cannot be read or its header is not one of the two layouts
 */
export async function readOutcomeSheet(db: DbOrTx, bytes: Uint8Array) {
  const metrics = await listMetrics(db)
  let layout: 'long' | 'wide' = 'long'
  const sheet = await readSheet<OutcomeRow>(bytes, {
    name: 'outcome',
    cellHint: 'an organization, a metric, an amount or a short note',
    header: (cells, rowNumber) => {
      const columns = columnsOf(metrics, cells, rowNumber)
      layout = columns.layout
      return columns.read
    },
  })
  return { ...sheet, layout, metrics }
}

const statusWords = { draft: 'a draft', submitted: 'submitted', returned: 'returned', verified: 'verified' }

/** Checks every row against the organisations and the period's reports; says what committing would write. */
export async function planOutcomes(
  db: DbOrTx,
  input: { bytes: Uint8Array; period: OutcomePeriod },
): Promise<OutcomePlan> {
  const sheet = await readOutcomeSheet(db, input.bytes)
  const find = organizationFinder(
    await db
      .select({
        id: organizations.id,
        name: organizations.name,
        shortName: organizations.shortName,
        slug: organizations.slug,
      })
      .from(organizations),
  )
  const existing = new Map(
    (
      await db
        .select({ organizationId: outcomeReports.organizationId, status: outcomeReports.status })
        .from(outcomeReports)
        .where(
          and(
            eq(outcomeReports.periodStart, input.period.start),
            eq(outcomeReports.periodEnd, input.period.end),
          ),
        )
    ).map((r) => [r.organizationId, r.status]),
  )
  const plan: OutcomePlan = {
    kind: sheet.kind,
    layout: sheet.layout,
    rows: sheet.rows.length,
    metrics: sheet.metrics,
    reports: [],
    problems: [],
  }
  const reports = new Map<string, PlannedReport>()
  const given = new Map<string, number>()
  const year = periodLabel(input.period)
  for (const r of sheet.rows) {
    const problem = (message: string) => plan.problems.push({ row: r.row, message })
    const found = find(r.organization)
    if (!found.ok) problem(found.message)
    const figures = readFigures(r, sheet.metrics, problem)
    if (!found.ok || !figures) continue
    const { org } = found
    const status = existing.get(org.id)
    if (status) {
      problem(
        `${org.name} already has a report for ${year} (${statusWords[status]}): an import never writes over a report. Leave ${org.name} out of the file, or correct its report instead.`,
      )
      continue
    }
    if (figures.length === 0) {
      problem(`The row gives no figure for ${org.name}: fill in at least one metric's column.`)
      continue
    }
    const repeated = figures.filter((f) => given.has(`${org.id} ${f.metric}`))
    for (const f of repeated)
      problem(
        `${sheet.metrics.find((m) => m.key === f.metric)?.name} of ${org.name} is given again: row ${given.get(`${org.id} ${f.metric}`)} gives it first.`,
      )
    if (repeated.length > 0) continue
    for (const f of figures) given.set(`${org.id} ${f.metric}`, r.row)
    const report = reports.get(org.id) ?? {
      organizationId: org.id,
      name: org.name,
      slug: org.slug,
      rows: [],
      figures: [],
    }
    report.figures.push(...figures)
    report.rows.push(r.row)
    reports.set(org.id, report)
  }
  plan.reports = [...reports.values()]
  return plan
}

/** A row's figures in their metrics' units, or null when one is not a metric or not an amount (each said). */
function readFigures(
  r: OutcomeRow,
  metrics: readonly Metric[],
  problem: (message: string) => void,
): FigureInput[] | null {
  const figures: FigureInput[] = []
  let ok = true
  for (const f of r.figures) {
    if (!f.metric) {
      problem(
        `${f.metricText ? `"${f.metricText}" is not a metric` : 'The metric is empty'}: expected one of ${metrics.map((m) => m.name).join(', ')} (by name or key).`,
      )
      ok = false
      continue
    }
    const actual = f.value === '' ? null : parseAmount(f.value, f.metric.unit)
    if (actual === undefined || (actual === null && !f.note)) {
      problem(
        `${f.metric.name} ${f.value === '' ? 'is empty' : `"${f.value}" is not right`}: expected ${amountExpected(f.metric.unit)}.`,
      )
      ok = false
      continue
    }
    figures.push({ metric: f.metric.key, actual, note: f.note || null })
  }
  return ok ? figures : null
}
