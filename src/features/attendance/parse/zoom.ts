/** Zoom "Meeting participants" CSV: legacy and sentence-case headers, per join or unique users. */
import { readDateTime } from './dates.ts'
import { parseDuration } from './durations.ts'
import { badRow } from './errors.ts'
import { columns, readEmail, type TableReader } from './table.ts'

const NAME = 'name (original name)'

export const isZoomHeader = (keys: readonly string[]): boolean =>
  keys.includes(NAME) &&
  keys.includes('join time') &&
  keys.includes('leave time') &&
  keys.includes('duration (minutes)')

export const isZoomUniqueHeader = (keys: readonly string[]): boolean =>
  keys.includes(NAME) && keys.includes('total duration (minutes)') && !keys.includes('join time')

/** Reads the rows under `header`; `unique` for the one-row-per-person variant (no times, so no day order). */
export function zoomReader(header: readonly string[], unique: boolean): TableReader {
  const format = 'Zoom'
  const col = columns(header, format)
  return {
    dates: unique ? undefined : (row, n) => [col.get(row, 'join time', n), col.get(row, 'leave time', n)],
    read: (row, n, order) => {
      const rawName = col.get(row, NAME, n)
      if (!rawName) throw badRow(format, n, 'has no name')
      const durationCell = col.get(row, unique ? 'total duration (minutes)' : 'duration (minutes)', n)
      const seconds = parseDuration(durationCell)
      if (seconds === null)
        throw badRow(format, n, `has a duration that cannot be read ("${durationCell.slice(0, 40)}")`)
      let join = null
      let leave = null
      if (!unique) {
        join = readDateTime(col.get(row, 'join time', n), order)
        leave = readDateTime(col.get(row, 'leave time', n), order)
        if (join === undefined || leave === undefined)
          throw badRow(format, n, 'has a join or leave time that cannot be read')
      }
      return { rawName, email: readEmail(col.get(row, 'email', n)), seconds, join, leave }
    },
  }
}
