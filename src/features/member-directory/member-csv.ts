/** The member list as CSV: one line a person, text cells guarded against spreadsheet formulas. */
import { stringify } from 'csv-stringify/sync'
import { neutraliseFormula } from '#src/features/obligations/index.ts'
import { categoryLabels } from '#src/features/organizations/index.ts'
import { seatLabels } from '#src/features/seats/index.ts'
import { contactsOf, type MemberEntry } from './member-list.ts'

export const memberCsvHeader = [
  'Organisation',
  'Category',
  'States',
  'Seat',
  'Name',
  'Title',
  'Email',
] as const

/** The file, header first, CRLF lines (RFC 4180). */
export function memberCsv(entries: readonly MemberEntry[]): string {
  const lines = contactsOf(entries).map(({ org, person }) =>
    [
      org.name,
      categoryLabels[org.category],
      org.states.join(' '),
      seatLabels[person.role],
      person.fullName,
      person.title ?? '',
      person.email,
    ].map(neutraliseFormula),
  )
  return stringify([[...memberCsvHeader], ...lines], { record_delimiter: 'windows' })
}
