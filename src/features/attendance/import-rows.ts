/** A report's rows: read and matched, described (who, which seat, whether they count), and counted. */
import { createHash } from 'node:crypto'
import type { DbOrTx } from '#src/db/client.ts'
import type { AttendanceSource, ReportFormat } from '#src/db/schema/index.ts'
import { displayName } from '#src/features/files/index.ts'
import { formatDate } from '#src/ui/format.ts'
import type { ImportCall, ImportRow, ImportSummary, StoredRow } from './import-types.ts'
import { type Directory, type HeldSeat, loadDirectory, matchParticipant } from './matching.ts'
import { parseAttendanceReport } from './parse/index.ts'
import { reachesMinimum } from './presence.ts'
import { checkReportSize } from './report-size.ts'

/** The attendance source a report format is recorded as. */
export const sourceOf: Record<ReportFormat, AttendanceSource> = {
  zoom: 'zoom',
  'zoom-unique': 'zoom',
  teams: 'teams',
  meet: 'meet',
}

/** How many rows are matched, stored or reported at a time (progress is reported between chunks). */
export const CHUNK = 500

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** A name as stored and offered for download: no path, no invisible characters, at most 150 characters. */
export function reportFileName(original: string): string {
  const name = displayName(original)
    .replace(/[<>:"|?*]/g, '_')
    .slice(0, 150)
  return name || 'attendance-report.csv'
}

/**
 * The local dates a report gives: its participants' join times (times carry the call's offset,
 * so their first ten characters are the local date) and the dates it states elsewhere (a Zoom
 * preamble's or a Teams summary's start time). Meet gives times of day only: no date.
 */
export function reportDates(
  format: ReportFormat,
  rows: readonly Pick<ImportRow, 'firstJoin'>[],
  stated: readonly string[] = [],
): string[] {
  if (format === 'meet') return [...stated]
  return [
    ...new Set([...stated, ...rows.flatMap((r) => (r.firstJoin ? [r.firstJoin.slice(0, 10)] : []))]),
  ].sort()
}

/**
 * The same warning for every format: when no date the report gives is the call's (perhaps the
 * wrong report), or when it gives none at all; null when one of its dates is the call's.
 */
export function reportDateWarning(dates: readonly string[], callDate: string): string | null {
  if (dates.length === 0)
    return `This report gives no date, only times of day: check that it is the report of the call of ${formatDate(callDate)} before committing.`
  if (dates.includes(callDate)) return null
  const shown = [...dates].sort().slice(0, 3).map(formatDate).join('; ')
  return `The times in this report are on ${shown}, not on the call’s date (${formatDate(callDate)}). Check that it is the report of this call before committing.`
}

/** Adds the person's name, their seats of the day, and whether the row counts (and why not). */
export function describeRows(
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
export async function readAndMatch(
  db: DbOrTx,
  input: { call: ImportCall; bytes: Uint8Array; onProgress?: (done: number, total: number) => void },
): Promise<{ format: ReportFormat; rows: StoredRow[]; directory: Directory; statedDates: string[] }> {
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
  return { format: report.format, rows, directory, statedDates: report.statedDates }
}

/** A timestamp from the database as ISO 8601 UTC. */
export const toIso = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString()
