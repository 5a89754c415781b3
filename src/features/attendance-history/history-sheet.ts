/**
 * A history spreadsheet's rows, read by the kernel's sheet reader (src/lib/spreadsheet) with the
 * columns of ./columns.ts: its limits, and its refusals worded for a history sheet.
 */
import {
  MAX_SHEET_BYTES,
  MAX_SHEET_ROWS,
  type ReadSheet,
  readSheet,
  sheetSizeProblem,
} from '#src/lib/spreadsheet/read-sheet.ts'
import { columnsOf, type SheetRow } from './columns.ts'

export const MAX_HISTORY_BYTES = MAX_SHEET_BYTES
export const MAX_HISTORY_ROWS = MAX_SHEET_ROWS

/** Why a file of this many bytes is refused, or null. */
export const historySizeProblem = (bytes: number): string | null => sheetSizeProblem(bytes, 'history')

/**
 * Every row of a history spreadsheet, read before anything is matched or written.
 * @throws AppError BAD_INPUT where the file breaks (a header without a date or who, a broken quote)
 */
export const readHistorySheet = (bytes: Uint8Array): Promise<ReadSheet<SheetRow>> =>
  readSheet(bytes, {
    name: 'history',
    cellHint: 'a date, a name, an email, minutes',
    header: (cells, rowNumber) => {
      const columns = columnsOf(cells, rowNumber)
      return (row, n) => columns.read(row, n)
    },
  })
