import { and, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { attendanceImports, calls, importParticipants, storedFiles } from '#src/db/schema/index.ts'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { lockImport, writeImportAttendance } from './import-attendance.ts'
import { findCommittedImport } from './import-preview.ts'
import type { ImportBy } from './import-types.ts'

/** Commits a preview in one transaction: 'unchanged' when the same file was committed for this call meanwhile. */
export async function commitImport(
  db: Db,
  input: { importId: string; by: ImportBy },
): Promise<'committed' | 'unchanged'> {
  return writeAs(db, input.by.actor, async (tx) => {
    const record = await lockImport(tx, input.importId)
    if (record.status === 'committed') return 'unchanged'
    if (record.status === 'undone')
      throw new AppError('CONFLICT', {
        userMessage: 'This import was undone. To record this report again, upload it again.',
      })
    const [call] = await tx
      .select({ localDate: calls.localDate, status: calls.status })
      .from(calls)
      .where(eq(calls.id, record.callId))
      .for('update')
    const refusal = call ? attendanceRefusal(call, { by: 'report', today: null }) : null
    if (refusal) throw new AppError('CONFLICT', { userMessage: refusal })
    if (await findCommittedImport(tx, record.callId, record.sha256)) {
      await tx.delete(attendanceImports).where(eq(attendanceImports.id, record.id))
      await tx.delete(storedFiles).where(eq(storedFiles.id, record.fileId))
      return 'unchanged'
    }
    await tx
      .update(attendanceImports)
      .set({ status: 'committed', committedAt: sql`hub_now()`, committedBy: input.by.personId })
      .where(eq(attendanceImports.id, record.id))
    const matched = await tx
      .selectDistinct({ personId: importParticipants.personId })
      .from(importParticipants)
      .where(and(eq(importParticipants.importId, record.id), sql`${importParticipants.personId} is not null`))
    await writeImportAttendance(
      tx,
      record,
      matched.map((m) => m.personId as string),
    )
    return 'committed'
  })
}
