/** A chart per metric over the years, each with its figures as a table. */
import { raw } from 'hono/html'
import type { Metric, Rollup } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'
import { yearBarsChart } from './impact-charts.ts'

export type MetricYears = { metric: Metric; years: { year: number; total: number | null }[] }

/**
 * Each metric that sums and has a verified figure, with its network total for every year from
 * the first with a verified figure to the latest (null: none verified that year).
 */
export function metricsOverYears(metrics: readonly Metric[], rollup: Rollup): MetricYears[] {
  const years = rollup.byYear.map((g) => Number(g.group)).filter((y) => Number.isInteger(y))
  if (years.length === 0) return []
  const first = Math.min(...years)
  const last = Math.max(...years)
  const span = Array.from({ length: last - first + 1 }, (_, i) => first + i)
  return metrics
    .filter((metric) => metric.sums)
    .map((metric) => ({
      metric,
      years: span.map((year) => ({
        year,
        total:
          rollup.byYear.find((g) => g.group === String(year))?.metrics.find((m) => m.key === metric.key)
            ?.total ?? null,
      })),
    }))
    .filter((entry) => entry.years.some((y) => y.total !== null))
}

const yearText = (unit: Metric['unit'], total: number | null) =>
  total === null ? 'no verified figures' : formatAmount(total, unit)

export function MetricChart(props: { entry: MetricYears }) {
  const { metric, years } = props.entry
  const id = `chart-${metric.key}`
  const label = `${metric.name}, verified network total by year: ${years
    .map((y) => `${y.year}: ${yearText(metric.unit, y.total)}`)
    .join('; ')}.`
  return (
    <section aria-labelledby={id} class="impact-chart-section">
      <h3 id={id}>{metric.name}</h3>
      <figure class="chart-figure">
        {raw(yearBarsChart({ years, unit: metric.unit, label }))}
        <figcaption>
          {metric.description ? `${metric.description} ` : ''}Verified figures of each year, counted in the
          year a report's period ends.
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>{metric.name} by year as a table</summary>
        <div class="table-wrap">
          <table>
            <caption class="note">{metric.name}: verified network total by year</caption>
            <thead>
              <tr>
                <th scope="col">Year</th>
                <th scope="col" class="num">
                  {metric.name}
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map((y) => (
                <tr>
                  <th scope="row">{y.year}</th>
                  <td class="num">{y.total === null ? '—' : formatAmount(y.total, metric.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}
