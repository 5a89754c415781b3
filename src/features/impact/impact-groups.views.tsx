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
  return (
    <div class="table-wrap">
      <table id={props.id}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.column}</th>
            {shown.map((m) => (
              <th scope="col" class="num">
                {m.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.groups.map((group) => (
            <tr>
              <th scope="row">{props.label ? props.label(group.group) : group.group}</th>
              {shown.map((m) => {
                const total = group.metrics.find((x) => x.key === m.key)?.total ?? null
                return <td class="num">{total === null ? '—' : formatAmount(total, m.unit)}</td>
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
        Verified figures of all time. A community with two designations, focus industries or states counts in
        each, so the rows of a table can add up to more than the network's total.
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
