/**
 * A spreadsheet's rows: CSV (comma or tab; UTF-8, UTF-16 or Windows-1252; streamed) or an Excel
 * .xlsx workbook (its first worksheet, streamed), at most MAX_SHEET_BYTES and MAX_SHEET_ROWS
 * rows of MAX_SHEET_COLUMNS columns and MAX_CELL_CHARACTERS a cell. The first row that is not
 * blank is the header: the caller reads it into a reader of the data rows. A file that cannot
 * be read is refused whole, with where it broke: AppError('BAD_INPUT').
 */
import { AppError } from '#src/lib/errors.ts'
import { CsvUnreadable, readCsvRows } from './csv.ts'
import { isWorkbook, MAX_SHEET_COLUMNS, readXlsxRows } from './xlsx.ts'

export { MAX_SHEET_COLUMNS }
export const MAX_SHEET_BYTES = 10 * 1024 * 1024
export const MAX_SHEET_ROWS = 50_000
/** The longest cell a row may have: a name, an email, a date or a number is far shorter. */
export const MAX_CELL_CHARACTERS = 500
export const SHEET_KINDS = 'a CSV file or an Excel workbook (.xlsx)'

export type SheetKind = 'csv' | 'xlsx'
export type ReadSheet<T> = { kind: SheetKind; rows: T[] }

/** Reads a data row (its cells as text, its number as the spreadsheet shows it) into what it says. */
export type RowReader<T> = (cells: readonly string[], rowNumber: number) => T

export type SheetOptions<T> = {
  /** The sheet in messages: 'history' says "a history spreadsheet", "a cell of a history sheet". */
  name: string
  /** What a cell holds, for the refusal of a long one: 'a date, a name, an email, minutes'. */
  cellHint: string
  /** Reads the header row into a reader of the data rows; throws AppError to refuse the file. */
  header: (cells: readonly string[], rowNumber: number) => RowReader<T>
}

const refuse = (userMessage: string) => new AppError('BAD_INPUT', { userMessage })

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Why a file of this many bytes is refused, or null. */
export const sheetSizeProblem = (bytes: number, name: string): string | null =>
  bytes > MAX_SHEET_BYTES
    ? `The file is ${megabytes(bytes)}; a ${name} spreadsheet can be at most 10 MB. Nothing was imported.`
    : bytes === 0
      ? 'The file is empty: choose the spreadsheet itself.'
      : null

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOldOffice = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf

/** The kind of file by its content: a zip must be an .xlsx workbook; anything else is read as CSV text. */
export function sheetKind(bytes: Uint8Array): SheetKind {
  if (!isZip(bytes) && !isOldOffice(bytes)) return 'csv'
  if (isZip(bytes) && isWorkbook(bytes)) return 'xlsx'
  throw refuse(`This file is not ${SHEET_KINDS} (old .xls workbooks: save as .xlsx). Nothing was imported.`)
}

/** Collects the rows under the header (the first row that is not blank). */
function rowCollector<T>(options: SheetOptions<T>) {
  const rows: T[] = []
  let read: RowReader<T> | undefined
  let dataRows = 0
  return {
    rows,
    visit(whole: readonly string[], rowNumber: number) {
      const row = whole.length > MAX_SHEET_COLUMNS ? whole.slice(0, MAX_SHEET_COLUMNS) : whole
      const long = row.findIndex((cell) => cell.length > MAX_CELL_CHARACTERS)
      if (long >= 0)
        throw refuse(
          `Row ${rowNumber}, column ${long + 1} holds ${row[long]?.length.toLocaleString('en-US')} characters; a cell of a ${options.name} sheet holds at most ${MAX_CELL_CHARACTERS} (${options.cellHint}). Nothing was imported.`,
        )
      if (row.every((cell) => cell.trim() === '')) return true
      if (!read) {
        read = options.header(row, rowNumber)
        return true
      }
      if (++dataRows > MAX_SHEET_ROWS)
        throw refuse(
          `The file has more than ${MAX_SHEET_ROWS.toLocaleString('en-US')} rows (row ${rowNumber} is past the limit): split it into smaller files. Nothing was imported.`,
        )
      rows.push(read(row, rowNumber))
      return true
    },
    end(): void {
      if (!read) throw refuse(`The file has no rows: expected ${SHEET_KINDS} with a header row.`)
    },
  }
}

async function readCsv(bytes: Uint8Array, visit: (row: string[], n: number) => boolean): Promise<void> {
  try {
    await readCsvRows(bytes, visit)
  } catch (error) {
    if (!(error instanceof CsvUnreadable)) throw error
    throw refuse(
      error.rowNumber === null
        ? `This file is not ${SHEET_KINDS}: it is not text. Nothing was imported.`
        : `Row ${error.rowNumber} of the CSV has a quoted cell that is not closed properly; the file may be damaged or cut short. Nothing was imported.`,
    )
  }
}

/**
 * Reads every row of the file (stopping at the first refusal), before anything is matched or written.
 * @throws AppError BAD_INPUT saying where the file broke and what was expected
 */
export async function readSheet<T>(bytes: Uint8Array, options: SheetOptions<T>): Promise<ReadSheet<T>> {
  const size = sheetSizeProblem(bytes.byteLength, options.name)
  if (size) throw refuse(size)
  const kind = sheetKind(bytes)
  let collector = rowCollector(options)
  if (kind === 'xlsx') await readXlsxRows(bytes, (row, n) => collector.visit(row, n))
  else
    await readCsv(bytes, (row, n) => {
      // A retry as Windows-1252 starts the rows again.
      if (n === 1) collector = rowCollector(options)
      return collector.visit(row, n)
    })
  collector.end()
  return { kind, rows: collector.rows }
}
