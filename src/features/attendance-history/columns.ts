/**
 * The columns of a history spreadsheet, found by their header (case, spaces and punctuation
 * ignored) among common synonyms, and each data row read into what it says.
 */
import { AppError } from '#src/lib/errors.ts'
import { type Cell, headerKey, readDate } from '#src/lib/spreadsheet/cells.ts'
import { readAttended, readMinutes } from './cells.ts'

export type ColumnKey = 'date' | 'organization' | 'email' | 'name' | 'minutes' | 'attended'

const SYNONYMS: Record<ColumnKey, string[]> = {
  date: ['date', 'call date', 'date of call', 'meeting date', 'session date', 'call', 'day'],
  organization: [
    'organisation',
    'organization',
    'org',
    'member',
    'community',
    'organisation name',
    'organization name',
    'short name',
    'slug',
  ],
  email: ['email', 'e mail', 'email address', 'user email', 'attendee email', 'participant email'],
  name: ['name', 'full name', 'person', 'attendee', 'participant', 'attendee name', 'participant name'],
  minutes: ['minutes', 'mins', 'duration', 'duration minutes', 'minutes attended', 'time in call', 'time'],
  attended: ['attended', 'present', 'attendance'],
}

const LOOKUP = new Map<string, ColumnKey>(
  Object.entries(SYNONYMS).flatMap(([key, names]) => names.map((n) => [n, key as ColumnKey] as const)),
)

/** What one data row says, or why it cannot be read. */
export type SheetRow =
  | {
      ok: true
      row: number
      date: string
      organization: string
      email: string
      name: string
      minutes: number | null
      attended: boolean
    }
  | { ok: false; row: number; message: string }

export const HEADER_HELP =
  'a header row naming a date column and an organisation column (name, short name or slug) or a person column (email or full name)'

/** The columns of a header row; refuses a header without a date and without an organisation or a person. */
export function columnsOf(header: readonly string[], rowNumber: number) {
  const index = new Map<ColumnKey, number>()
  header.forEach((cell, i) => {
    const key = LOOKUP.get(headerKey(cell))
    if (key && !index.has(key)) index.set(key, i)
  })
  const who = index.has('organization') || index.has('email') || index.has('name')
  if (!index.has('date') || !who)
    throw new AppError('BAD_INPUT', {
      userMessage: `Row ${rowNumber} should be ${HEADER_HELP}; it has ${
        header.map((h) => `"${h.trim()}"`).join(', ') || 'no cells'
      }. Nothing was imported.`,
    })
  const get = (row: readonly string[], key: ColumnKey) => {
    const i = index.get(key)
    return i === undefined ? '' : (row[i] ?? '').trim()
  }
  return {
    has: (key: ColumnKey) => index.has(key),
    /** One data row read into its values, or the first cell that is not what was expected. */
    read(row: readonly string[], rowNumber: number): SheetRow {
      const fail = (column: string, cell: string, expected: string): SheetRow => ({
        ok: false,
        row: rowNumber,
        message: `${column} "${cell}" is not ${expected}.`,
      })
      const date = readDate(get(row, 'date'))
      if (!date.ok)
        return get(row, 'date') === ''
          ? { ok: false, row: rowNumber, message: 'The date is empty.' }
          : fail('The date', get(row, 'date'), date.expected)
      const minutes = readMinutes(get(row, 'minutes'))
      if (!minutes.ok) return fail('The minutes', get(row, 'minutes'), minutes.expected)
      const attended: Cell<boolean> = index.has('attended')
        ? readAttended(get(row, 'attended'))
        : { ok: true, value: true }
      if (!attended.ok) return fail('The attended mark', get(row, 'attended'), attended.expected)
      const [organization, email, name] = [get(row, 'organization'), get(row, 'email'), get(row, 'name')]
      if (!organization && !email && !name)
        return { ok: false, row: rowNumber, message: 'The row names no organisation and no person.' }
      return {
        ok: true,
        row: rowNumber,
        date: date.value,
        organization,
        email: email.toLowerCase(),
        name,
        minutes: minutes.value,
        attended: attended.value,
      }
    },
  }
}
