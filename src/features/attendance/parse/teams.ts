/**
 * Microsoft Teams attendance report: numbered sections; people come from the
 * Participants table (header row starting `Name` with First/Last Join), or, when a
 * file has none, from the In-Meeting Activities table (one row per join).
 */
import { readDateTime } from './dates.ts'
import { parseDuration } from './durations.ts'
import { badRow } from './errors.ts'
import { columns, isBlank, readEmail, type TableReader } from './table.ts'

export const isTeamsParticipantsHeader = (keys: readonly string[]): boolean =>
  keys[0] === 'name' && keys.includes('first join') && keys.includes('last leave')

export const isTeamsActivitiesHeader = (keys: readonly string[]): boolean =>
  keys[0] === 'name' && keys.includes('join time') && keys.includes('leave time') && keys.includes('duration')

const SECTION = /^\d+\.\s/

export function teamsReader(header: readonly string[]): TableReader {
  const format = 'Microsoft Teams'
  const col = columns(header, format)
  const participants = col.has('first join')
  const [joinKey, leaveKey] = participants ? ['first join', 'last leave'] : ['join time', 'leave time']
  const durationKey = col.has('in-meeting duration') ? 'in-meeting duration' : 'duration'
  return {
    // The table ends at the blank line before the next numbered section.
    ends: (row) => isBlank(row) || (row.length === 1 && SECTION.test((row[0] as string).trim())),
    dates: (row, n) => [col.get(row, joinKey, n), col.get(row, leaveKey, n)],
    read: (row, n, order) => {
      const rawName = col.get(row, 'name', n)
      if (!rawName) throw badRow(format, n, 'has no name')
      const durationCell = col.get(row, durationKey, n)
      const seconds = parseDuration(durationCell)
      if (seconds === null)
        throw badRow(format, n, `has a duration that cannot be read ("${durationCell.slice(0, 40)}")`)
      const join = readDateTime(col.get(row, joinKey, n), order)
      const leave = readDateTime(col.get(row, leaveKey, n), order)
      if (join === undefined || leave === undefined)
        throw badRow(format, n, 'has a join or leave time that cannot be read')
      const email = readEmail(col.get(row, 'email', n)) ?? readEmail(col.get(row, 'participant id (upn)', n))
      return { rawName, email, seconds, join, leave }
    },
  }
}
