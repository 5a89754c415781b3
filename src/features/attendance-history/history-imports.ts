/**
 * A history spreadsheet's life: read and stored as a preview (nothing in attendance), committed
 * in one transaction (the same file, by SHA-256, once), undone as a whole, or a preview discarded.
 */
import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import { attendance, attendanceHistoryImports as imports, storedFiles } from '#src/db/schema/index.ts'
import { mustBeCommitted } from '#src/features/attendance/index.ts'
import { displayName, storeFile } from '#src/features/files/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { plural } from '#src/ui/format.ts'
import { alreadyImported } from '#src/ui/import-status.tsx'
import { readHistorySheet } from './history-sheet.ts'
import { type HistoryPlan, planHistory } from './plan.ts'
import { findCommitted } from './records.ts'

/** Who acts: their people.id (null from the command line) and the audit actor. */
export type HistoryBy = { personId: string | null; actor: Actor }

const CHUNK = 1000
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Reads a file and checks its rows: the plan, without storing anything. */
export async function previewHistoryFile(
  db: DbOrTx,
  input: { fileName: string; bytes: Uint8Array; today: string },
) {
  const sheet = await readHistorySheet(input.bytes)
  return { kind: sheet.kind, plan: await planHistory(db, { rows: sheet.rows, today: input.today }) }
}

/**
 * Stores a readable file as a preview (or finds the preview or the committed import of the same
 * file). A file that cannot be read is refused whole (AppError BAD_INPUT) and nothing is stored.
 */
export async function startHistoryImport(
  db: Db,
  input: { fileName: string; bytes: Uint8Array; via: 'web' | 'cli'; by: HistoryBy; today: string },
): Promise<{ importId: string; status: 'preview' | 'committed'; plan: HistoryPlan }> {
  const { kind, plan } = await previewHistoryFile(db, input)
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const committed = await findCommitted(db, sha256)
  if (committed) return { importId: committed.id, status: 'committed', plan }
  const [pending] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(and(eq(imports.sha256, sha256), eq(imports.status, 'preview')))
  if (pending) return { importId: pending.id, status: 'preview', plan }
  const importId = await writeAs(db, input.by.actor, async (tx) => {
    const fileId = await storeFile(tx, {
      name: displayName(input.fileName) || `attendance-history.${kind}`,
      contentType: kind === 'xlsx' ? XLSX_TYPE : 'text/csv',
      sha256,
      bytes: input.bytes,
      uploadedBy: input.by.personId,
    })
    const [created] = await tx
      .insert(imports)
      .values({
        fileId,
        sha256,
        via: input.via,
        rowCount: plan.rows,
        createdBy: input.by.personId,
      })
      .returning({ id: imports.id })
    return (created as { id: string }).id
  })
  return { importId, status: 'preview', plan }
}

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'There is no such history import.' })

async function lock(tx: Tx, importId: string) {
  if (!isUuid(importId)) throw notFound()
  const [row] = await tx.select().from(imports).where(eq(imports.id, importId)).for('update')
  if (!row) throw notFound()
  return row
}

/**
 * Writes the preview's rows as attendance in one transaction, after checking them again
 * against the records as they are now. Refused while any row has a problem, and when this
 * file was already committed (the message says when and by whom).
 */
export async function commitHistoryImport(
  db: Db,
  input: { importId: string; by: HistoryBy; today: string; timeZone: string },
): Promise<{ written: number; alreadyPresent: number }> {
  try {
    return await writeCommit(db, input)
  } catch (error) {
    if (!isCommittedTwice(error)) throw error
    // Another commit of the same file won the race: say which.
    const [row] = await db
      .select({ sha256: imports.sha256 })
      .from(imports)
      .where(eq(imports.id, input.importId))
    const committed = row ? await findCommitted(db, row.sha256) : undefined
    throw new AppError('CONFLICT', {
      userMessage: committed
        ? alreadyImported(committed, input.timeZone)
        : 'This file was imported meanwhile.',
    })
  }
}

/** True when a commit failed on the rule that a file is committed once (a concurrent commit came first). */
const isCommittedTwice = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (
      (e as { code?: unknown }).code === '23505' &&
      /attendance_history_imports_committed_once/.test(
        `${e.message} ${(e as { constraint?: unknown }).constraint ?? ''}`,
      )
    )
      return true
  return false
}

function writeCommit(
  db: Db,
  input: { importId: string; by: HistoryBy; today: string; timeZone: string },
): Promise<{ written: number; alreadyPresent: number }> {
  return writeAs(db, input.by.actor, async (tx) => {
    const record = await lock(tx, input.importId)
    const committed = await findCommitted(tx, record.sha256)
    if (committed) throw new AppError('CONFLICT', { userMessage: alreadyImported(committed, input.timeZone) })
    if (record.status === 'undone')
      throw new AppError('CONFLICT', {
        userMessage: 'This import was undone. To record the file again, upload it again.',
      })
    const [file] = await tx
      .select({ name: storedFiles.name, data: storedFiles.data })
      .from(storedFiles)
      .where(eq(storedFiles.id, record.fileId))
    if (!file) throw notFound()
    const sheet = await readHistorySheet(new Uint8Array(file.data))
    const plan = await planHistory(tx, { rows: sheet.rows, today: input.today })
    if (plan.problems.length > 0)
      throw new AppError('CONFLICT', {
        userMessage: `${plan.problems.length} ${plural(plan.problems.length, 'row has a problem', 'rows have problems')}: correct the file and upload it again. Nothing was written.`,
      })
    await tx
      .update(imports)
      .set({ status: 'committed', committedAt: sql`hub_now()`, committedBy: input.by.personId })
      .where(eq(imports.id, record.id))
    let written = 0
    for (let start = 0; start < plan.writes.length; start += CHUNK) {
      const inserted = await tx
        .insert(attendance)
        .values(
          plan.writes.slice(start, start + CHUNK).map((w) => ({
            callId: w.callId,
            personId: w.personId,
            seconds: w.seconds,
            source: 'history' as const,
            historyImportId: record.id,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: attendance.id })
      written += inserted.length
    }
    return { written, alreadyPresent: plan.alreadyPresent + plan.writes.length - written }
  })
}

/** Removes exactly the rows this import wrote, and records who undid it and when. */
export async function undoHistoryImport(db: Db, input: { importId: string; by: HistoryBy }): Promise<number> {
  return writeAs(db, input.by.actor, async (tx) => {
    const record = await lock(tx, input.importId)
    mustBeCommitted(record.status)
    const removed = await tx
      .delete(attendance)
      .where(eq(attendance.historyImportId, record.id))
      .returning({ id: attendance.id })
    await tx
      .update(imports)
      .set({ status: 'undone', undoneAt: sql`hub_now()`, undoneBy: input.by.personId })
      .where(eq(imports.id, record.id))
    return removed.length
  })
}

/** Drops a preview that was never committed, with its stored file. */
export async function discardHistoryImport(
  db: Db,
  input: { importId: string; by: HistoryBy },
): Promise<void> {
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lock(tx, input.importId)
    if (record.status !== 'preview')
      throw new AppError('CONFLICT', {
        userMessage: 'Only a preview can be discarded; undo a committed import instead.',
      })
    await tx.delete(imports).where(eq(imports.id, record.id))
    await tx.delete(storedFiles).where(eq(storedFiles.id, record.fileId))
  })
}
