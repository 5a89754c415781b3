/**
 * Cells of a spreadsheet as people fill them in: headers compared loosely, dates in the forms
 * US spreadsheets use, each read to a value or to what was expected. Pure.
 */
import { isIsoDate, isoDate } from '#src/lib/dates.ts'

export type Cell<T> = { ok: true; value: T } | { ok: false; expected: string }

/**
 * A header (or a name) as compared: lower case, punctuation dropped, spaces collapsed, a
 * leading byte-order mark ignored.
 * @example headerKey('E-mail') === 'e mail'; headerKey(' Jobs  Created ') === 'jobs created'
 */
export const headerKey = (cell: string): string =>
  cell
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

export const DATE_FORMATS = 'YYYY-MM-DD (2024-03-04) or M/D/YYYY as US spreadsheets write it (3/4/2024)'

/** Excel counts days from 30 December 1899; 5-digit serials cover 1927 to 2173. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * A date: ISO (2024-03-04), US month first (3/4/2024, 03/04/2024) or the day number an
 * .xlsx file stores for a date cell (45355). Day-first dates and two-digit years are refused.
 * @example readDate('3/4/2024') // { ok: true, value: '2024-03-04' }
 */
export function readDate(cell: string): Cell<string> {
  const text = cell.trim()
  const refuse = { ok: false, expected: `a date written ${DATE_FORMATS}` } as const
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?)?$/.exec(text)
  if (iso) {
    const value = `${iso[1]}-${iso[2]}-${iso[3]}`
    return isIsoDate(value) ? { ok: true, value } : refuse
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (us) {
    const [month, day, year] = [Number(us[1]), Number(us[2]), Number(us[3])]
    try {
      return { ok: true, value: isoDate(year, month, day) }
    } catch {
      return refuse
    }
  }
  if (/^\d{5}$/.test(text)) {
    const value = new Date(EXCEL_EPOCH + Number(text) * 86_400_000).toISOString().slice(0, 10)
    return { ok: true, value }
  }
  return refuse
}
