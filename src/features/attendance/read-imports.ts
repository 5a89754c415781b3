/** An import as its page shows it, and the imports of a call as its attendance page lists them. */
import { asc, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { type ImportStatus, importParticipants, people, type ReportFormat } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { getStoredFile } from '#src/features/files/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { isUuid } from '#src/lib/ids.ts'
import { findCallById } from './import-calls.ts'
import { describeRows, reportDates, reportDateWarning, toIso } from './import-rows.ts'
import type { ImportCall, ImportListItem, ImportView } from './import-types.ts'
import { seatsOn } from './matching.ts'
import { parseAttendanceReport } from './parse/index.ts'

async function storedRows(db: DbOrTx, importIds: readonly string[]) {
  if (importIds.length === 0) return []
  return db
    .select({
      importId: importParticipants.importId,
      position: importParticipants.position,
      name: importParticipants.name,
      rawName: importParticipants.rawName,
      email: importParticipants.email,
      seconds: importParticipants.seconds,
      firstJoin: importParticipants.firstJoin,
      lastLeave: importParticipants.lastLeave,
      personId: importParticipants.personId,
      match: importParticipants.match,
    })
    .from(importParticipants)
    .where(inArray(importParticipants.importId, [...importIds]))
    .orderBy(asc(importParticipants.importId), asc(importParticipants.position))
}

type ImportRecord = {
  id: string
  call_id: string
  format: ReportFormat
  file_id: string
  file_name: string
  size: number
  sha256: string
  status: ImportStatus
  via: 'web' | 'cli'
  created_by: string | null
  created_at: string
  committed_by: string | null
  committed_at: string | null
  undone_by: string | null
  undone_at: string | null
}

async function importRecords(
  db: DbOrTx,
  where: { importId?: string; callId?: string },
): Promise<ImportRecord[]> {
  const condition = where.importId
    ? sql`i.id = ${where.importId}::uuid`
    : sql`i.call_id = ${where.callId as string}::uuid`
  const rows = await queryRows<ImportRecord>(
    db,
    sql`select i.id, i.call_id, i.format, i.file_id, f.name as file_name, f.size::int as size, i.sha256, i.status,
        i.via, cp.full_name as created_by, i.created_at, mp.full_name as committed_by, i.committed_at,
        up.full_name as undone_by, i.undone_at
      from attendance_imports i join stored_files f on f.id = i.file_id
        left join people cp on cp.id = i.created_by
        left join people mp on mp.id = i.committed_by
        left join people up on up.id = i.undone_by
      where ${condition} order by i.created_at desc, i.id`,
  )
  return rows.map((r) => ({
    ...r,
    created_at: toIso(r.created_at) as string,
    committed_at: toIso(r.committed_at),
    undone_at: toIso(r.undone_at),
  }))
}

async function personNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .select({ id: people.id, fullName: people.fullName })
    .from(people)
    .where(inArray(people.id, unique))
  return new Map(rows.map((r) => [r.id, r.fullName]))
}

/**
 * The dates a stored report states outside its rows. Only a unique-users Zoom report needs its
 * file read again (its rows have no times; one row a person keeps it small); the others' rows say.
 */
async function statedDates(db: DbOrTx, record: ImportRecord, call: ImportCall): Promise<string[]> {
  if (record.format !== 'zoom-unique') return []
  const file = await getStoredFile(db, record.file_id)
  if (!file) return []
  const report = await parseAttendanceReport(new Uint8Array(file.data), {
    callDate: call.localDate,
    timeZone: call.timeZone,
  })
  return report.statedDates
}

export async function getImport(db: DbOrTx, importId: string): Promise<ImportView | undefined> {
  if (!isUuid(importId)) return undefined
  const [record] = await importRecords(db, { importId })
  if (!record) return undefined
  const call = (await findCallById(db, record.call_id)) as ImportCall
  const rows = (await storedRows(db, [record.id])).map(({ importId: _, ...row }) => ({
    ...row,
    firstJoin: toIso(row.firstJoin),
    lastLeave: toIso(row.lastLeave),
  }))
  const { minimumAttendanceMinutes } = await getSettings(db)
  const names = await personNames(
    db,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  )
  const seats = await seatsOn(db, call.localDate)
  return {
    id: record.id,
    call,
    format: record.format,
    fileId: record.file_id,
    fileName: record.file_name,
    size: record.size,
    sha256: record.sha256,
    status: record.status,
    via: record.via,
    createdBy: record.created_by,
    createdAt: record.created_at,
    committedBy: record.committed_by,
    committedAt: record.committed_at,
    undoneBy: record.undone_by,
    undoneAt: record.undone_at,
    minimumMinutes: minimumAttendanceMinutes,
    dateWarning: reportDateWarning(
      reportDates(record.format, rows, await statedDates(db, record, call)),
      call.localDate,
    ),
    ...describeRows(rows, { names, seats, minimumMinutes: minimumAttendanceMinutes }),
  }
}

export async function listImports(db: DbOrTx, callId: string): Promise<ImportListItem[]> {
  if (!isUuid(callId)) return []
  const call = await findCallById(db, callId)
  if (!call) return []
  const records = await importRecords(db, { callId })
  const rows = await storedRows(
    db,
    records.map((r) => r.id),
  )
  const { minimumAttendanceMinutes } = await getSettings(db)
  const names = await personNames(
    db,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  )
  const seats = await seatsOn(db, call.localDate)
  return records.map((record) => ({
    id: record.id,
    format: record.format,
    fileName: record.file_name,
    status: record.status,
    via: record.via,
    createdBy: record.created_by,
    createdAt: record.created_at,
    committedAt: record.committed_at,
    undoneAt: record.undone_at,
    summary: describeRows(
      rows.filter((r) => r.importId === record.id),
      { names, seats, minimumMinutes: minimumAttendanceMinutes },
    ).summary,
  }))
}
