/** The network's verified totals for a period, metric by metric, with progress toward the goals set. */
import {
  goalsAgainstFigures,
  type MetricTotal,
  NoFigure,
  type Rollup,
  shareOfGoal,
} from '#src/features/outcomes/index.ts'
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

/**
 * How far the organisations that set a goal and reported are toward it; a goal nobody has reported
 * against yet is named as set, never measured against another organisation's figure.
 */
function GoalLine(props: { metric: MetricTotal; orgs: Rollup['byOrganization']; measures: boolean }) {
  const { metric } = props
  const compared = props.measures ? goalsAgainstFigures(props.orgs, metric.key) : null
  const share = compared && shareOfGoal(compared.figure, compared.goal)
  if (compared && share !== null) {
    const whose = plural(
      compared.organizations,
      'goal of the 1 organisation',
      `goals of the ${formatNumber(compared.organizations)} organisations`,
    )
    return (
      <span class="label">
        {percentText(share)} of the {whose} that set one and reported:{' '}
        {formatAmount(compared.figure, metric.unit)} of {formatAmount(compared.goal, metric.unit)}
      </span>
    )
  }
  if (metric.organizations === 0 && metric.goal !== null) {
    const setters = props.orgs.filter((org) =>
      org.metrics.some((m) => m.key === metric.key && m.goal !== null),
    )
    const who =
      setters.length === 1 ? 'goal set' : `goals set by ${formatNumber(setters.length)} organisations`
    return (
      <span class="label">
        {who}: {formatAmount(metric.goal, metric.unit)}
      </span>
    )
  }
  return null
}

export function TotalsSection(props: {
  id: string
  heading: string
  /** What the period is, under the heading. */
  note: string
  /** The period's rollup: its network totals and each organisation's figures and goals. */
  rollup: Rollup
  /**
   * Whether to show the share of goal: only where the goals and the figures cover the same periods
   * (one year); over all time an organisation's figures may come from years it set no goal for.
   */
  measuresGoals: boolean
}) {
  const shown = totalled(props.rollup.metrics)
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
                {metric.organizations === 0 ? (
                  <NoFigure />
                ) : (
                  <Amount text={formatAmount(metric.total ?? 0, metric.unit)} />
                )}
              </span>
              <span class="label">{metric.name.toLowerCase()}</span>
              <span class="label">
                {metric.organizations === 0
                  ? 'no verified figure yet'
                  : `from ${formatNumber(metric.organizations)} ${plural(metric.organizations, 'organisation')}`}
              </span>
              <GoalLine metric={metric} orgs={props.rollup.byOrganization} measures={props.measuresGoals} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
