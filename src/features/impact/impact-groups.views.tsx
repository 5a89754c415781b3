/** The verified totals of all time by designation program, focus industry and state, as tables. */
import { stateName } from '#src/features/map/index.ts'
import type { GroupFigures, Metric, Rollup } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'

function GroupTable(props: {
  id: string
  caption: string
  column: string
  groups: GroupFigures[]
  metrics: readonly Metric[]
  label?: (group: string) => string
}) {
  const shown = props.metrics.filter((m) =>
    props.groups.some((g) => g.metrics.some((x) => x.key === m.key && x.total !== null)),
  )
  if (props.groups.length === 0 || shown.length === 0) return null
  // A list (not a wide table), so it fits a phone however many metrics and groups there are.
  const items = props.groups.flatMap((group) => {
    const figures = shown.flatMap((metric) => {
      const total = group.metrics.find((x) => x.key === metric.key)?.total ?? null
      return total === null ? [] : [`${formatAmount(total, metric.unit)} ${metric.name.toLowerCase()}`]
    })
    return figures.length === 0
      ? []
      : [{ name: props.label ? props.label(group.group) : group.group, figures }]
  })
  return (
    <>
      <h3 id={props.id}>{props.caption}</h3>
      <ul class="impact-groups" aria-labelledby={props.id}>
        {items.map((item) => (
          <li>
            <strong>{item.name}</strong>: {item.figures.join('; ')}
          </li>
        ))}
      </ul>
    </>
  )
}

/** The rollups by program, focus industry and state; an organisation in two groups counts in both. */
export function GroupsSection(props: { rollup: Rollup; metrics: readonly Metric[] }) {
  const { rollup } = props
  if (rollup.byProgram.length + rollup.byFocusIndustry.length + rollup.byState.length === 0) return null
  return (
    <section aria-labelledby="groups-heading">
      <h2 id="groups-heading">By program, focus industry and state</h2>
      <p class="note">
        Verified figures of all time. An organisation with two designations, focus industries or states counts
        in each, so the rows of a table can add up to more than the network's total.
      </p>
      <GroupTable
        id="by-program"
        caption="By designation program"
        column="Program"
        groups={rollup.byProgram}
        metrics={props.metrics}
      />
      <GroupTable
        id="by-focus"
        caption="By focus industry"
        column="Focus industry"
        groups={rollup.byFocusIndustry}
        metrics={props.metrics}
      />
      <GroupTable
        id="by-state"
        caption="By state"
        column="State"
        groups={rollup.byState}
        metrics={props.metrics}
        label={(code) => stateName(code) ?? code}
      />
    </section>
  )
}
