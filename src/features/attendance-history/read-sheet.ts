/**
 * A history spreadsheet's rows: CSV (comma or tab, UTF-8, UTF-16 or Windows-1252, streamed
 * through the attendance reports' own reader) or Excel .xlsx (its first worksheet), at most
 * MAX_HISTORY_BYTES and MAX_HISTORY_ROWS. A file that cannot be read is refused whole, with
 * where it broke: AppError('BAD_INPUT').
 */
import { chunksOf, decodeChunks, NotUtf8, readRecords } from '#src/features/attendance/index.ts'
import { checkUpload, formatMegabytes } from '#src/features/files/index.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { columnsOf, type SheetRow } from './columns.ts'
import { readXlsxRows } from './xlsx.ts'

export const MAX_HISTORY_BYTES = 10 * 1024 * 1024
export const MAX_HISTORY_ROWS = 50_000
/** The longest cell a history row may have: a name, an email, a date or a number is far shorter. */
export const MAX_CELL_CHARACTERS = 500
/** The columns read; a row may be wider, but only these hold the date, who and how long. */
const MAX_COLUMNS = 64
export const HISTORY_KINDS = 'a CSV file or an Excel workbook (.xlsx)'

export type SheetKind = 'csv' | 'xlsx'
export type ReadSheet = { kind: SheetKind; rows: SheetRow[] }

const refuse = (userMessage: string) => new AppError('BAD_INPUT', { userMessage })

/** Why a file of this many bytes is refused, or null. */
export const historySizeProblem = (bytes: number): string | null =>
  bytes > MAX_HISTORY_BYTES
    ? `The file is ${formatMegabytes(bytes)}; a history spreadsheet can be at most 10 MB. Nothing was imported.`
    : bytes === 0
      ? 'The file is empty: choose the spreadsheet itself.'
      : null

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04

/** The kind of file by its content: a zip must be an .xlsx workbook; anything else is read as CSV text. */
export function sheetKind(fileName: string, bytes: Uint8Array): SheetKind {
  if (!isZip(bytes) && !(bytes[0] === 0xd0 && bytes[1] === 0xcf)) return 'csv'
  const check = checkUpload({ name: fileName, bytes })
  if (check.ok && check.kind === 'xlsx') return 'xlsx'
  throw refuse(`This file is not ${HISTORY_KINDS} (old .xls workbooks: save as .xlsx). Nothing was imported.`)
}

/** Collects the rows under the header (the first row that is not blank). */
function rowCollector() {
  const rows: SheetRow[] = []
  let columns: ReturnType<typeof columnsOf> | undefined
  let dataRows = 0
  return {
    rows,
    visit(whole: readonly string[], rowNumber: number) {
      const row = whole.length > MAX_COLUMNS ? whole.slice(0, MAX_COLUMNS) : whole
      const long = row.findIndex((cell) => cell.length > MAX_CELL_CHARACTERS)
      if (long >= 0)
        throw refuse(
          `Row ${rowNumber}, column ${long + 1} holds ${row[long]?.length.toLocaleString('en-US')} characters; a cell of a history sheet holds at most ${MAX_CELL_CHARACTERS} (a date, a name, an email, minutes). Nothing was imported.`,
        )
      if (row.every((cell) => cell.trim() === '')) return true
      if (!columns) {
        columns = columnsOf(row, rowNumber)
        return true
      }
      if (++dataRows > MAX_HISTORY_ROWS)
        throw refuse(
          `The file has more than ${MAX_HISTORY_ROWS.toLocaleString('en-US')} rows (row ${rowNumber} is past the limit): split it into smaller files. Nothing was imported.`,
        )
      rows.push(columns.read(row, rowNumber))
      return true
    },
    end(): void {
      if (!columns) throw refuse(`The file has no rows: expected ${HISTORY_KINDS} with a header row.`)
    },
  }
}

async function readCsv(bytes: Uint8Array, visit: (row: string[], n: number) => boolean): Promise<void> {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096))
  const firstLine = head.split(/\r\n|\n|\r/)[0] ?? ''
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  for (const windows1252 of [false, true]) {
    try {
      await readRecords(decodeChunks(chunksOf(bytes), windows1252), delimiter, visit)
      return
    } catch (error) {
      if (error instanceof NotUtf8) continue
      if (isAppError(error) && /not text|empty/i.test(error.userMessage) && !/^Row /.test(error.userMessage))
        throw refuse(`This file is not ${HISTORY_KINDS}: it is not text. Nothing was imported.`)
      if (error instanceof Error && 'rowNumber' in error)
        throw refuse(
          `Row ${(error as { rowNumber: number }).rowNumber} of the CSV has a quoted cell that is not closed properly; the file may be damaged or cut short. Nothing was imported.`,
        )
      throw error
    }
  }
}

/** Reads every row of the file (stopping at the first refusal), before anything is matched or written. */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<ReadSheet> {
  const size = historySizeProblem(bytes.byteLength)
  if (size) throw refuse(size)
  const kind = sheetKind(fileName, bytes)
  let collector = rowCollector()
  if (kind === 'xlsx') await readXlsxRows(bytes, (row, n) => collector.visit(row, n))
  else
    await readCsv(bytes, (row, n) => {
      // A retry as Windows-1252 starts the rows again.
      if (n === 1) collector = rowCollector()
      return collector.visit(row, n)
    })
  collector.end()
  return { kind, rows: collector.rows }
}
