/** The network view's charts, each with its legend and its data as a table. */
import { raw } from 'hono/html'
import { formatNumber, monthName } from '#src/ui/format.ts'
import { type HeatState, heatColors, heatStateLabels, heatStates, rateColors } from './charts.ts'
import type { MonthlyAttendance, NetworkRow } from './network-obligations.ts'
import { formatRate, shortDate } from './obligation-format.ts'

function Legend(props: { items: { label: string; swatch: string; kind?: 'box' | 'dash' }[] }) {
  return (
    <ul class="chart-legend">
      {props.items.map((item) => (
        <li>
          <svg
            class={`legend-swatch legend-${item.kind ?? 'box'}`}
            width="18"
            height="12"
            viewBox="0 0 18 12"
            aria-hidden="true"
          >
            {item.kind === 'dash' ? (
              <line
                x1="0"
                y1="6"
                x2="18"
                y2="6"
                stroke={item.swatch}
                stroke-width="2"
                stroke-dasharray="5,3"
              />
            ) : (
              <rect x="2.5" y="0.5" width="11" height="11" fill={item.swatch} stroke="#4a5566" />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  )
}

const heatCellText: Record<HeatState, string> = { attended: 'Yes', absent: 'No', not_admitted: '—' }

export function HeatMapSection(props: {
  svg: string | null
  rows: NetworkRow[]
  shown: number
  callDates: string[]
  states: HeatState[][]
  year: number
}) {
  if (!props.svg || props.callDates.length === 0 || props.rows.length === 0)
    return <p>No call counted for these organisations in {props.year} yet: there is nothing to map.</p>
  const rows = props.rows.slice(0, props.shown)
  return (
    <>
      <figure class="chart-figure">
        {/* Focusable: on a phone the map scrolls sideways, from the keyboard too. */}
        <section class="chart-scroll" aria-label="Heat map, scrolls sideways" tabindex={0}>
          {raw(props.svg)}
        </section>
        <figcaption>
          <Legend items={heatStates.map((s) => ({ label: heatStateLabels[s], swatch: heatColors[s] }))} />
          One row an organisation (in the table’s order), one column a call held in {props.year}.
          {props.shown < props.rows.length
            ? ` It shows the first ${props.shown} of ${props.rows.length} organisations: filter the table to see others.`
            : ''}
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>The heat map as a table</summary>
        <p class="note">
          Yes: attended. No: not attended. —: not admitted on that date, so the call does not count.
        </p>
        <section class="table-wrap" aria-label="Attendance by organisation and call" tabindex={0}>
          <table class="heat-table">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                {props.callDates.map((d) => (
                  <th scope="col">
                    <time datetime={d}>{shortDate(d)}</time>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr>
                  <th scope="row">{row.name}</th>
                  {props.callDates.map((_, c) => {
                    const state = props.states[r]?.[c] ?? 'not_admitted'
                    return <td class={`heat-${state}`}>{heatCellText[state]}</td>
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </>
  )
}

export function RateSection(props: {
  svg: string | null
  months: MonthlyAttendance[]
  requiredShare: number
  year: number
}) {
  if (!props.svg || props.months.length === 0)
    return <p>No call counted for these organisations in {props.year} yet: there is no rate to draw.</p>
  const required = `${Math.round(props.requiredShare * 100)}%`
  return (
    <>
      <figure class="chart-figure">
        {raw(props.svg)}
        <figcaption>
          <Legend
            items={[
              { label: 'Share of the calls attended', swatch: rateColors.bar },
              { label: `Required share: ${required}`, swatch: rateColors.required, kind: 'dash' },
            ]}
          />
          Each month: of the calls held while each organisation was admitted, the share its representative or
          alternate attended.
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>The rates as a table</summary>
        <section class="table-wrap" aria-label="Network attendance rate by month" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" class="num">
                  Organisation-calls held
                </th>
                <th scope="col" class="num">
                  Attended
                </th>
                <th scope="col" class="num">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {props.months.map((m) => (
                <tr>
                  <th scope="row">
                    {monthName(m.month)} {props.year}
                  </th>
                  <td class="num">{formatNumber(m.pairs)}</td>
                  <td class="num">{formatNumber(m.attended)}</td>
                  <td class="num">{formatRate(m.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </details>
    </>
  )
}
