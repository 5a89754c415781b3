import type { Child } from 'hono/jsx'
import { type AmountUnit, formatAmount } from '#src/lib/money.ts'
import { NoFigure, OfGoal } from './goal-share.tsx'

export type FigureAgainstGoal = { name: string; unit: AmountUnit; figure: number | null; goal: number | null }

/**
 * One organisation's figures against its goals, metric by metric: the figure, the goal and the share
 * of the goal reached. In a scrolling region a keyboard can reach, named by the caption.
 */
export function FiguresTable(props: {
  id: string
  caption: Child
  /** What the first and second columns are called: 'Metric' and 'Verified', 'Outcome' and 'Reported'. */
  headings: { name: string; figure: string }
  rows: FigureAgainstGoal[]
  tableClass?: string
  captionClass?: string
}) {
  const amount = (value: number | null, unit: AmountUnit) =>
    value === null ? <NoFigure /> : formatAmount(value, unit)
  return (
    <section class="table-wrap" aria-labelledby={props.id} tabindex={0}>
      <table class={props.tableClass}>
        <caption id={props.id} class={props.captionClass}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{props.headings.name}</th>
            <th scope="col" class="num">
              {props.headings.figure}
            </th>
            <th scope="col" class="num">
              Goal
            </th>
            <th scope="col" class="num">
              Of goal
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              <th scope="row">{row.name}</th>
              <td class="num">{amount(row.figure, row.unit)}</td>
              <td class="num">{amount(row.goal, row.unit)}</td>
              <td class="num">
                <OfGoal figure={row.figure} goal={row.goal} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
