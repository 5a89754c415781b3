/** Undoing a committed import, and discarding a preview. */
import { eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { attendance, attendanceImports, storedFiles } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { lockImport } from './import-attendance.ts'
import type { ImportBy } from './import-types.ts'

/** Only a committed import can be undone (a report's or a past-attendance sheet's): says why not. */
export function mustBeCommitted(status: 'preview' | 'committed' | 'undone'): void {
  if (status !== 'committed')
    throw new AppError('CONFLICT', {
      userMessage:
        status === 'undone'
          ? 'This import was already undone.'
          : 'This import was never committed: discard it instead.',
    })
}

/** Undoes a committed import as a whole: its attendance is removed, the record and file stay. */
export async function undoImport(db: Db, input: { importId: string; by: ImportBy }): Promise<void> {
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lockImport(tx, input.importId)
    mustBeCommitted(record.status)
    await tx.delete(attendance).where(eq(attendance.importId, record.id))
    await tx
      .update(attendanceImports)
      .set({ status: 'undone', undoneAt: sql`hub_now()`, undoneBy: input.by.personId })
      .where(eq(attendanceImports.id, record.id))
  })
}

/** Drops a preview that was never committed, with its stored file. */
export async function discardImport(db: Db, input: { importId: string; by: ImportBy }): Promise<void> {
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lockImport(tx, input.importId)
    if (record.status !== 'preview')
      throw new AppError('CONFLICT', {
        userMessage:
          record.status === 'committed'
            ? 'This import is committed: undo it instead.'
            : 'This import was undone; its record is kept.',
      })
    await tx.delete(attendanceImports).where(eq(attendanceImports.id, record.id))
    await tx.delete(storedFiles).where(eq(storedFiles.id, record.fileId))
  })
}
