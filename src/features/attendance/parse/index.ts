/**
 * Reads a meeting attendance report (Zoom participants CSV, Microsoft Teams attendance
 * report, Google Meet attendance CSV) into the people who attended. Pure: bytes in,
 * participants out; anything else is refused with AppError('BAD_INPUT').
 */

import { isIsoDate } from '#src/features/calls/dates.ts'
import { isValidTimeZone } from '#src/features/calls/time-zone.ts'
import { AppError } from '#src/lib/errors.ts'
import { type Delimiter, lines, normaliseHeader, parseDelimited, splitLine } from './csv.ts'
import { decodeReport } from './decode.ts'
import { notAReport } from './errors.ts'
import { isMeetHeader, readMeet } from './meet.ts'
import { type AttendanceRow, mergeRows, type Participant, type ReadOptions } from './table.ts'
import { isTeamsActivitiesHeader, isTeamsParticipantsHeader, readTeams } from './teams.ts'
import { isZoomHeader, isZoomUniqueHeader, readZoom } from './zoom.ts'

export type { Participant } from './table.ts'
export type ReportFormat = 'zoom' | 'zoom-unique' | 'teams' | 'meet'
export type ParsedReport = { format: ReportFormat; participants: Participant[] }

type Kind = ReportFormat | 'teams-activities'

// In order of preference when a file has several recognisable tables.
const KINDS: { kind: Kind; test: (keys: readonly string[]) => boolean }[] = [
  { kind: 'zoom', test: isZoomHeader },
  { kind: 'zoom-unique', test: isZoomUniqueHeader },
  { kind: 'teams', test: isTeamsParticipantsHeader },
  { kind: 'teams-activities', test: isTeamsActivitiesHeader },
  { kind: 'meet', test: isMeetHeader },
]

const WEBINAR_MARKS = new Set(['attendee report', 'attendee details', 'host details', 'panelist details'])

const WEBINAR_MESSAGE =
  'This is a Zoom webinar attendee report, not a meeting participants report (export the meeting from Reports > Usage > Participants instead)'

type Found = { kind: Kind; delimiter: Delimiter; keys: string[] }

/** Finds the table by its header row, sniffing tab or comma on each candidate line. */
function findTable(text: string): Found {
  let best: { found: Found; rank: number } | null = null
  for (const line of lines(text)) {
    if (line.length > 10_000) continue
    const delimiter: Delimiter = line.includes('\t') ? '\t' : ','
    const keys = splitLine(line, delimiter).map(normaliseHeader)
    if (WEBINAR_MARKS.has(keys[0] ?? '') || keys.includes('user name (original name)'))
      throw notAReport(WEBINAR_MESSAGE)
    const rank = KINDS.findIndex(({ test }) => test(keys))
    if (rank >= 0 && (!best || rank < best.rank)) {
      best = { found: { kind: (KINDS[rank] as (typeof KINDS)[number]).kind, delimiter, keys }, rank }
    }
  }
  if (!best) throw notAReport()
  return best.found
}

export function parseAttendanceReport(bytes: Uint8Array, options: ReadOptions): ParsedReport {
  if (!isIsoDate(options.callDate))
    throw new AppError('BAD_INPUT', {
      userMessage: `The call date must be YYYY-MM-DD, not "${options.callDate}".`,
    })
  if (!isValidTimeZone(options.timeZone))
    throw new AppError('BAD_INPUT', { userMessage: `Unknown time zone "${options.timeZone}".` })
  const text = decodeReport(bytes)
  const found = findTable(text)
  const rows = parseDelimited(text, found.delimiter)
  const test = (KINDS.find((k) => k.kind === found.kind) as (typeof KINDS)[number]).test
  const headerAt = rows.findIndex((row) => test(row.map(normaliseHeader)))
  // A quoted line break can hide the header line from the row reader: refuse rather than guess.
  if (headerAt < 0) throw notAReport()
  let read: AttendanceRow[]
  let format: ReportFormat
  switch (found.kind) {
    case 'zoom':
    case 'zoom-unique':
      format = found.kind
      read = readZoom(rows, headerAt, found.kind === 'zoom-unique', options)
      break
    case 'teams':
    case 'teams-activities':
      format = 'teams'
      read = readTeams(rows, headerAt, options)
      break
    case 'meet':
      format = 'meet'
      read = readMeet(rows, headerAt, options)
      break
  }
  return { format, participants: mergeRows(read, options.timeZone) }
}
