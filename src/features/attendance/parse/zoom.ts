/** Zoom "Meeting participants" CSV: legacy and sentence-case headers, per join or unique users. */
import { chooseDayOrder, readDateTime } from './dates.ts'
import { parseDuration } from './durations.ts'
import { badRow } from './errors.ts'
import { type AttendanceRow, columns, isBlank, type ReadOptions, readEmail } from './table.ts'

const NAME = 'name (original name)'

export const isZoomHeader = (keys: readonly string[]): boolean =>
  keys.includes(NAME) &&
  keys.includes('join time') &&
  keys.includes('leave time') &&
  keys.includes('duration (minutes)')

export const isZoomUniqueHeader = (keys: readonly string[]): boolean =>
  keys.includes(NAME) && keys.includes('total duration (minutes)') && !keys.includes('join time')

/** Reads the rows under the header at `headerAt`; `unique` for the one-row-per-person variant. */
export function readZoom(
  rows: readonly string[][],
  headerAt: number,
  unique: boolean,
  options: ReadOptions,
): AttendanceRow[] {
  const format = 'Zoom'
  const col = columns(rows[headerAt] ?? [], format)
  const body = rows.slice(headerAt + 1).map((row, i) => ({ row, n: headerAt + i + 2 }))
  const data = body.filter(({ row }) => !isBlank(row))
  const order = unique
    ? 'us'
    : chooseDayOrder(
        data.flatMap(({ row, n }) => [col.get(row, 'join time', n), col.get(row, 'leave time', n)]),
        options.callDate,
      )
  return data.map(({ row, n }) => {
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
  })
}
