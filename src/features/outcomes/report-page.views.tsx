import { acceptAttribute, acceptedKindsText } from '#src/features/files/index.ts'
import { webHref } from '#src/lib/web-address.ts'
import { FileField, TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import type { Metric } from './metrics.ts'
import { ReportStatus } from './outcome-parts.tsx'
import { periodLabel } from './periods.ts'
import { FigureFields, FiguresTable, type FormValues } from './report-figures.views.tsx'
import { ReportHistory } from './report-history.views.tsx'
import type { ReportDetail } from './report-queries.ts'
import { CorrectionForm, ReviewForms } from './report-staff.views.tsx'

/** What a form on the report page was sent back with: its name, what was typed and the messages. */
export type ReportAttempt = {
  form: 'edit' | 'return' | 'correct'
  values: FormValues
  errors: Partial<Record<string, string>>
}

function Lines(props: { text: string }) {
  return (
    <p>
      {props.text.split('\n').map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </p>
  )
}

function Narrative(props: { report: ReportDetail }) {
  const { note, evidenceFile } = props.report
  const evidenceUrl = webHref(props.report.evidenceUrl)
  return (
    <section aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">Narrative and evidence</h2>
      {note ? <Lines text={note} /> : <p>No narrative was written.</p>}
      {evidenceUrl ? (
        <p>
          Evidence:{' '}
          <a href={evidenceUrl} rel="noopener noreferrer">
            {evidenceUrl}
          </a>
        </p>
      ) : null}
      {evidenceFile ? (
        <p>
          Evidence file: <a href={`/outcomes/reports/${props.report.id}/evidence`}>{evidenceFile.name}</a>
        </p>
      ) : null}
      {!evidenceFile && !evidenceUrl ? <p>No evidence was given.</p> : null}
    </section>
  )
}

function EditForm(props: {
  report: ReportDetail
  metrics: Metric[]
  values: FormValues
  errors: Partial<Record<string, string>>
}) {
  const { report, values, errors } = props
  const returned =
    report.status === 'returned' ? report.events.findLast((e) => e.action === 'returned') : undefined
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">Figures</h2>
      {returned ? (
        <div class="flash attention" role="status">
          <p>
            <strong>Staff returned the report</strong>
            {returned.personName ? ` (${returned.personName})` : ''}. Look again at the figures they commented
            on, then submit it again.
          </p>
          {returned.comment ? <p>General comment: {returned.comment}</p> : null}
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/outcomes/reports/${report.id}`} enctype="multipart/form-data" novalidate>
        <CsrfInput />
        <FigureFields
          metrics={props.metrics}
          values={values}
          errors={errors}
          comments={returned?.figureComments}
        />
        <TextArea
          id="narrative"
          name="narrative"
          label="Narrative"
          hint="What the figures mean, in the community’s words. Once staff verify the report, it is shown with the figures on the public profile."
          value={values.narrative ?? ''}
          error={errors.narrative}
          rows={6}
          maxlength={5000}
        />
        <Field
          id="evidenceUrl"
          name="evidenceUrl"
          type="url"
          label="Evidence (a link, optional)"
          hint="An address starting with https:// where staff can check the figures: a report, a press release."
          required={false}
          value={values.evidenceUrl ?? ''}
          error={errors.evidenceUrl}
        />
        {report.evidenceFile ? (
          <p>
            Evidence file kept:{' '}
            <a href={`/outcomes/reports/${report.id}/evidence`}>{report.evidenceFile.name}</a>
          </p>
        ) : null}
        <FileField
          id="evidenceFile"
          name="evidenceFile"
          label={
            report.evidenceFile
              ? `Replace the evidence file (${report.evidenceFile.name})`
              : 'Evidence (a file, optional)'
          }
          hint={`${acceptedKindsText}, at most 20 MB.`}
          accept={acceptAttribute}
          error={errors.evidenceFile}
        />
        {report.evidenceFile ? (
          <div class="choice">
            <input type="checkbox" id="removeEvidenceFile" name="removeEvidenceFile" value="on" />
            <label for="removeEvidenceFile">Remove the evidence file</label>
          </div>
        ) : null}
        <div class="actions-row">
          <button type="submit" name="action" value="submit" class="button">
            Submit to staff
          </button>
          <button type="submit" name="action" value="save" class="button secondary">
            Save draft
          </button>
        </div>
      </form>
    </section>
  )
}

/** An outcome report: its figures (a form while it is a draft or returned), staff's forms, and every round. */
export function ReportPage(props: {
  report: ReportDetail
  /** The metrics in use (the forms ask for these). */
  metrics: Metric[]
  /** Every metric, retired ones too (the history may name them). */
  allMetrics: Metric[]
  canEdit: boolean
  isStaff: boolean
  values: { edit: FormValues; review: FormValues; correct: FormValues }
  attempt?: ReportAttempt
  flash?: FlashMessage
}) {
  const { report, attempt } = props
  const errorsOf = (form: ReportAttempt['form']) => (attempt?.form === form ? attempt.errors : {})
  const valuesOf = (form: ReportAttempt['form'], fallback: FormValues) =>
    attempt?.form === form ? attempt.values : fallback
  const period = periodLabel({ start: report.periodStart, end: report.periodEnd })
  const editable = props.canEdit && (report.status === 'draft' || report.status === 'returned')
  return (
    <Layout title={`Outcome report: ${report.organizationName}, ${period}`}>
      <div class="wrap">
        <p class="breadcrumbs">
          <a href={`/outcomes?organization=${report.organizationSlug}`}>Outcome reports</a>
        </p>
        <h1>
          Outcome report: {report.organizationName}, {period}
        </h1>
        <p>
          <ReportStatus status={report.status} /> Round {report.round}.{' '}
          <a href={`/organizations/${report.organizationSlug}`}>Public profile</a>
        </p>
        <Flashes flash={props.flash} />
        {report.status === 'submitted' && !props.isStaff ? (
          <p>Staff are checking the report. You will see their answer here.</p>
        ) : null}
        {editable ? (
          <EditForm
            report={report}
            metrics={props.metrics}
            values={valuesOf('edit', props.values.edit)}
            errors={errorsOf('edit')}
          />
        ) : (
          <>
            <FiguresTable
              metrics={props.allMetrics}
              figures={report.figures}
              caption={`Figures for ${period}`}
            />
            <Narrative report={report} />
          </>
        )}
        {props.isStaff && report.status === 'submitted' ? (
          <ReviewForms
            reportId={report.id}
            metrics={props.metrics}
            figures={report.figures}
            values={valuesOf('return', props.values.review)}
            errors={errorsOf('return')}
          />
        ) : null}
        {props.isStaff && report.status === 'verified' ? (
          <CorrectionForm
            reportId={report.id}
            metrics={props.metrics}
            values={valuesOf('correct', props.values.correct)}
            errors={errorsOf('correct')}
          />
        ) : null}
        <ReportHistory events={report.events} metrics={props.allMetrics} />
      </div>
    </Layout>
  )
}
