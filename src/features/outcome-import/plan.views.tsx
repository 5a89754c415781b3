import { formatAmount } from '#src/lib/money.ts'
import { formatNumber } from '#src/ui/format.ts'
import type { OutcomePlan, OutcomeProblem } from './plan.ts'

/** The problems a preview lists; a sheet with more is corrected in parts. */
const PROBLEMS_SHOWN = 200

/** Every problem by its row, saying what was expected: while one stays, nothing can be committed. */
export function Problems(props: { problems: OutcomeProblem[] }) {
  const { problems } = props
  return (
    <>
      <h2 id="problems-heading">Problems to correct</h2>
      <p>
        While a row has a problem nothing can be committed: correct these rows in the spreadsheet and upload
        it again.
      </p>
      <section class="table-wrap" aria-labelledby="problems-heading" tabindex={0}>
        <table>
          <caption class="visually-hidden">Problems by row of the file</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, PROBLEMS_SHOWN).map((p) => (
              <tr>
                <td>{p.row}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {problems.length > PROBLEMS_SHOWN ? (
        <p>
          The first {formatNumber(PROBLEMS_SHOWN)} problems are shown;{' '}
          {formatNumber(problems.length - PROBLEMS_SHOWN)} more follow. Correct these and upload the file
          again to see the rest.
        </p>
      ) : null}
    </>
  )
}

/** The reports committing would write: an organisation a row, a metric a column. */
export function PlannedFigures(props: { plan: OutcomePlan; year: string; blocked: boolean }) {
  const { plan } = props
  if (plan.reports.length === 0) return null
  const metrics = plan.metrics.filter((m) =>
    plan.reports.some((r) => r.figures.some((f) => f.metric === m.key)),
  )
  return (
    <>
      <h2 id="reports-heading">
        {props.blocked ? 'Reports to write once the problems are corrected' : 'Reports to write'}
      </h2>
      <section class="table-wrap" aria-labelledby="reports-heading" tabindex={0}>
        <table>
          <caption>Verified figures for {props.year}, by organization, as the file gives them</caption>
          <thead>
            <tr>
              <th scope="col">Organization</th>
              <th scope="col">Rows</th>
              {metrics.map((m) => (
                <th scope="col" class="num">
                  {m.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.reports.map((report) => {
              const figures = new Map(report.figures.map((f) => [f.metric, f]))
              return (
                <tr>
                  <th scope="row">{report.name}</th>
                  <td>{report.rows.join(', ')}</td>
                  {metrics.map((m) => {
                    const figure = figures.get(m.key)
                    return (
                      <td class="num">
                        {figure?.actual != null ? formatAmount(figure.actual, m.unit) : ''}
                        {figure?.note ? <span class="note"> ({figure.note})</span> : null}
                      </td>
                    )
                  })}
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </>
  )
}
