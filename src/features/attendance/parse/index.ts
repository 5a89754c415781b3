/**
 * Reads a meeting attendance report (Zoom participants CSV, Microsoft Teams attendance
 * report, Google Meet attendance CSV) into the people who attended. Bytes in (in memory
 * or a file), participants out; anything else is refused with AppError('BAD_INPUT').
 *
 * The report streams: it is read in chunks, decoded as they come and split into rows
 * by csv-parse, and only one entry per person is kept, so memory follows the number of
 * people, not the size of the file. That takes passes over the bytes: one to find the
 * table by its header line (and the text's encoding), one to choose the day order from
 * every date when the format needs it, one to read the rows.
 */
import { createReadStream } from 'node:fs'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { CsvProblem, readRecords } from '#src/lib/spreadsheet/csv.ts'
import { isValidTimeZone } from '#src/lib/time-zone.ts'
import { normaliseHeader } from './csv.ts'
import { type DayOrder, dayOrderChooser, readDateTime } from './dates.ts'
import { type ByteChunks, chunksOf, decodeChunks, NotUtf8, ReportDecoder } from './decode.ts'
import { badRow, notAReport } from './errors.ts'
import { meetReader } from './meet.ts'
import { preambleDates } from './preamble.ts'
import { type FoundTable, type TableKind, TableSniffer } from './sniff.ts'
import { isBlank, type Participant, type ReadOptions, rowMerger, type TableReader } from './table.ts'
import { teamsReader } from './teams.ts'
import { zoomReader } from './zoom.ts'

export type { Participant } from './table.ts'
export type ReportFormat = 'zoom' | 'zoom-unique' | 'teams' | 'meet'
export type ParsedReport = { format: ReportFormat; participants: Participant[] }

/**
 * A report as read, with `statedDates`: the local dates the report itself gives, read with the
 * file's day order: its participants' join times and the start time of its preamble or summary
 * (none for Meet, whose times of day are put on the call's date).
 */
export type DatedReport = ParsedReport & { statedDates: string[] }

/** Opens the report's bytes from the start, once per pass. */
type Open = () => ByteChunks

const FORMATS: Record<TableKind, { format: ReportFormat; name: string }> = {
  zoom: { format: 'zoom', name: 'Zoom' },
  'zoom-unique': { format: 'zoom-unique', name: 'Zoom' },
  teams: { format: 'teams', name: 'Microsoft Teams' },
  'teams-activities': { format: 'teams', name: 'Microsoft Teams' },
  meet: { format: 'meet', name: 'Google Meet' },
}

function readerFor(kind: TableKind, header: readonly string[], options: ReadOptions): TableReader {
  switch (kind) {
    case 'zoom':
    case 'zoom-unique':
      return zoomReader(header, kind === 'zoom-unique')
    case 'teams':
    case 'teams-activities':
      return teamsReader(header)
    case 'meet':
      return meetReader(header, options)
  }
}

type Found = FoundTable & { encoding: string; windows1252: boolean }

/** The first pass: the table's kind and delimiter, and the text's encoding. */
async function sniff(open: Open): Promise<Found> {
  for (const windows1252 of [false, true]) {
    const sniffer = new TableSniffer()
    const decoder = new ReportDecoder(windows1252)
    try {
      for await (const chunk of open()) sniffer.write(decoder.write(chunk))
      sniffer.write(decoder.end())
    } catch (error) {
      if (error instanceof NotUtf8) continue
      throw error
    }
    return { ...sniffer.end(), encoding: decoder.encoding as string, windows1252 }
  }
  // Windows-1252 decodes any bytes: only a file whose byte-order mark says UTF-8 gets here.
  throw notAReport('This file is marked as UTF-8 text but is not UTF-8 (it may be damaged or cut short)')
}

/**
 * The report's text for a pass after the first: UTF-8 (checked by the first pass) goes to
 * the CSV reader as bytes, which is faster; other encodings are decoded again.
 */
const textOf = (open: Open, found: Found) =>
  found.encoding === 'utf-8' ? open() : decodeChunks(open(), found.windows1252)

/** One pass over the table's data rows: from the row after its header to its end. */
async function eachDataRow(
  open: Open,
  found: Found,
  options: ReadOptions,
  visit: (reader: TableReader, row: string[], rowNumber: number) => void,
  beforeHeader?: (row: string[]) => void,
): Promise<void> {
  let reader: TableReader | undefined
  try {
    await readRecords(textOf(open, found), found.delimiter, (row, n) => {
      if (!reader) {
        if (found.test(row.map(normaliseHeader))) reader = readerFor(found.kind, row, options)
        else beforeHeader?.(row)
        return true
      }
      if (reader.ends?.(row)) return false
      if (!isBlank(row)) visit(reader, row, n)
      return true
    })
  } catch (error) {
    if (!(error instanceof CsvProblem)) throw error
    // Before the header, a quoted line break hid the header line from the row reader: refuse rather than guess.
    if (!reader) throw notAReport()
    throw badRow(
      FORMATS[found.kind].name,
      error.rowNumber,
      error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'has a quoted cell that is never closed'
        : 'has text after a quoted cell',
    )
  }
  if (!reader) throw notAReport()
}

async function readReport(open: Open, options: ReadOptions): Promise<DatedReport> {
  if (!isIsoDate(options.callDate))
    throw new AppError('BAD_INPUT', {
      userMessage: `The call date must be YYYY-MM-DD, not "${options.callDate}".`,
    })
  if (!isValidTimeZone(options.timeZone))
    throw new AppError('BAD_INPUT', { userMessage: `Unknown time zone "${options.timeZone}".` })
  const found = await sniff(open)
  let order: DayOrder = 'us'
  const preamble = preambleDates()
  if (found.kind !== 'meet') {
    // Whether 03/11 is March or November is decided by every date of the file, its preamble's too.
    const chooser = dayOrderChooser(options.callDate)
    await eachDataRow(
      open,
      found,
      options,
      (reader, row, n) => {
        for (const cell of reader.dates?.(row, n) ?? []) chooser.add(cell)
      },
      preamble.add,
    )
    for (const cell of preamble.cells()) chooser.add(cell)
    order = chooser.order()
  }
  const merger = rowMerger(options.timeZone)
  await eachDataRow(open, found, options, (reader, row, n) => merger.add(reader.read(row, n, order)))
  const participants = merger.participants()
  const stated = new Set(
    preamble.cells().flatMap((cell) => {
      const time = readDateTime(cell, order)
      return time ? [time.date] : []
    }),
  )
  if (found.kind !== 'meet')
    for (const p of participants) if (p.firstJoin) stated.add(p.firstJoin.slice(0, 10))
  return { format: FORMATS[found.kind].format, participants, statedDates: [...stated].sort() }
}

/** Reads a report held in memory (an upload). */
export function parseAttendanceReport(bytes: Uint8Array, options: ReadOptions): Promise<DatedReport> {
  return readReport(() => chunksOf(bytes), options)
}

/** Reads a report from a file, never holding the whole file in memory. */
export function parseAttendanceFile(file: string, options: ReadOptions): Promise<DatedReport> {
  return readReport(() => createReadStream(file, { highWaterMark: 64 * 1024 }), options)
}
