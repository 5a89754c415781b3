import { formatDate, monthName, monthNames } from '#src/ui/format.ts'
import type { OrganizationCompliance } from './compliance.ts'
import type { PresentationView, QuarterStatus } from './engine.ts'

/** 'YYYY-MM-DD' → 'Jan 5' (the short form of a call's date, for columns). */
export const shortDate = (isoDate: string): string =>
  `${monthNames[Number(isoDate.slice(5, 7)) - 1]?.slice(0, 3)} ${Number(isoDate.slice(8, 10))}`

export const quarterLabels: Record<QuarterStatus, string> = {
  done: 'Done',
  due: 'Due',
  missed: 'Missed',
  not_required: 'Not required',
  no_records: 'No records',
}

/** The presentation in a few words: "Given on May 4, 2026 (12 minutes)", "No slot yet"… */
export function presentationSummary(view: PresentationView): string {
  switch (view.status) {
    case 'given': {
      const on = view.callDate ? ` on ${formatDate(view.callDate)}` : ''
      const length =
        view.minutes === null
          ? ''
          : ` (${view.minutes} minutes${view.lengthWarning ? ': outside the usual length' : ''})`
      return `Given${on}${length}`
    }
    case 'planned':
      return `Planned for ${formatDate(view.callDate)}`
    case 'missed':
      return view.callDate ? `Missed on ${formatDate(view.callDate)}` : 'Missed'
    case 'requested':
      return view.month === null
        ? 'Requested, no slot yet'
        : `${monthName(view.month)} requested, no slot yet`
    case 'none':
      return view.required ? 'No slot yet' : 'Not required this year'
  }
}

/** The same in fewer words, for a table cell: "Given Jan 5 (12 min)", "Planned Dec 7"… */
export function presentationShort(view: PresentationView): string {
  switch (view.status) {
    case 'given':
      return `Given${view.callDate ? ` ${shortDate(view.callDate)}` : ''}${view.minutes === null ? '' : ` (${view.minutes} min${view.lengthWarning ? ', outside the usual length' : ''})`}`
    case 'planned':
      return `Planned ${shortDate(view.callDate)}`
    case 'missed':
      return view.callDate ? `Missed ${shortDate(view.callDate)}` : 'Missed'
    case 'requested':
      return view.month === null ? 'Requested, no slot' : `${monthName(view.month)} requested, no slot`
    case 'none':
      return view.required ? 'No slot yet' : 'Not required'
  }
}

/** Attended ÷ held, or null before any call was held. */
export const attendanceRate = (c: OrganizationCompliance): number | null =>
  c.obligations.attendance.held === 0
    ? null
    : c.obligations.attendance.attended / c.obligations.attendance.held

/** 0.4761 → '48%'; null → '—'. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${Math.round(rate * 100)}%`

// ---- One organisation's page ----
