/**
 * The cells of a history spreadsheet: dates, minutes and "attended" marks, each read to a
 * value or to what was expected. Pure; the columns are found by header in ./columns.ts.
 */
import { isIsoDate, isoDate } from '#src/lib/dates.ts'

export type Cell<T> = { ok: true; value: T } | { ok: false; expected: string }

export const DATE_FORMATS = 'YYYY-MM-DD (2024-03-04) or M/D/YYYY as US spreadsheets write it (3/4/2024)'

/** Excel counts days from 30 December 1899; 5-digit serials cover 1927 to 2173. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * A call's date: ISO (2024-03-04), US month first (3/4/2024, 03/04/2024) or the day number an
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

/**
 * Minutes present: a number (30, 12.5), or h:mm:ss / mm:ss as a duration. Blank: null (the
 * caller takes the call's length). At most a day.
 */
export function readMinutes(cell: string): Cell<number | null> {
  const text = cell.trim()
  if (text === '') return { ok: true, value: null }
  const refuse = {
    ok: false,
    expected: 'minutes as a number (30) or a duration (0:30:00), at most 1440',
  } as const
  let minutes: number
  if (/^\d+(\.\d+)?$/.test(text)) minutes = Number(text)
  else {
    const parts = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/.exec(text)
    if (!parts) return refuse
    minutes =
      parts[3] === undefined
        ? Number(parts[1]) + Number(parts[2]) / 60
        : Number(parts[1]) * 60 + Number(parts[2]) + Number(parts[3]) / 60
  }
  return minutes <= 1440 ? { ok: true, value: minutes } : refuse
}

const YES = new Set(['yes', 'y', '1', 'x', 'true', 'present', 'attended', '✓', '✔'])
const NO = new Set(['no', 'n', '0', 'false', 'absent', ''])

/** An "attended" mark: yes, y, 1, x, true, present (or a tick) is present; no, n, 0, false, absent or blank is not. */
export function readAttended(cell: string): Cell<boolean> {
  const text = cell.trim().toLowerCase()
  if (YES.has(text)) return { ok: true, value: true }
  if (NO.has(text)) return { ok: true, value: false }
  return { ok: false, expected: 'yes, no, 1, 0 or x in the attended column' }
}
