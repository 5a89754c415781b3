import type { DbOrTx } from '#src/db/client.ts'
import type { OrganizationCategory } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { recordsBeginOn } from './edges.ts'
import {
  type AttendanceRecord,
  computeObligations,
  type ObligationSettings,
  type ObligationsResult,
  type PresentationView,
  type QuarterStatus,
} from './engine.ts'
import { firstAttendedCallOn, loadYearRecords, type YearRecords } from './records.ts'
import type { ComplianceStatus } from './status.ts'

export type OrganizationCompliance = {
  organizationId: string
  name: string
  category: OrganizationCategory
  obligations: ObligationsResult
}

/**
 * The obligations of every organisation admitted on at least one day of `year`, as of `today`,
 * sorted by name. Loads the year in a fixed number of queries and computes in memory, so the
 * cost grows with the records, not with a query per organisation.
 */
export async function computeYearCompliance(
  db: DbOrTx,
  options: { year: number; today: string; organizationIds?: readonly string[] },
): Promise<OrganizationCompliance[]> {
  const [settings, records] = await Promise.all([getSettings(db), loadYearRecords(db, options)])
  return complianceFromRecords(records, { today: options.today, settings })
}

/** The day the network's records begin (edges.ts), for a page that judges without loading a whole year. */
export async function loadRecordsBeginOn(db: DbOrTx, today: string): Promise<string> {
  const [settings, first] = await Promise.all([getSettings(db), firstAttendedCallOn(db)])
  return recordsBeginOn(settings.recordsBeginOn, first, today)
}

/** The pure half of computeYearCompliance: the engine run over loaded records. */
export function complianceFromRecords(
  records: YearRecords,
  options: { today: string; settings: ObligationSettings },
): OrganizationCompliance[] {
  const result: OrganizationCompliance[] = []
  const begins = recordsBeginOn(options.settings.recordsBeginOn, records.firstAttendedCallOn, options.today)
  for (const org of records.organizations) {
    const attendance: AttendanceRecord[] = []
    for (const personId of new Set(org.seats.map((s) => s.personId)))
      attendance.push(...(records.attendanceByPerson.get(personId) ?? []))
    const obligations = computeObligations({
      year: records.year,
      today: options.today,
      settings: options.settings,
      recordsBeginOn: begins,
      admissionEvents: org.admissionEvents,
      calls: records.calls,
      seats: org.seats,
      attendance,
      presentation: org.presentation,
      sharing: org.sharing,
    })
    if (!obligations.isAdmittedInYear) continue
    result.push({ organizationId: org.id, name: org.name, category: org.category, obligations })
  }
  return result.sort(
    (a, b) => byName.compare(a.name, b.name) || (a.organizationId < b.organizationId ? -1 : 1),
  )
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** One line of `hub compliance --json`. */
export type ComplianceRow = {
  organizationId: string
  name: string
  category: OrganizationCategory
  callsHeld: number
  callsAttended: number
  callsRemaining: number
  needed: number
  presentation: PresentationView
  sharingQuarters: { quarter: 1 | 2 | 3 | 4; status: QuarterStatus }[]
  status: ComplianceStatus
}

export function complianceRow(c: OrganizationCompliance): ComplianceRow {
  const { attendance, presentation, sharingQuarters, status } = c.obligations
  return {
    organizationId: c.organizationId,
    name: c.name,
    category: c.category,
    callsHeld: attendance.held,
    callsAttended: attendance.attended,
    callsRemaining: attendance.remaining,
    needed: attendance.needed,
    presentation,
    sharingQuarters: sharingQuarters.map((q) => ({ quarter: q.quarter, status: q.status })),
    status,
  }
}
