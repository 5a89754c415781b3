/** The network's verified totals for a period, metric by metric, with progress toward the goals set. */
import { type MetricTotal, shareOfGoal } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'
import { formatNumber, percentText, plural } from '#src/ui/format.ts'

/** Metrics that add up and have something to show for the period: a verified figure or a goal. */
export const totalled = (metrics: readonly MetricTotal[]) =>
  metrics.filter((m) => m.sums && m.total !== null && (m.organizations > 0 || m.goal !== null))

/** An amount that may wrap after its thousands separators on a narrow card: '$6,600,<wbr>000.50'. */
function Amount(props: { text: string }) {
  const groups = props.text.split(/(?<=,)/)
  return (
    <>
      {groups.map((group, i) => (
        <>
          {i > 0 ? <wbr /> : null}
          {group}
        </>
      ))}
    </>
  )
}

function GoalLine(props: { metric: MetricTotal }) {
  const { metric } = props
  const share = shareOfGoal(metric.towardGoal, metric.goal)
  if (share === null || metric.goal === null || metric.towardGoal === null) return null
  return (
    <span class="label">
      {percentText(share)} of goal: {formatAmount(metric.towardGoal, metric.unit)} of{' '}
      {formatAmount(metric.goal, metric.unit)}
    </span>
  )
}

export function TotalsSection(props: {
  id: string
  heading: string
  /** What the period is, under the heading. */
  note: string
  metrics: readonly MetricTotal[]
}) {
  const shown = totalled(props.metrics)
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.heading}</h2>
      <p class="note">{props.note}</p>
      {shown.length === 0 ? (
        <p>No verified figures yet.</p>
      ) : (
        <ul class="figures" aria-label={`Verified totals: ${props.heading}`}>
          {shown.map((metric) => (
            <li class="figure" data-metric={metric.key}>
              <span class="value">
                <Amount text={formatAmount(metric.total ?? 0, metric.unit)} />
              </span>
              <span class="label">{metric.name.toLowerCase()}</span>
              <span class="label">
                {metric.organizations === 0
                  ? 'no verified figure yet'
                  : `from ${formatNumber(metric.organizations)} ${plural(metric.organizations, 'community', 'communities')}`}
              </span>
              <GoalLine metric={metric} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
