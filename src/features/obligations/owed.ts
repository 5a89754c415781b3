/**
 * What an organisation still owes in a year and by when, in sentences: what the obligations page
 * shows under the status, so that a community admitted today sees its first year ahead of it.
 */
import { formatDate, plural } from '#src/ui/format.ts'
import type { ObligationsResult } from './engine.ts'

const yearEnd = (year: number) => `${String(year).padStart(4, '0')}-12-31`

/** Attendance that can no longer reach its target, in words: 'attendance can no longer reach 24 of the year’s 47 calls'. */
export const attendanceOutOfReach = (a: ObligationsResult['attendance']): string =>
  `attendance can no longer reach ${a.target} of the year’s ${a.held + a.remaining} calls`

/** The sentences, or none once the year is over or not judged (no records). */
export function owedSentences(o: ObligationsResult, today: string, cutoff: string): string[] {
  if (o.status === 'no_records' || today > yearEnd(o.year)) return []
  const lines: string[] = []
  const a = o.attendance
  if (a.outlook === 'needs')
    lines.push(
      `Attend at least ${a.needed} of the ${a.remaining} ${plural(a.remaining, 'call')} left this year, by ${formatDate(yearEnd(o.year))}.`,
    )
  else if (a.outlook === 'cannot_meet')
    lines.push(
      `A${attendanceOutOfReach(a).slice(1)}: ${a.attended} attended, ${a.remaining} left. Keep attending; next year starts afresh.`,
    )
  const p = o.presentation
  if (p.required && p.status !== 'given') {
    const slot =
      p.status === 'planned'
        ? `planned on ${formatDate(p.callDate)}`
        : `choose a call by ${formatDate(o.presentationSlotDeadline > today ? o.presentationSlotDeadline : today)}`
    lines.push(`Give the annual presentation on a call before ${formatDate(yearEnd(o.year))}: ${slot}.`)
  } else if (!p.required && o.calls.length > 0) {
    // Not due: the records begin on or after the cut-off (the Hub's first year), or a late admission.
    const cutoffDay = `${o.year}-${cutoff}`
    const why =
      o.recordsBeginOn >= cutoffDay
        ? `the network's records begin on ${formatDate(o.recordsBeginOn)}`
        : `admitted on or after ${formatDate(cutoffDay)}`
    lines.push(`No presentation is due in ${o.year}: ${why}. The first is due in ${o.year + 1}.`)
  }
  const quarters = o.sharingQuarters.filter((q) => q.status === 'due')
  if (quarters.length > 0)
    lines.push(
      `Record a sharing action in ${quarters.length === 1 ? '' : 'each of '}${quarters
        .map((q) => `Q${q.quarter} (by ${formatDate(q.endsOn)})`)
        .join(', ')}.`,
    )
  return lines
}
