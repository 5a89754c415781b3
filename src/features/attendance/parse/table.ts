/** What the format readers share: columns by header name, and merging a person's rows. */
import { normaliseHeader } from './csv.ts'
import { type DayOrder, laterThan, toIso, type WallTime } from './dates.ts'
import { badRow } from './errors.ts'
import { bestName, nameKey } from './names.ts'

export type Participant = {
  name: string
  rawName: string
  email: string | null
  seconds: number
  firstJoin: string | null
  lastLeave: string | null
}

/** One row of a report, before merging: a join, or a whole person. */
export type AttendanceRow = {
  rawName: string
  email: string | null
  seconds: number
  join: WallTime | null
  leave: WallTime | null
}

export type ReadOptions = { callDate: string; timeZone: string }

/**
 * How a format reads the rows under its header, one at a time as the file streams.
 * Blank rows are never data rows.
 */
export type TableReader = {
  /** The table ends at this row (Teams: a blank line or the next numbered section); the rest is not read. */
  ends?: (row: readonly string[]) => boolean
  /**
   * The date cells of a data row, when the day order must be chosen from the whole
   * table before any row is read (then the table is read twice).
   */
  dates?: (row: readonly string[], rowNumber: number) => string[]
  /** One data row: a join, or a whole person. */
  read: (row: readonly string[], rowNumber: number, order: DayOrder) => AttendanceRow
}

export type Columns = {
  has: (key: string) => boolean
  /** The trimmed cell under `key`; '' when the file has no such column. Throws if the row is cut short. */
  get: (row: readonly string[], key: string, rowNumber: number) => string
}

export function columns(header: readonly string[], format: string): Columns {
  const index = new Map<string, number>()
  header.forEach((key, i) => {
    const k = normaliseHeader(key)
    if (k && !index.has(k)) index.set(k, i)
  })
  return {
    has: (key) => index.has(key),
    get: (row, key, rowNumber) => {
      const i = index.get(key)
      if (i === undefined) return ''
      const value = row[i]
      if (value === undefined) throw badRow(format, rowNumber, `has no "${key}" value`)
      return value.trim()
    },
  }
}

export const isBlank = (row: readonly string[]): boolean => row.every((cell) => cell.trim() === '')

/** An email cell lower-cased, or null when empty or not an address. */
export const readEmail = (cell: string): string | null => {
  const email = cell.trim().toLowerCase()
  return email.includes('@') ? email : null
}

/**
 * Merges each person's rows (by email, else by folded best name), keeping the
 * first join, the last leave and the summed seconds, in order of first appearance.
 * Rows are added one at a time: only one entry per person is kept.
 */
export function rowMerger(timeZone: string): {
  add: (row: AttendanceRow) => void
  participants: () => Participant[]
} {
  const people = new Map<string, AttendanceRow>()
  return {
    add: (row) => {
      const key = row.email ? `email:${row.email}` : `name:${nameKey(row.rawName)}`
      const seen = people.get(key)
      if (!seen) {
        people.set(key, { ...row })
        return
      }
      seen.seconds += row.seconds
      if (row.join && (!seen.join || laterThan(seen.join, row.join))) seen.join = row.join
      if (row.leave && (!seen.leave || laterThan(row.leave, seen.leave))) seen.leave = row.leave
    },
    participants: () => {
      // Many people share a minute: each distinct time is converted once.
      const iso = new Map<string, string>()
      const toIsoOnce = (w: WallTime) => {
        const key = `${w.date} ${w.hour}:${w.minute}:${w.second}`
        let value = iso.get(key)
        if (value === undefined) {
          value = toIso(w, timeZone)
          iso.set(key, value)
        }
        return value
      }
      return [...people.values()].map((p) => ({
        name: bestName(p.rawName),
        rawName: p.rawName,
        email: p.email,
        seconds: p.seconds,
        firstJoin: p.join ? toIsoOnce(p.join) : null,
        lastLeave: p.leave ? toIsoOnce(p.leave) : null,
      }))
    },
  }
}
