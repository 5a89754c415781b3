/**
 * Attendance imports: a Zoom, Teams or Meet report for one call is parsed, matched to
 * people, previewed, then committed in one transaction; it can be undone as a whole.
 * The same file for the same call is committed once; a second report merges.
 */
import { createHash } from 'node:crypto'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import {
  type AttendanceSource,
  attendance,
  attendanceAliases,
  attendanceImports,
  calls,
  type ImportStatus,
  importParticipants,
  type MatchMethod,
  people,
  type ReportFormat,
  storedFiles,
} from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import { displayName } from '#src/features/files/index.ts'
import { seatLabels } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatDate } from '#src/ui/format.ts'
import { type Directory, type HeldSeat, loadDirectory, matchParticipant, seatsOn } from './matching.ts'
import { parseAttendanceReport } from './parse/index.ts'
import { foldName } from './parse/names.ts'
import { mergePresence, reachesMinimum } from './presence.ts'
import { checkReportSize } from './report-size.ts'

/** The call an import is for, as the pages show it. */
export type ImportCall = {
  id: string
  localDate: string
  startTime: string
  timeZone: string
  startsAt: string
  durationMinutes: number
  status: 'scheduled' | 'cancelled'
}

export type { HeldSeat } from './matching.ts'

/** One participant of a report, matched or not, and whether it counts for an organisation. */
export type ImportRow = {
  position: number
  name: string
  rawName: string
  email: string | null
  seconds: number
  firstJoin: string | null
  lastLeave: string | null
  personId: string | null
  personName: string | null
  /** How the person was found; null: unmatched (on the review list). */
  match: MatchMethod | null
  /** The seats the person held on the call's date (usually none or one). */
  seats: HeldSeat[]
  /** Counts for an organisation: a seat holder of the day at or above the minimum minutes. */
  counts: boolean
  /** Why it does not count, in words ('Not matched to anyone yet', 'Guest', 'Below the 10-minute minimum'…); null when it counts. */
  reason: string | null
}

export type ImportSummary = {
  participants: number
  matched: number
  unmatched: number
  guests: number
  /** Rows that count for an organisation. */
  counting: number
  /** Distinct organisations that these rows count for. */
  organizations: number
}

export type ImportView = {
  id: string
  call: ImportCall
  format: ReportFormat
  fileId: string
  fileName: string
  size: number
  sha256: string
  status: ImportStatus
  via: 'web' | 'cli'
  createdBy: string | null
  createdAt: string
  committedBy: string | null
  committedAt: string | null
  undoneBy: string | null
  undoneAt: string | null
  minimumMinutes: number
  rows: ImportRow[]
  summary: ImportSummary
  /** Set when the report's times are all on another day than the call's: perhaps the wrong report. */
  dateWarning: string | null
}

/** What starting an import did: a new preview, or nothing because this file is already committed for this call. */
export type StartedImport =
  | { kind: 'preview'; importId: string }
  | { kind: 'unchanged'; importId: string; committedAt: string }

export type ImportListItem = Pick<
  ImportView,
  | 'id'
  | 'format'
  | 'fileName'
  | 'status'
  | 'via'
  | 'createdBy'
  | 'createdAt'
  | 'committedAt'
  | 'undoneAt'
  | 'summary'
>

/** The person doing the work: their people.id (null from the command line) and the audit actor. */
export type ImportBy = { personId: string | null; actor: Actor }

const callColumns = {
  id: calls.id,
  localDate: calls.localDate,
  startTime: calls.startTime,
  timeZone: calls.timeZone,
  startsAt: calls.startsAt,
  durationMinutes: calls.durationMinutes,
  status: calls.status,
}

export async function findCallByDate(db: DbOrTx, localDate: string): Promise<ImportCall | undefined> {
  const [call] = await db.select(callColumns).from(calls).where(eq(calls.localDate, localDate))
  return call
}

export async function findCallById(db: DbOrTx, id: string): Promise<ImportCall | undefined> {
  if (!isUuid(id)) return undefined
  const [call] = await db.select(callColumns).from(calls).where(eq(calls.id, id))
  return call
}

/** The attendance source a report format is recorded as. */
const sourceOf: Record<ReportFormat, AttendanceSource> = {
  zoom: 'zoom',
  'zoom-unique': 'zoom',
  teams: 'teams',
  meet: 'meet',
}

/** How many rows are matched, stored or reported at a time (progress is reported between chunks). */
const CHUNK = 500

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** A name as stored and offered for download: no path, no invisible characters, at most 150 characters. */
function reportFileName(original: string): string {
  const name = displayName(original)
    .replace(/[<>:"|?*]/g, '_')
    .slice(0, 150)
  return name || 'attendance-report.csv'
}

type StoredRow = Omit<ImportRow, 'personName' | 'seats' | 'counts' | 'reason'>

/**
 * A warning when every time the report gives falls on another date than the call's (times carry
 * the call's offset, so their first ten characters are the call's local date); null otherwise.
 */
export function reportDateWarning(
  rows: readonly Pick<ImportRow, 'firstJoin'>[],
  callDate: string,
): string | null {
  const dates = new Set(rows.flatMap((r) => (r.firstJoin ? [r.firstJoin.slice(0, 10)] : [])))
  if (dates.size === 0 || dates.has(callDate)) return null
  const shown = [...dates].sort().slice(0, 3).map(formatDate).join('; ')
  return `The times in this report are on ${shown}, not on the call’s date (${formatDate(callDate)}). Check that it is the report of this call before committing.`
}

/** Adds the person's name, their seats of the day, and whether the row counts (and why not). */
function describeRows(
  rows: readonly StoredRow[],
  context: { names: Map<string, string>; seats: Map<string, HeldSeat[]>; minimumMinutes: number },
): { rows: ImportRow[]; summary: ImportSummary } {
  const described = rows.map((row): ImportRow => {
    const seats = row.personId ? (context.seats.get(row.personId) ?? []) : []
    let reason: string | null = null
    if (row.match === null) reason = 'Not matched to anyone yet'
    else if (row.match === 'guest') reason = 'Guest'
    else if (seats.length === 0) reason = 'Holds no seat on the call’s date'
    else if (!reachesMinimum(row, context.minimumMinutes))
      reason = `Below the ${context.minimumMinutes}-minute minimum`
    return {
      ...row,
      personName: row.personId ? (context.names.get(row.personId) ?? null) : null,
      seats,
      counts: reason === null,
      reason,
    }
  })
  const organizations = new Set(
    described.filter((r) => r.counts).flatMap((r) => r.seats.map((s) => s.organizationId)),
  )
  return {
    rows: described,
    summary: {
      participants: described.length,
      matched: described.filter((r) => r.personId !== null).length,
      unmatched: described.filter((r) => r.match === null).length,
      guests: described.filter((r) => r.match === 'guest').length,
      counting: described.filter((r) => r.counts).length,
      organizations: organizations.size,
    },
  }
}

/** Parses a report for a call and matches its participants, reporting progress by chunks. */
async function readAndMatch(
  db: DbOrTx,
  input: { call: ImportCall; bytes: Uint8Array; onProgress?: (done: number, total: number) => void },
): Promise<{ format: ReportFormat; rows: StoredRow[]; directory: Directory }> {
  checkReportSize(input.bytes.byteLength)
  const report = await parseAttendanceReport(input.bytes, {
    callDate: input.call.localDate,
    timeZone: input.call.timeZone,
  })
  const directory = await loadDirectory(db)
  const total = report.participants.length
  input.onProgress?.(0, total)
  const rows: StoredRow[] = []
  for (let start = 0; start < total; start += CHUNK) {
    for (const [offset, participant] of report.participants.slice(start, start + CHUNK).entries()) {
      rows.push({ position: start + offset + 1, ...participant, ...matchParticipant(directory, participant) })
    }
    input.onProgress?.(Math.min(start + CHUNK, total), total)
  }
  return { format: report.format, rows, directory }
}

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
  const { format, rows, directory } = await readAndMatch(db, input)
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
    dateWarning: reportDateWarning(rows, input.call.localDate),
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
    const data = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
    const [file] = await tx
      .insert(storedFiles)
      .values({
        name: reportFileName(input.fileName),
        contentType: 'text/csv',
        size: data.length,
        sha256,
        data,
        uploadedBy: input.by.personId,
      })
      .returning({ id: storedFiles.id })
    const [created] = await tx
      .insert(attendanceImports)
      .values({
        callId: input.call.id,
        format,
        fileId: (file as { id: string }).id,
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

const toIso = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString()

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
    dateWarning: reportDateWarning(rows, call.localDate),
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

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'There is no such attendance import.' })

async function lockImport(tx: Tx, importId: string) {
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
async function writeImportAttendance(
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

/**
 * Staff match one participant by hand: to a person (the name, and the email if any, are
 * remembered as aliases for later imports) or as a guest. Other unmatched rows of the same
 * import with the same name or email are matched too. On a committed import the call's
 * attendance changes in the same transaction.
 */
export async function resolveParticipant(
  db: Db,
  input: { importId: string; position: number; personId: string | 'guest'; by: ImportBy },
): Promise<void> {
  const personId = input.personId === 'guest' ? null : input.personId
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lockImport(tx, input.importId)
    if (record.status === 'undone')
      throw new AppError('CONFLICT', { userMessage: 'This import was undone: it can no longer be changed.' })
    if (personId !== null) {
      if (!isUuid(personId))
        throw new AppError('BAD_INPUT', { userMessage: 'Choose a person from the list.' })
      const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId))
      if (!person) throw new AppError('BAD_INPUT', { userMessage: 'Choose a person from the list.' })
    }
    const rows = await tx
      .select({
        id: importParticipants.id,
        position: importParticipants.position,
        name: importParticipants.name,
        email: importParticipants.email,
        personId: importParticipants.personId,
        match: importParticipants.match,
      })
      .from(importParticipants)
      .where(eq(importParticipants.importId, record.id))
    const target = rows.find((r) => r.position === input.position)
    if (!target)
      throw new AppError('NOT_FOUND', {
        userMessage: `This import has no participant number ${input.position}.`,
      })
    const nameKey = foldName(target.name)
    const email = target.email?.toLowerCase() ?? null
    const aliases: { kind: 'email' | 'name'; key: string }[] = [{ kind: 'name', key: nameKey }]
    if (email) {
      const [owner] = await tx
        .select({ id: people.id })
        .from(people)
        .where(sql`lower(${people.email}) = ${email}`)
      if (!owner) aliases.push({ kind: 'email', key: email })
    }
    for (const alias of aliases) {
      await tx
        .insert(attendanceAliases)
        .values({ ...alias, personId, createdBy: input.by.personId })
        .onConflictDoUpdate({
          target: [attendanceAliases.kind, attendanceAliases.key],
          set: { personId, createdBy: input.by.personId, createdAt: sql`hub_now()` },
        })
    }
    const affected = rows.filter(
      (r) =>
        r.id === target.id ||
        (r.match === null &&
          (foldName(r.name) === nameKey || (email !== null && r.email?.toLowerCase() === email))),
    )
    const match: MatchMethod = personId === null ? 'guest' : 'manual'
    await tx
      .update(importParticipants)
      .set({ personId, match })
      .where(
        inArray(
          importParticipants.id,
          affected.map((r) => r.id),
        ),
      )
    if (record.status === 'committed') {
      const touched = [target.personId, personId].filter((id): id is string => id !== null)
      await writeImportAttendance(tx, record, touched)
    }
  })
}

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

/** Undoes a committed import as a whole: its attendance is removed, the record and file stay. */
export async function undoImport(db: Db, input: { importId: string; by: ImportBy }): Promise<void> {
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lockImport(tx, input.importId)
    if (record.status !== 'committed')
      throw new AppError('CONFLICT', {
        userMessage:
          record.status === 'undone'
            ? 'This import was already undone.'
            : 'This import was never committed: discard it instead.',
      })
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

/** People staff can pick when matching by hand: seat holders on the date first, then everyone else. */
export async function matchCandidates(
  db: DbOrTx,
  onDate: string,
): Promise<{ id: string; fullName: string; email: string; seatLabel: string | null }[]> {
  const seats = await seatsOn(db, onDate)
  const everyone = await db
    .select({ id: people.id, fullName: people.fullName, email: people.email })
    .from(people)
    .orderBy(asc(people.fullName), asc(people.email))
  const label = (id: string) => {
    const held = seats.get(id)
    return held?.length ? held.map((s) => `${seatLabels[s.role]}, ${s.organizationName}`).join('; ') : null
  }
  const withLabels = everyone.map((p) => ({ ...p, seatLabel: label(p.id) }))
  return [
    ...withLabels.filter((p) => p.seatLabel !== null),
    ...withLabels.filter((p) => p.seatLabel === null),
  ]
}
