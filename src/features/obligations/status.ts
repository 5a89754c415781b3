/**
 * The overall status of an organisation for a year, derived from its obligations (never stored).
 * The rules, in the order they are tried (docs/decisions/006-obligations-status.md):
 *
 * 1. not_compliant: something can no longer be put right this year:
 *    - attendance "can no longer meet" (needed > remaining calls);
 *    - the presentation is required, not given, and no counting call is left this year;
 *    - a required quarter ended without a sharing record.
 * 2. compliant: nothing is left to do: attendance secured, the presentation given (or not
 *    required), and every required quarter done. Once the year is over every organisation is
 *    either compliant or not_compliant.
 * 3. at_risk: still possible, but in danger:
 *    - attendance needs more than three quarters of the remaining calls (4 × needed > 3 × remaining);
 *    - the presentation was missed (staff can plan another call), or there is still no slot
 *      after 31 March (when the reminder goes out);
 *    - a required quarter ends in 14 days or fewer without a sharing record.
 * 4. on_track otherwise.
 *
 * Adding a record (an attendance, a given presentation, a sharing record) never makes it worse.
 */
import { addDays } from '#src/lib/dates.ts'
import { formatDate } from '#src/ui/format.ts'
import type { AttendanceProjection, PresentationView, SharingQuarter } from './engine.ts'

/** no_records: the year ended before the network's records began (edges.ts): nothing to judge. */
export const complianceStatuses = ['compliant', 'on_track', 'at_risk', 'not_compliant', 'no_records'] as const
/** Best first: compare with complianceStatuses.indexOf. */
export type ComplianceStatus = (typeof complianceStatuses)[number]

export const complianceStatusLabels: Record<ComplianceStatus, string> = {
  compliant: 'Compliant',
  on_track: 'On track',
  at_risk: 'At risk',
  not_compliant: 'Not compliant',
  no_records: 'No records',
}

/** Days before a quarter's end from which a quarter without a record puts the organisation at risk. */
export const SHARING_WARNING_DAYS = 14

/** From this day of the year (month-day), a required presentation without a slot puts it at risk. */
export const PRESENTATION_SLOT_DEADLINE = '03-31'

export type PresentationOutlook = 'not_required' | 'met' | 'pending' | 'behind' | 'failed'

/**
 * Where the presentation stands: met (given); failed (required, not given, no counting call
 * left); behind (missed, or no slot after the slot deadline: 31 March, later for an organisation
 * admitted later, see edges.ts); pending otherwise (planned, even on a call already past whose
 * outcome staff have not recorded yet).
 */
export function presentationOutlook(
  view: PresentationView,
  remaining: number,
  today: string,
  slotDeadline: string,
): PresentationOutlook {
  if (!view.required) return 'not_required'
  if (view.status === 'given') return 'met'
  if (remaining === 0) return 'failed'
  if (view.status === 'missed') return 'behind'
  if (view.status === 'planned') return 'pending'
  return today > slotDeadline ? 'behind' : 'pending'
}

/**
 * Attendance needs more than three quarters of the remaining calls (integers: no rounding), once
 * a call has been held: an organisation that has had no call yet cannot be behind.
 */
export const isAttendanceAtRisk = (a: AttendanceProjection): boolean =>
  a.held > 0 && a.outlook === 'needs' && 4 * a.needed > 3 * a.remaining

/** A required quarter without a record that ends within SHARING_WARNING_DAYS of today. */
export const isQuarterClosing = (q: SharingQuarter, today: string): boolean =>
  q.status === 'due' && today >= q.startsOn && addDays(q.endsOn, -SHARING_WARNING_DAYS) <= today

const formattedDates = new Map<string, string>()
/** formatDate, remembered: the same four quarter ends come up for every organisation. */
function quarterEnd(date: string): string {
  let text = formattedDates.get(date)
  if (text === undefined) {
    text = formatDate(date)
    if (formattedDates.size < 1000) formattedDates.set(date, text)
  }
  return text
}

export type StatusInput = {
  year: number
  today: string
  attendance: AttendanceProjection
  presentation: PresentationView
  sharingQuarters: readonly SharingQuarter[]
  /** See presentationOutlook. */
  presentationSlotDeadline: string
}

/** The status and the reasons for it (sentences; none for a plain "on track"). */
export function deriveStatus(input: StatusInput): { status: ComplianceStatus; reasons: string[] } {
  const { attendance: a, today } = input
  const presentation = presentationOutlook(
    input.presentation,
    a.remaining,
    today,
    input.presentationSlotDeadline,
  )
  const failures: string[] = []
  if (a.outlook === 'cannot_meet')
    failures.push(
      `Attendance can no longer reach ${a.target} of ${a.held + a.remaining} calls: ${a.attended} attended, ${a.remaining} remaining.`,
    )
  if (presentation === 'failed')
    failures.push('The presentation was not given, and no call is left this year to give it on.')
  for (const q of input.sharingQuarters)
    if (q.status === 'missed')
      failures.push(`No sharing record in Q${q.quarter} (it ended on ${quarterEnd(q.endsOn)}).`)
  if (failures.length > 0) return { status: 'not_compliant', reasons: failures }

  const isEverythingMet =
    a.outlook === 'secured' &&
    (presentation === 'met' || presentation === 'not_required') &&
    input.sharingQuarters.every((q) => q.status !== 'due' && q.status !== 'missed')
  if (isEverythingMet) return { status: 'compliant', reasons: [] }

  const risks: string[] = []
  if (isAttendanceAtRisk(a)) risks.push(`Attendance ${a.phrase}: more than three quarters of them.`)
  if (presentation === 'behind')
    risks.push(
      input.presentation.status === 'missed'
        ? 'The presentation was missed: it needs another call this year.'
        : `No presentation is planned yet, and the day to choose one (${formatDate(input.presentationSlotDeadline)}) is past.`,
    )
  for (const q of input.sharingQuarters)
    if (isQuarterClosing(q, today))
      risks.push(`No sharing record yet in Q${q.quarter}, which ends on ${quarterEnd(q.endsOn)}.`)
  if (risks.length > 0) return { status: 'at_risk', reasons: risks }
  return { status: 'on_track', reasons: [] }
}
