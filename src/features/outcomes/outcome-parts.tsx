import type { OutcomeReportStatus } from '#src/db/schema/index.ts'
import { formatAmount } from '#src/lib/money.ts'
import type { Metric } from './metrics.ts'

/** A report's state in words, as its organisation and staff read it. */
export const statusLabels: Record<OutcomeReportStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted, waiting for staff',
  returned: 'Returned for changes',
  verified: 'Verified',
}

/** The report's state as a badge. */
export function ReportStatus(props: { status: OutcomeReportStatus }) {
  return <span class={`badge report-${props.status}`}>{statusLabels[props.status]}</span>
}

/** An amount in the metric's unit ('4,347', '$1,250,000.50'), or a dash when none was given. */
export const amountText = (value: number | null | undefined, unit: Metric['unit']): string =>
  value === null || value === undefined ? '—' : formatAmount(value, unit)

/** What the amount field of a metric takes, for its hint. */
export const unitHint = (metric: Metric): string =>
  metric.unit === 'usd' ? 'US dollars, such as 1,250,000 or $1,250,000.50' : 'A whole number, such as 4,347'

/** The metric's name with its unit, for a heading or a legend. */
export const metricTitle = (metric: Metric): string =>
  `${metric.name}${metric.unit === 'usd' ? ' (US dollars)' : ''}${metric.retired ? ' (retired)' : ''}`
