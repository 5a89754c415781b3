/**
 * An outcome report's life, one transaction per step, every round kept in outcome_report_events:
 * draft -> submitted -> (returned -> submitted)* -> verified -> corrected (a recorded revision).
 * Who may act for which organisation is the route's check; these functions enforce the states.
 */
import { and, eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import {
  type OutcomeReportAction,
  type OutcomeReportStatus,
  outcomeFigures,
  outcomeReportEvents,
  outcomeReports,
} from '#src/db/schema/index.ts'
import { type FileKind, storeFile } from '#src/features/files/index.ts'
import { AppError, refused } from '#src/lib/errors.ts'
import { checkFigures, type FigureInput } from './figures.ts'
import { checkPeriod, type OutcomePeriod } from './periods.ts'

/** Who acts: their people.id (null from the command line), the audit actor, and whether staff. */
export type OutcomesBy = { personId: string | null; actor: Actor; isStaff: boolean }

export type ReportDraft = {
  organizationId: string
  period: OutcomePeriod
  note: string | null
  evidenceUrl: string | null
  /** A checked upload (checkUpload) to keep as the evidence, or null to remove the one kept. */
  evidenceFile?: { name: string; bytes: Uint8Array; kind: FileKind } | null
  figures: FigureInput[]
}

/** The states each step may start from: the one statement of the workflow. */
const allowedFrom: Record<'save' | 'submit' | 'return' | 'verify' | 'correct', OutcomeReportStatus[]> = {
  save: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  return: ['submitted'],
  verify: ['submitted'],
  correct: ['verified'],
}

const stepWords = {
  save: 'edited',
  submit: 'submitted',
  return: 'returned',
  verify: 'verified',
  correct: 'corrected',
} as const

async function lockReport(tx: Tx, reportId: string, step: keyof typeof allowedFrom) {
  const [report] = await tx.select().from(outcomeReports).where(eq(outcomeReports.id, reportId)).for('update')
  if (!report) throw new AppError('NOT_FOUND', { userMessage: 'No such outcome report.' })
  if (!allowedFrom[step].includes(report.status)) {
    throw refused(null, `A ${report.status} report cannot be ${stepWords[step]}.`)
  }
  return report
}

/**
 * Replaces the report's figures of the metrics in use with `figures`; a figure of a metric retired
 * since it was written stays as it was (no form asks for it any more, and it must not be lost).
 */
async function writeFigures(tx: Tx, reportId: string, figures: FigureInput[]) {
  await tx
    .delete(outcomeFigures)
    .where(
      and(
        eq(outcomeFigures.reportId, reportId),
        sql`${outcomeFigures.metric} in (select key from outcome_metrics where retired_at is null)`,
      ),
    )
  const rows = figures.filter((f) => f.actual !== null || f.note)
  if (rows.length > 0) await tx.insert(outcomeFigures).values(rows.map((f) => ({ reportId, ...f })))
  return rows
}

async function recordEvent(
  tx: Tx,
  report: { id: string; round: number },
  action: OutcomeReportAction,
  by: OutcomesBy,
  extra: { comment?: string | null; figureComments?: Record<string, string>; figures?: FigureInput[] } = {},
) {
  const figures =
    extra.figures ??
    (await tx
      .select({ metric: outcomeFigures.metric, actual: outcomeFigures.actual, note: outcomeFigures.note })
      .from(outcomeFigures)
      .where(eq(outcomeFigures.reportId, report.id)))
  await tx.insert(outcomeReportEvents).values({
    reportId: report.id,
    round: report.round,
    action,
    personId: by.personId,
    comment: extra.comment ?? null,
    figureComments: extra.figureComments ?? {},
    figures,
  })
}

/**
 * Creates the organisation's report for a period, or saves over its draft or returned report.
 * @throws CONFLICT when that period's report is already submitted or verified
 */
export async function saveReportDraft(db: Db, draft: ReportDraft, by: OutcomesBy): Promise<string> {
  const period = checkPeriod(draft.period)
  return writeAs(db, by.actor, async (tx) => {
    const figures = await checkFigures(tx, draft.figures)
    const [existing] = await tx
      .select({ id: outcomeReports.id })
      .from(outcomeReports)
      .where(
        and(
          eq(outcomeReports.organizationId, draft.organizationId),
          eq(outcomeReports.periodStart, period.start),
          eq(outcomeReports.periodEnd, period.end),
        ),
      )
    const evidenceFileId =
      draft.evidenceFile === undefined
        ? undefined
        : draft.evidenceFile === null
          ? null
          : await storeFile(tx, { ...draft.evidenceFile, uploadedBy: by.personId })
    const fields = {
      note: draft.note,
      evidenceUrl: draft.evidenceUrl,
      ...(evidenceFileId !== undefined ? { evidenceFileId } : {}),
    }
    let reportId = existing?.id
    if (reportId) {
      await lockReport(tx, reportId, 'save')
      await tx.update(outcomeReports).set(fields).where(eq(outcomeReports.id, reportId))
    } else {
      const [created] = await tx
        .insert(outcomeReports)
        .values({
          organizationId: draft.organizationId,
          periodStart: period.start,
          periodEnd: period.end,
          periodKind: period.kind,
          designationId: period.designationId ?? null,
          createdBy: by.personId,
          ...fields,
        })
        .returning({ id: outcomeReports.id })
      reportId = created?.id ?? ''
    }
    await writeFigures(tx, reportId, figures)
    return reportId
  })
}

/** Sends a draft or returned report to staff: a new round, its figures kept as submitted. */
export async function submitReport(db: Db, reportId: string, by: OutcomesBy): Promise<void> {
  await writeAs(db, by.actor, async (tx) => {
    const report = await lockReport(tx, reportId, 'submit')
    const figures = await tx.select().from(outcomeFigures).where(eq(outcomeFigures.reportId, reportId))
    if (!figures.some((f) => f.actual !== null)) {
      throw refused(null, 'Give at least one figure before submitting the report.')
    }
    const round = report.round + 1
    await tx
      .update(outcomeReports)
      .set({ status: 'submitted', round, submittedAt: sql`hub_now()`, submittedBy: by.personId })
      .where(eq(outcomeReports.id, reportId))
    await recordEvent(tx, { id: reportId, round }, 'submitted', by)
  })
}

/** Staff send a submitted report back, with a comment on each figure to look at again. */
export async function returnReport(
  db: Db,
  reportId: string,
  input: { comment: string | null; figureComments: Record<string, string> },
  by: OutcomesBy,
): Promise<void> {
  mustBeStaff(by)
  const figureComments = Object.fromEntries(
    Object.entries(input.figureComments)
      .map(([metric, text]) => [metric, text.trim()])
      .filter(([, text]) => text),
  )
  if (!input.comment?.trim() && Object.keys(figureComments).length === 0) {
    throw refused('comment', 'Say what should change: a comment on the report or on at least one figure.')
  }
  await writeAs(db, by.actor, async (tx) => {
    const report = await lockReport(tx, reportId, 'return')
    await tx.update(outcomeReports).set({ status: 'returned' }).where(eq(outcomeReports.id, reportId))
    await recordEvent(tx, report, 'returned', by, { comment: input.comment?.trim() || null, figureComments })
  })
}

/** Staff verify a submitted report: from now on its figures count everywhere. */
export async function verifyReport(db: Db, reportId: string, by: OutcomesBy, comment?: string | null) {
  mustBeStaff(by)
  await writeAs(db, by.actor, async (tx) => {
    const report = await lockReport(tx, reportId, 'verify')
    await tx
      .update(outcomeReports)
      .set({ status: 'verified', verifiedAt: sql`hub_now()`, verifiedBy: by.personId })
      .where(eq(outcomeReports.id, reportId))
    await recordEvent(tx, report, 'verified', by, { comment: comment?.trim() || null })
  })
}

/** Staff correct a verified report's figures: a new recorded revision, with the reason. */
export async function correctReport(
  db: Db,
  reportId: string,
  input: { figures: FigureInput[]; reason: string },
  by: OutcomesBy,
): Promise<void> {
  mustBeStaff(by)
  const reason = input.reason.trim()
  if (!reason) throw refused('reason', 'Give the reason for the correction: it is kept with the revision.')
  await writeAs(db, by.actor, async (tx) => {
    const report = await lockReport(tx, reportId, 'correct')
    const figures = await writeFigures(tx, reportId, await checkFigures(tx, input.figures))
    await recordEvent(tx, report, 'corrected', by, { comment: reason, figures })
  })
}

function mustBeStaff(by: OutcomesBy) {
  if (!by.isStaff)
    throw new AppError('FORBIDDEN', { userMessage: 'Only staff verify, return or correct reports.' })
}
