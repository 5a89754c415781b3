/**
 * The network view as a CSV file: one line an organisation, the same figures as the page.
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula,
 * so such text cells get a leading single quote (OWASP's advice for CSV injection).
 */
import { stringify } from 'csv-stringify/sync'
import { categoryLabels } from '#src/features/organizations/index.ts'
import type { NetworkRow } from './network-obligations.ts'
import { presentationSummary, quarterLabels } from './obligation-format.ts'
import { complianceStatusLabels } from './status.ts'

export const networkCsvHeader = [
  'Organisation',
  'Category',
  'Status',
  'Calls held',
  'Calls attended',
  'Attendance rate (%)',
  'Calls remaining',
  'Calls needed',
  'Projection',
  'Presentation',
  'Presentation call',
  'Q1 sharing',
  'Q2 sharing',
  'Q3 sharing',
  'Q4 sharing',
  'Reasons',
] as const

const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell that a spreadsheet will show as text, never run as a formula. */
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value)

/** The date of the presentation's call, when it has one (ISO, for sorting in a spreadsheet). */
function presentationCall(row: NetworkRow): string {
  const p = row.obligations.presentation
  return (p.status === 'given' || p.status === 'planned' || p.status === 'missed') && p.callDate
    ? p.callDate
    : ''
}

/** One line of the file, header order. */
export function networkCsvLine(row: NetworkRow): (string | number)[] {
  const { attendance: a, status, sharingQuarters, reasons } = row.obligations
  const quarter = (n: number) => {
    const q = sharingQuarters.find((s) => s.quarter === n)
    return q ? quarterLabels[q.status] : ''
  }
  return [
    row.name,
    categoryLabels[row.category],
    complianceStatusLabels[status],
    a.held,
    a.attended,
    row.rate === null ? '' : Math.round(row.rate * 1000) / 10,
    a.remaining,
    a.needed,
    a.phrase,
    presentationSummary(row.obligations.presentation),
    presentationCall(row),
    quarter(1),
    quarter(2),
    quarter(3),
    quarter(4),
    reasons.join(' '),
  ]
}

/** The whole file: a header line, then one line a row (CRLF line ends, as RFC 4180 has them). */
export function networkCsv(rows: readonly NetworkRow[]): string {
  const lines = [
    [...networkCsvHeader],
    ...rows.map((row) => networkCsvLine(row).map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))),
  ]
  return stringify(lines, { record_delimiter: 'windows' })
}
