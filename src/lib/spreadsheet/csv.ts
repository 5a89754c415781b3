/**
 * The rows of a CSV sheet, streamed from its bytes: the byte-order mark decides the encoding
 * (UTF-16 LE or BE, UTF-8); without one UTF-8, read again as Windows-1252 when it is not.
 * Comma or tab separated (by the first line); cells trimmed; blank lines visited as [''].
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'
import { encodingOf } from '#src/lib/text-encoding.ts'

/** Why the text cannot be read: it is not text, or a quoted cell breaks (with its row). */
export class CsvUnreadable extends Error {
  constructor(readonly rowNumber: number | null) {
    super(rowNumber === null ? 'not text' : `a broken quoted cell in row ${rowNumber}`)
  }
}

class NotUtf8 extends Error {}

const CHUNK = 64 * 1024

/** The text of the bytes, 64 KiB at a time; NUL characters or undecodable bytes are not text. */
async function* textOf(bytes: Uint8Array, windows1252: boolean): AsyncGenerator<string> {
  const { encoding, skip } = encodingOf(bytes, windows1252)
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' })
  const check = (text: string) => {
    if (text.includes('\u0000') || text.includes('\uFFFD')) throw new CsvUnreadable(null)
    return text
  }
  // A fatal decoder throws on bytes that are not UTF-8, the last ones included (a character cut
  // short at the end, or a Windows-1252 letter as the last byte).
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      throw new NotUtf8()
    }
  }
  for (let at = skip; at < bytes.length; at += CHUNK) yield check(decode(bytes.subarray(at, at + CHUNK)))
  yield check(decode())
}

const STOP = Symbol('stop reading')

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

/**
 * Streams the records of delimited text to `visit` (with their 1-based numbers, blank lines
 * included as `['']`), holding one record at a time. The input is text, or UTF-8 bytes (a leading
 * BOM is dropped). `visit` returns false to stop reading; what it throws ends the reading and is
 * thrown here. Cells are trimmed at both ends (so a quote after spaces still opens a quoted cell).
 * @throws CsvProblem when a quoted cell breaks
 */
export async function readRecords(
  input: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array>,
  delimiter: string,
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

/**
 * Visits each row of CSV bytes with its 1-based number (`visit` returns false to stop).
 * When the bytes turn out not to be UTF-8, the rows are visited again from row 1 as Windows-1252.
 * @throws CsvUnreadable when the bytes are not text or a quoted cell breaks
 */
export async function readCsvRows(
  bytes: Uint8Array,
  visit: (row: string[], rowNumber: number) => boolean,
): Promise<void> {
  const firstLine = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r\n|\n|\r/)[0] ?? ''
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  for (const windows1252 of [false, true]) {
    try {
      await readRecords(textOf(bytes, windows1252), delimiter, visit)
      return
    } catch (error) {
      if (error instanceof CsvProblem) throw new CsvUnreadable(error.rowNumber)
      if (!(error instanceof NotUtf8)) throw error
    }
  }
  // Marked as UTF-8 by its first bytes, yet not UTF-8.
  throw new CsvUnreadable(null)
}
