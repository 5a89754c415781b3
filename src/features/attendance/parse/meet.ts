/** Google Meet attendance CSV: First name + Last name (or one Name column), Duration, times of day. */
import { laterThan, nextDay, readClockTime } from './dates.ts'
import { parseDuration } from './durations.ts'
import { badRow } from './errors.ts'
import { type AttendanceRow, columns, isBlank, type ReadOptions, readEmail } from './table.ts'

export const isMeetHeader = (keys: readonly string[]): boolean =>
  (keys.includes('first name') || keys.includes('name')) &&
  keys.includes('duration') &&
  keys.includes('time joined')

export function readMeet(rows: readonly string[][], headerAt: number, options: ReadOptions): AttendanceRow[] {
  const format = 'Google Meet'
  const col = columns(rows[headerAt] ?? [], format)
  const split = col.has('first name')
  const out: AttendanceRow[] = []
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i] as string[]
    const n = i + 1
    if (isBlank(row)) continue
    const rawName = split
      ? `${col.get(row, 'first name', n)} ${col.get(row, 'last name', n)}`.trim()
      : col.get(row, 'name', n)
    if (!rawName) throw badRow(format, n, 'has no name')
    const durationCell = col.get(row, 'duration', n)
    const seconds = parseDuration(durationCell)
    if (seconds === null)
      throw badRow(format, n, `has a duration that cannot be read ("${durationCell.slice(0, 40)}")`)
    const join = readClockTime(col.get(row, 'time joined', n), options.callDate)
    let leave = readClockTime(col.get(row, 'time exited', n), options.callDate)
    if (join === undefined || leave === undefined)
      throw badRow(format, n, 'has a join or exit time that cannot be read')
    // Meet gives times of day only: an exit before the join is after midnight.
    if (join && leave && laterThan(join, leave)) leave = nextDay(leave)
    out.push({ rawName, email: readEmail(col.get(row, 'email', n)), seconds, join, leave })
  }
  return out
}
