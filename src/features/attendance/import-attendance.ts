/** What changes to an import share: its lock, and the attendance rows a committed import gives. */
import { and, eq, inArray } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import { attendance, attendanceImports, importParticipants, type ReportFormat } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { CHUNK, sourceOf, toIso } from './import-rows.ts'
import { mergePresence } from './presence.ts'

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'There is no such attendance import.' })

/** The import, locked until the transaction ends: one change to an import at a time. */
export async function lockImport(tx: Tx, importId: string) {
  if (!isUuid(importId)) throw notFound()
  const [row] = await tx
    .select({
      id: attendanceImports.id,
      callId: attendanceImports.callId,
      format: attendanceImports.format,
      sha256: attendanceImports.sha256,
      status: attendanceImports.status,
      fileId: attendanceImports.fileId,
    })
    .from(attendanceImports)
    .where(eq(attendanceImports.id, importId))
    .for('update')
  if (!row) throw notFound()
  return row
}

/** Rewrites the attendance rows a committed import gives `personIds` (one row a person, rejoins merged). */
export async function writeImportAttendance(
  tx: Tx,
  record: { id: string; callId: string; format: ReportFormat },
  personIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(personIds)]
  if (ids.length === 0) return
  await tx
    .delete(attendance)
    .where(and(eq(attendance.importId, record.id), inArray(attendance.personId, ids)))
  const rows = await tx
    .select({
      personId: importParticipants.personId,
      seconds: importParticipants.seconds,
      firstJoin: importParticipants.firstJoin,
      lastLeave: importParticipants.lastLeave,
    })
    .from(importParticipants)
    .where(and(eq(importParticipants.importId, record.id), inArray(importParticipants.personId, ids)))
  const byPerson = new Map<string, typeof rows>()
  for (const row of rows) {
    const list = byPerson.get(row.personId as string) ?? []
    list.push(row)
    byPerson.set(row.personId as string, list)
  }
  const values = [...byPerson].map(([personId, list]) => {
    const presence = mergePresence(
      list.map((r) => ({ seconds: r.seconds, firstJoin: toIso(r.firstJoin), lastLeave: toIso(r.lastLeave) })),
    )
    return {
      callId: record.callId,
      personId,
      importId: record.id,
      source: sourceOf[record.format],
      seconds: presence.seconds,
      firstJoin: presence.firstJoin,
      lastLeave: presence.lastLeave,
    }
  })
  for (let start = 0; start < values.length; start += CHUNK) {
    await tx.insert(attendance).values(values.slice(start, start + CHUNK))
  }
}
