/**
 * The cells of a history spreadsheet that only attendance has: minutes and "attended" marks,
 * each read to a value or to what was expected. Pure; dates are the kernel's (readDate).
 */
import type { Cell } from '#src/lib/spreadsheet/cells.ts'

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
