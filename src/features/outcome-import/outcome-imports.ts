/**
 * An outcome sheet's life: read and stored as a preview for a year (no report written), committed
 * in one transaction as one verified report per organisation (the same file, by SHA-256, once),
 * undone as a whole (its reports removed), or a preview discarded.
 */
import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import {
  outcomeImports as imports,
  outcomeFigures,
  outcomeReportEvents,
  outcomeReports,
  storedFiles,
} from '#src/db/schema/index.ts'
import { mustBeCommitted } from '#src/features/attendance/index.ts'
import { displayName, storeFile } from '#src/features/files/index.ts'
import { checkFigures, checkPeriod, type OutcomePeriod } from '#src/features/outcomes/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { plural } from '#src/ui/format.ts'
import { alreadyImported } from '#src/ui/import-status.tsx'
import { type OutcomePlan, planOutcomes } from './plan.ts'
import { findCommitted } from './records.ts'

/** Who acts: their people.id (null from the command line) and the audit actor. */
export type OutcomeImportBy = { personId: string | null; actor: Actor }

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Stores a readable file as the preview of a year's figures (or finds the preview or the committed
 * import of the same file). A file that cannot be read is refused whole (AppError BAD_INPUT).
 */
export async function startOutcomeImport(
  db: Db,
  input: {
    fileName: string
    bytes: Uint8Array
    period: OutcomePeriod
    via: 'web' | 'cli'
    by: OutcomeImportBy
  },
): Promise<{ importId: string; status: 'preview' | 'committed'; plan: OutcomePlan }> {
  const period = checkPeriod(input.period)
  const plan = await planOutcomes(db, { bytes: input.bytes, period })
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const committed = await findCommitted(db, sha256)
  if (committed) return { importId: committed.id, status: 'committed', plan }
  const importId = await writeAs(db, input.by.actor, async (tx) => {
    const [pending] = await tx
      .select({ id: imports.id })
      .from(imports)
      .where(and(eq(imports.sha256, sha256), eq(imports.status, 'preview')))
    const values = { periodStart: period.start, periodEnd: period.end, rowCount: plan.rows }
    if (pending) {
      // The same file uploaded again, perhaps for another year: its preview now shows that year.
      await tx.update(imports).set(values).where(eq(imports.id, pending.id))
      return pending.id
    }
    const fileId = await storeFile(tx, {
      name: displayName(input.fileName) || `outcomes.${plan.kind}`,
      contentType: plan.kind === 'xlsx' ? XLSX_TYPE : 'text/csv',
      sha256,
      bytes: input.bytes,
      uploadedBy: input.by.personId,
    })
    const [created] = await tx
      .insert(imports)
      .values({ fileId, sha256, via: input.via, createdBy: input.by.personId, ...values })
      .returning({ id: imports.id })
    return (created as { id: string }).id
  })
  return { importId, status: 'preview', plan }
}

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'There is no such outcome import.' })
const conflict = (userMessage: string) => new AppError('CONFLICT', { userMessage })

async function lock(tx: Tx, importId: string) {
  if (!isUuid(importId)) throw notFound()
  const [row] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update')
  if (!row) throw notFound()
  return row
}

/** The period an import was previewed for. */
export const importPeriod = (row: { periodStart: string; periodEnd: string }): OutcomePeriod => ({
  start: row.periodStart,
  end: row.periodEnd,
  kind: 'year',
})

/** True when a write failed on a rule that a concurrent write came first (the file once, a report per period). */
const lostRace = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if ((e as { code?: unknown }).code === '23505') return true
  return false
}

/**
 * Writes one verified report per organisation in one transaction, after checking the file again
 * against the records as they are now. Refused while any row has a problem, and when this file was
 * already committed (the message says when and by whom).
 */
export async function commitOutcomeImport(
  db: Db,
  input: { importId: string; by: OutcomeImportBy; timeZone: string },
): Promise<{ reports: number }> {
  try {
    return await writeCommit(db, input)
  } catch (error) {
    if (!lostRace(error)) throw error
    const [row] = await db
      .select({ sha256: imports.sha256 })
      .from(imports)
      .where(eq(imports.id, input.importId))
    const committed = row ? await findCommitted(db, row.sha256) : undefined
    throw conflict(
      committed
        ? alreadyImported(committed, input.timeZone)
        : 'A report for this year was written meanwhile: upload the file again to see it checked. Nothing was written.',
    )
  }
}

function writeCommit(
  db: Db,
  input: { importId: string; by: OutcomeImportBy; timeZone: string },
): Promise<{ reports: number }> {
  return writeAs(db, input.by.actor, async (tx) => {
    const record = await lock(tx, input.importId)
    const committed = await findCommitted(tx, record.sha256)
    if (committed) throw conflict(alreadyImported(committed, input.timeZone))
    if (record.status === 'undone')
      throw conflict('This import was undone. To import the file again, upload it again.')
    const [file] = await tx
      .select({ name: storedFiles.name, data: storedFiles.data })
      .from(storedFiles)
      .where(eq(storedFiles.id, record.fileId))
    if (!file) throw notFound()
    const period = importPeriod(record)
    const plan = await planOutcomes(tx, { bytes: new Uint8Array(file.data), period })
    if (plan.problems.length > 0) {
      const rows = [...new Set(plan.problems.map((p) => p.row))]
      throw conflict(
        `${plural(rows.length, `Row ${rows[0]} has a problem`, `${rows.length} rows have problems (rows ${rows.slice(0, 10).join(', ')}${rows.length > 10 ? ', …' : ''})`)}: correct the file and upload it again. Nothing was written.`,
      )
    }
    if (plan.reports.length === 0) throw conflict('The file gives no figures: nothing to import.')
    await tx
      .update(imports)
      .set({ status: 'committed', committedAt: sql`hub_now()`, committedBy: input.by.personId })
      .where(eq(imports.id, record.id))
    for (const planned of plan.reports) {
      const figures = (await checkFigures(tx, planned.figures)).filter((f) => f.actual !== null || f.note)
      const [report] = await tx
        .insert(outcomeReports)
        .values({
          organizationId: planned.organizationId,
          periodStart: period.start,
          periodEnd: period.end,
          periodKind: 'year',
          status: 'verified',
          source: `Imported from ${file.name}`,
          round: 1,
          createdBy: input.by.personId,
          verifiedAt: sql`hub_now()`,
          verifiedBy: input.by.personId,
          importId: record.id,
        })
        .returning({ id: outcomeReports.id })
      const reportId = (report as { id: string }).id
      await tx.insert(outcomeFigures).values(figures.map((f) => ({ reportId, ...f })))
      await tx.insert(outcomeReportEvents).values({
        reportId,
        round: 1,
        action: 'verified',
        personId: input.by.personId,
        comment: `Imported from ${file.name}`,
        figures,
      })
    }
    return { reports: plan.reports.length }
  })
}

/** Removes exactly the reports this import wrote (their figures and rounds with them). */
export async function undoOutcomeImport(
  db: Db,
  input: { importId: string; by: OutcomeImportBy },
): Promise<number> {
  return writeAs(db, input.by.actor, async (tx) => {
    const record = await lock(tx, input.importId)
    mustBeCommitted(record.status)
    const removed = await tx
      .delete(outcomeReports)
      .where(eq(outcomeReports.importId, record.id))
      .returning({ id: outcomeReports.id })
    await tx
      .update(imports)
      .set({ status: 'undone', undoneAt: sql`hub_now()`, undoneBy: input.by.personId })
      .where(eq(imports.id, record.id))
    return removed.length
  })
}

/** Drops a preview that was never committed, with its stored file. */
export async function discardOutcomeImport(
  db: Db,
  input: { importId: string; by: OutcomeImportBy },
): Promise<void> {
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lock(tx, input.importId)
    if (record.status !== 'preview')
      throw conflict('Only a preview can be discarded; undo a committed import instead.')
    await tx.delete(imports).where(eq(imports.id, record.id))
    await tx.delete(storedFiles).where(eq(storedFiles.id, record.fileId))
  })
}
