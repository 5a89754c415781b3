/** The map of organisations shaded by a chosen metric: the choice, the map, its legend and its table. */
import { raw } from 'hono/html'
import type { Metric } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'
import { Select } from '#src/ui/fields.tsx'
import { plural } from '#src/ui/format.ts'
import type { ImpactMap, MapShade } from './impact-map.ts'

const shadeLabel = (shade: MapShade, unit: Metric['unit']) =>
  shade.from === shade.to
    ? formatAmount(shade.from, unit)
    : `${formatAmount(shade.from, unit)} to ${formatAmount(shade.to, unit)}`

const regionDrawn = (c: { counties: number; states: number }) =>
  c.counties > 0
    ? `${c.counties} ${plural(c.counties, 'county', 'counties')}`
    : c.states > 0
      ? `${plural(c.states, 'The whole state', `${c.states} whole states`)} (counties not on record)`
      : 'Not on the map: no region on record'

function ShadeLegend(props: { shades: MapShade[]; unit: Metric['unit'] }) {
  return (
    <ul class="chart-legend" aria-label="Legend">
      {props.shades.map((shade) => (
        <li>
          <svg width="18" height="12" viewBox="0 0 18 12" aria-hidden="true">
            <rect x="2.5" y="0.5" width="13" height="11" fill={shade.color} stroke="#4a5566" />
          </svg>
          {shadeLabel(shade, props.unit)}
        </li>
      ))}
    </ul>
  )
}

export function MapSection(props: { metrics: Metric[]; chosen: Metric; map: ImpactMap }) {
  const { chosen, map } = props
  const label = chosen.name.toLowerCase()
  return (
    <section aria-labelledby="map-heading" id="map">
      <h2 id="map-heading">Where the outcomes are</h2>
      <form method="get" action="/impact#map" class="impact-map-choice">
        <Select
          id="metric"
          name="metric"
          label="Shade the organisations by"
          value={chosen.key}
          options={props.metrics.map((m) => ({ value: m.key, label: m.name }))}
        />
        <button type="submit" class="button secondary">
          Show on the map
        </button>
      </form>
      <figure class="map-figure">
        {raw(map.svg)}
        <figcaption>
          <ShadeLegend shades={map.shades} unit={chosen.unit} />
          Each organisation's region (its counties, or its whole states where counties are not on record),
          darker for more {label}: its verified figures of all time
          {chosen.sums ? '' : ' (the latest, since this figure does not add up)'}.
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>The map as a table</summary>
        <div class="table-wrap">
          <table>
            <caption class="note">Organisations on the map by {label}</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col" class="num">
                  {chosen.name}
                </th>
                <th scope="col">Region drawn</th>
              </tr>
            </thead>
            <tbody>
              {map.communities.map((c) => (
                <tr>
                  <th scope="row">{c.name}</th>
                  <td class="num">{formatAmount(c.value, chosen.unit)}</td>
                  <td>{regionDrawn(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}
