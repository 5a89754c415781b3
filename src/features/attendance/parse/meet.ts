/** Google Meet attendance CSV: First name + Last name (or one Name column), Duration, times of day. */
import { laterThan, nextDay, readClockTime } from './dates.ts'
import { parseDuration } from './durations.ts'
import { badRow } from './errors.ts'
import { columns, type ReadOptions, readEmail, type TableReader } from './table.ts'

export const isMeetHeader = (keys: readonly string[]): boolean =>
  (keys.includes('first name') || keys.includes('name')) &&
  keys.includes('duration') &&
  keys.includes('time joined')

export function meetReader(header: readonly string[], options: ReadOptions): TableReader {
  const format = 'Google Meet'
  const col = columns(header, format)
  const split = col.has('first name')
  return {
    read: (row, n) => {
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
      return { rawName, email: readEmail(col.get(row, 'email', n)), seconds, join, leave }
    },
  }
}
