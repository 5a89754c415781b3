import { TextArea } from '#src/ui/fields.tsx'
import { Field } from '#src/ui/form-parts.tsx'
import type { FigureInput } from './figures.ts'
import type { Metric } from './metrics.ts'
import { amountText, metricTitle, unitHint } from './outcome-parts.tsx'

/** What is typed into a figure form: `figure-<key>`, `note-<key>` and the form's other fields, by name. */
export type FormValues = Record<string, string>

/** The fields of figures already recorded, as the form shows them ('4,347', '$1,250,000.50'). */
export function figureValues(metrics: Metric[], figures: FigureInput[]): FormValues {
  const values: FormValues = {}
  for (const metric of metrics) {
    const figure = figures.find((f) => f.metric === metric.key)
    values[`figure-${metric.key}`] = figure?.actual == null ? '' : amountText(figure.actual, metric.unit)
    values[`note-${metric.key}`] = figure?.note ?? ''
  }
  return values
}

/** One amount and one note per metric; staff's comment on a figure, when it was returned, beside it. */
export function FigureFields(props: {
  metrics: Metric[]
  values: FormValues
  errors: Partial<Record<string, string>>
  comments?: Record<string, string>
}) {
  return (
    <div class="grid-2 figure-fields">
      {props.metrics.map((metric) => {
        const comment = props.comments?.[metric.key]
        return (
          <div class="card">
            <fieldset class="review-item">
              <legend class="review-legend">
                <strong>{metricTitle(metric)}</strong>
              </legend>
              {metric.description ? <p class="note">{metric.description}</p> : null}
              {comment ? (
                <div class="flash error" id={`staff-comment-${metric.key}`}>
                  <strong>Staff’s comment:</strong> {comment}
                </div>
              ) : null}
              <Field
                id={`figure-${metric.key}`}
                name={`figure-${metric.key}`}
                label={`${metric.name}: figure`}
                inputmode={metric.unit === 'usd' ? 'decimal' : 'numeric'}
                required={false}
                value={props.values[`figure-${metric.key}`] ?? ''}
                error={props.errors[`figure-${metric.key}`]}
                hint={unitHint(metric)}
              />
              <TextArea
                id={`note-${metric.key}`}
                name={`note-${metric.key}`}
                label={`${metric.name}: note (optional)`}
                value={props.values[`note-${metric.key}`] ?? ''}
                error={props.errors[`note-${metric.key}`]}
                rows={2}
                maxlength={2000}
              />
            </fieldset>
          </div>
        )
      })}
    </div>
  )
}

/** The figures of a report, read only: each metric, its amount and its note. */
export function FiguresTable(props: { metrics: Metric[]; figures: FigureInput[]; caption: string }) {
  const shown = props.metrics.filter(
    (m) => !m.retired || props.figures.some((f) => f.metric === m.key && f.actual !== null),
  )
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" class="num">
              Figure
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((metric) => {
            const figure = props.figures.find((f) => f.metric === metric.key)
            return (
              <tr>
                <th scope="row">{metricTitle(metric)}</th>
                <td class="num">{amountText(figure?.actual, metric.unit)}</td>
                <td>{figure?.note ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
