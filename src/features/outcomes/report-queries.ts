import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { OutcomePeriodKind, OutcomeReportAction, OutcomeReportStatus } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import type { FigureInput } from './figures.ts'
import type { OutcomePeriod } from './periods.ts'

/** A report in a list: whose, which period, where it stands. */
export type ReportSummary = {
  id: string
  organizationId: string
  organizationName: string
  organizationSlug: string
  periodStart: string
  periodEnd: string
  periodKind: OutcomePeriodKind
  status: OutcomeReportStatus
  round: number
  createdAt: string
  submittedAt: string | null
  verifiedAt: string | null
}

/** One round of a report's history: who did what, when, with their comments and the figures as they stood. */
export type ReportEvent = {
  id: string
  round: number
  action: OutcomeReportAction
  personName: string | null
  at: string
  comment: string | null
  figureComments: Record<string, string>
  figures: FigureInput[]
}

/** A report with its narrative, evidence, figures and every round. */
export type ReportDetail = ReportSummary & {
  note: string | null
  evidenceUrl: string | null
  /** The evidence file kept with the report, if any (downloaded from /outcomes/reports/:id/evidence). */
  evidenceFile: { id: string; name: string } | null
  figures: FigureInput[]
  events: ReportEvent[]
}

type SummaryRow = {
  id: string
  organization_id: string
  organization_name: string
  organization_slug: string
  period_start: string
  period_end: string
  period_kind: OutcomePeriodKind
  status: OutcomeReportStatus
  round: number
  created_at: string
  submitted_at: string | null
  verified_at: string | null
  note: string | null
  evidence_url: string | null
  evidence_file_id: string | null
  evidence_file_name: string | null
}

const instant = (column: SQL) => sql`to_json(${column})#>>'{}'`

async function summaryRows(db: DbOrTx, where: SQL, limit = 500): Promise<SummaryRow[]> {
  return queryRows<SummaryRow>(
    db,
    sql`select r.id, r.organization_id, o.name as organization_name, o.slug as organization_slug,
        r.period_start::text, r.period_end::text, r.period_kind, r.status, r.round,
        ${instant(sql`r.created_at`)} as created_at, ${instant(sql`r.submitted_at`)} as submitted_at,
        ${instant(sql`r.verified_at`)} as verified_at, r.note, r.evidence_url,
        r.evidence_file_id, (select f.name from stored_files f where f.id = r.evidence_file_id) as evidence_file_name
      from outcome_reports r join organizations o on o.id = r.organization_id
      where ${where}
      order by r.period_end desc, o.name, r.period_start desc
      limit ${limit}`,
  )
}

const toSummary = (r: SummaryRow): ReportSummary => ({
  id: r.id,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  organizationSlug: r.organization_slug,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  periodKind: r.period_kind,
  status: r.status,
  round: r.round,
  createdAt: r.created_at,
  submittedAt: r.submitted_at,
  verifiedAt: r.verified_at,
})

/** Reports, newest period first: one organisation's, or those in one state (staff's queue), or all. */
export async function listReports(
  db: DbOrTx,
  filter: { organizationId?: string; status?: OutcomeReportStatus } = {},
): Promise<ReportSummary[]> {
  const conditions = [sql`true`]
  if (filter.organizationId) conditions.push(sql`r.organization_id = ${filter.organizationId}`)
  if (filter.status) conditions.push(sql`r.status = ${filter.status}`)
  return (await summaryRows(db, sql.join(conditions, sql` and `))).map(toSummary)
}

/** How many reports are in each state (the tabs of staff's queue). */
export async function countReportsByStatus(db: DbOrTx): Promise<Record<OutcomeReportStatus, number>> {
  const rows = await queryRows<{ status: OutcomeReportStatus; n: number }>(
    db,
    sql`select status, count(*)::int as n from outcome_reports group by status`,
  )
  const counts = { draft: 0, submitted: 0, returned: 0, verified: 0 }
  for (const row of rows) counts[row.status] = row.n
  return counts
}

/** The organisation's report for exactly this period, if it has one. */
export async function findReportId(
  db: DbOrTx,
  organizationId: string,
  period: Pick<OutcomePeriod, 'start' | 'end'>,
): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from outcome_reports where organization_id = ${organizationId}
      and period_start = ${period.start}::date and period_end = ${period.end}::date`,
  )
  return row?.id
}

const parseJson = <T>(text: string | null, empty: T): T => (text ? (JSON.parse(text) as T) : empty)

/** A report with its figures and history (oldest round first), or undefined when there is none. */
export async function loadReport(db: DbOrTx, reportId: string): Promise<ReportDetail | undefined> {
  const [row] = await summaryRows(db, sql`r.id = ${reportId}`, 1)
  if (!row) return undefined
  const figures = await queryRows<{ metric: string; actual: string | null; note: string | null }>(
    db,
    sql`select f.metric, f.actual::text as actual, f.note from outcome_figures f
      join outcome_metrics m on m.key = f.metric
      where f.report_id = ${reportId} order by m.position, f.metric`,
  )
  const events = await queryRows<{
    id: string
    round: number
    action: OutcomeReportAction
    person_name: string | null
    at: string
    comment: string | null
    figure_comments: string | null
    figures: string | null
  }>(
    db,
    sql`select e.id, e.round, e.action, p.full_name as person_name, ${instant(sql`e.at`)} as at, e.comment,
        e.figure_comments::text as figure_comments, e.figures::text as figures
      from outcome_report_events e left join people p on p.id = e.person_id
      where e.report_id = ${reportId} order by e.at, e.round`,
  )
  return {
    ...toSummary(row),
    note: row.note,
    evidenceUrl: row.evidence_url,
    evidenceFile: row.evidence_file_id
      ? { id: row.evidence_file_id, name: row.evidence_file_name ?? 'evidence' }
      : null,
    figures: figures.map((f) => ({
      metric: f.metric,
      actual: f.actual === null ? null : Number(f.actual),
      note: f.note,
    })),
    events: events.map((e) => ({
      id: e.id,
      round: e.round,
      action: e.action,
      personName: e.person_name,
      at: e.at,
      comment: e.comment,
      figureComments: parseJson<Record<string, string>>(e.figure_comments, {}),
      figures: parseJson<FigureInput[]>(e.figures, []),
    })),
  }
}
