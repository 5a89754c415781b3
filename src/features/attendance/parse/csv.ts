/**
 * Reading delimited text. The report's rows stream through csv-parse (readRecords);
 * candidate header lines are split by the small RFC 4180 reader below while sniffing.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'

export type Delimiter = ',' | '\t'

/**
 * Splits text into rows of cells: quoted fields with doubled quotes and line breaks,
 * CRLF, LF or CR. Rows are never empty arrays: a blank line is `['']`. Used on one
 * line at a time (splitLine); whole reports go through readRecords.
 */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      // Copy the run of ordinary characters at once: huge quoted cells stay linear.
      const next = text.indexOf('"', i)
      const end = next === -1 ? n : next
      cell += text.slice(i, end)
      i = end
      continue
    }
    if (ch === '"' && cell.trim() === '') {
      cell = ''
      quoted = true
      i++
    } else if (ch === delimiter) {
      row.push(cell)
      cell = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  if (cell !== '' || row.length > 0 || quoted) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Cells of a single line, for sniffing the delimiter of a candidate header line. */
export const splitLine = (line: string, delimiter: Delimiter): string[] =>
  parseDelimited(line, delimiter)[0] ?? ['']

/** Header keys normalised: lower case, trimmed, spaces collapsed, `user email` read as `email`. */
export function normaliseHeader(key: string): string {
  const k = key
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
  return k === 'user email' ? 'email' : k
}

/** Why csv-parse stopped: the text is not CSV it can read (an unclosed quote, text after a closing quote). */
export class CsvProblem extends Error {
  constructor(
    readonly code: string,
    /** The record it was reading. */
    readonly rowNumber: number,
  ) {
    super(`${code} in record ${rowNumber}`)
  }
}

const STOP = Symbol('stop reading')

/**
 * Streams the records of delimited text to `visit` (with their 1-based numbers,
 * blank lines included as `['']`), holding one record at a time. The input is text,
 * or UTF-8 bytes (a leading BOM is dropped). `visit` returns false to stop reading;
 * what it throws ends the reading and is thrown here. Cells are trimmed at both ends
 * (so a quote after spaces still opens a quoted cell).
 */
export async function readRecords(
  input: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array>,
  delimiter: Delimiter,
  visit: (row: string[], rowNumber: number) => boolean | undefined,
): Promise<void> {
  let n = 0
  // csv-parse builds an error (a stack trace, JSON copies of the record) for each record
  // whose length differs from the first one's, even with relax_column_count, and reports
  // mix widths (a preamble, sections, trailing commas): so the length it expects follows
  // the previous record, and only the first row of each table pays (200,000 rows: 60 s → 5 s).
  let state: { expectedRecordLength?: number } | undefined
  const parser = parse({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    ltrim: true,
    rtrim: true,
    bom: true,
    // Each record is visited as soon as it is read, in order, and then dropped (null).
    on_record: (row: string[]) => {
      if (state) state.expectedRecordLength = row.length
      n++
      if (visit(row, n) === false) throw STOP
      return null
    },
  })
  state = (parser as unknown as { state?: { expectedRecordLength?: number } }).state
  try {
    await pipeline(Readable.from(input), parser)
  } catch (error) {
    if (error === STOP) return
    if (error instanceof CsvError) throw new CsvProblem(error.code, n + 1)
    throw error
  }
}
