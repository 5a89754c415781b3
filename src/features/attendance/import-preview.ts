/** A report read for a call: as a dry run, or stored as a preview with its source file. */
import { and, eq } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { attendanceImports, importParticipants } from '#src/db/schema/index.ts'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import { storeFile } from '#src/features/files/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import {
  CHUNK,
  describeRows,
  readAndMatch,
  reportDates,
  reportDateWarning,
  reportFileName,
  sha256Hex,
} from './import-rows.ts'
import type { ImportBy, ImportCall, ImportView, StartedImport } from './import-types.ts'
import { seatsOn } from './matching.ts'

/**
 * Parses and matches a report without writing anything (the `--dry-run` of the command line).
 * Throws AppError('BAD_INPUT') (from ./parse) when the file is not a report it knows.
 */
export async function dryRunImport(
  db: DbOrTx,
  input: {
    call: ImportCall
    fileName: string
    bytes: Uint8Array
    onProgress?: (done: number, total: number) => void
  },
): Promise<Omit<ImportView, 'id' | 'fileId' | 'createdAt' | 'createdBy' | 'via'>> {
  const { format, rows, directory, statedDates } = await readAndMatch(db, input)
  const { minimumAttendanceMinutes } = await getSettings(db)
  const seats = await seatsOn(db, input.call.localDate)
  const described = describeRows(rows, {
    names: directory.names,
    seats,
    minimumMinutes: minimumAttendanceMinutes,
  })
  return {
    call: input.call,
    format,
    fileName: reportFileName(input.fileName),
    size: input.bytes.byteLength,
    sha256: sha256Hex(input.bytes),
    status: 'preview',
    committedBy: null,
    committedAt: null,
    undoneBy: null,
    undoneAt: null,
    minimumMinutes: minimumAttendanceMinutes,
    dateWarning: reportDateWarning(reportDates(format, rows, statedDates), input.call.localDate),
    ...described,
  }
}

/** The committed import of this file (by its SHA-256) for the call, if there is one. */
export async function findCommittedImport(db: DbOrTx, callId: string, sha256: string) {
  const [row] = await db
    .select({ id: attendanceImports.id, committedAt: attendanceImports.committedAt })
    .from(attendanceImports)
    .where(
      and(
        eq(attendanceImports.callId, callId),
        eq(attendanceImports.sha256, sha256),
        eq(attendanceImports.status, 'committed'),
      ),
    )
  return row
}

/** Parses, matches and stores a preview with its source file; 'unchanged' when this file is already committed for the call. */
export async function startImport(
  db: Db,
  input: {
    call: ImportCall
    fileName: string
    bytes: Uint8Array
    via: 'web' | 'cli'
    by: ImportBy
    onProgress?: (done: number, total: number) => void
  },
): Promise<StartedImport> {
  const refusal = attendanceRefusal(input.call, { by: 'report', today: null })
  if (refusal) throw new AppError('CONFLICT', { userMessage: refusal })
  const sha256 = sha256Hex(input.bytes)
  const committed = await findCommittedImport(db, input.call.id, sha256)
  if (committed)
    return { kind: 'unchanged', importId: committed.id, committedAt: committed.committedAt as string }
  // The same file already waiting as a preview for this call: that preview is the answer.
  const [pending] = await db
    .select({ id: attendanceImports.id })
    .from(attendanceImports)
    .where(
      and(
        eq(attendanceImports.callId, input.call.id),
        eq(attendanceImports.sha256, sha256),
        eq(attendanceImports.status, 'preview'),
      ),
    )
  if (pending) return { kind: 'preview', importId: pending.id }

  const { format, rows } = await readAndMatch(db, input)
  const importId = await writeAs(db, input.by.actor, async (tx) => {
    const fileId = await storeFile(tx, {
      name: reportFileName(input.fileName),
      contentType: 'text/csv',
      sha256,
      bytes: input.bytes,
      uploadedBy: input.by.personId,
    })
    const [created] = await tx
      .insert(attendanceImports)
      .values({
        callId: input.call.id,
        format,
        fileId,
        sha256,
        via: input.via,
        createdBy: input.by.personId,
      })
      .returning({ id: attendanceImports.id })
    const id = (created as { id: string }).id
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx.insert(importParticipants).values(
        rows.slice(start, start + CHUNK).map((row) => ({
          importId: id,
          position: row.position,
          name: row.name,
          rawName: row.rawName,
          email: row.email,
          seconds: row.seconds,
          firstJoin: row.firstJoin,
          lastLeave: row.lastLeave,
          personId: row.personId,
          match: row.match,
        })),
      )
    }
    return id
  })
  return { kind: 'preview', importId }
}
