import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary } from '#src/ui/form-parts.tsx'
import type { FigureInput } from './figures.ts'
import type { Metric } from './metrics.ts'
import { amountText } from './outcome-parts.tsx'
import { FigureFields, type FormValues } from './report-figures.views.tsx'

/** Staff's two answers to a submitted report: verify it, or return it with a comment per figure. */
export function ReviewForms(props: {
  reportId: string
  metrics: Metric[]
  figures: FigureInput[]
  values: FormValues
  errors: Partial<Record<string, string>>
}) {
  const { values, errors } = props
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      <div class="two-col">
        <form method="post" action={`/outcomes/reports/${props.reportId}/verify`} class="card" novalidate>
          <CsrfInput />
          <h3>Verify</h3>
          <p>Verified figures count in the network’s totals and on the organisation’s public profile.</p>
          <TextArea
            id="verify-comment"
            name="comment"
            label="Comment (optional)"
            value={values['verify-comment'] ?? ''}
            error={errors['verify-comment']}
            rows={2}
          />
          <button type="submit" class="button">
            Verify the report
          </button>
        </form>
        <form method="post" action={`/outcomes/reports/${props.reportId}/return`} class="card" novalidate>
          <CsrfInput />
          <h3>Return for changes</h3>
          <ErrorSummary errors={errors} nothing="changed" />
          <p>Comment on each figure to look at again; the representative sees your comment beside it.</p>
          {props.metrics.map((metric) => {
            const figure = props.figures.find((f) => f.metric === metric.key)
            return (
              <TextArea
                id={`comment-${metric.key}`}
                name={`comment-${metric.key}`}
                label={`On ${metric.name} (${amountText(figure?.actual, metric.unit)})`}
                value={values[`comment-${metric.key}`] ?? ''}
                error={errors[`comment-${metric.key}`]}
                rows={2}
                maxlength={2000}
              />
            )
          })}
          <TextArea
            id="comment"
            name="comment"
            label="General comment"
            value={values.comment ?? ''}
            error={errors.comment}
            rows={3}
            maxlength={2000}
          />
          <button type="submit" class="button secondary">
            Return the report
          </button>
        </form>
      </div>
    </section>
  )
}

/** Staff's correction of a verified report: new figures and the reason, kept as a revision. */
export function CorrectionForm(props: {
  reportId: string
  metrics: Metric[]
  values: FormValues
  errors: Partial<Record<string, string>>
}) {
  return (
    <section aria-labelledby="correct-heading">
      <h2 id="correct-heading">Correct the verified figures</h2>
      <p>
        A correction is a new revision: the figures as verified stay in the history below, with your reason.
      </p>
      <details open={Object.keys(props.errors).length > 0 ? true : undefined}>
        <summary>Correct the figures</summary>
        <ErrorSummary errors={props.errors} nothing="changed" />
        <form method="post" action={`/outcomes/reports/${props.reportId}/correct`} novalidate>
          <CsrfInput />
          <FigureFields metrics={props.metrics} values={props.values} errors={props.errors} />
          <TextArea
            id="reason"
            name="reason"
            label="Reason for the correction (required)"
            value={props.values.reason ?? ''}
            error={props.errors.reason}
            rows={3}
            maxlength={2000}
            required
          />
          <button type="submit" class="button">
            Record the correction
          </button>
        </form>
      </details>
    </section>
  )
}
