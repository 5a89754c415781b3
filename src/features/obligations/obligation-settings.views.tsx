import type { FieldErrors } from '#src/http/form.ts'
import { Select } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field, Flashes } from '#src/ui/form-parts.tsx'
import { formatDate, monthNames } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { describeCutoff, describeRecordsBegin, type ObligationSettingsValues } from './obligation-settings.ts'

const monthOptions = monthNames.map((label, i) => ({ value: String(i + 1), label }))

/** Staff set the day the network's records begin and the presentation's admission cut-off. */
export function ObligationSettingsPage(props: {
  values: ObligationSettingsValues
  errors: FieldErrors
  /** The stored setting (null: the first attended call), the day records begin in effect, the cut-off (MM-DD). */
  current: { setting: string | null; begins: string; cutoff: string }
  today: string
  saved: boolean
}) {
  const { values, errors, current } = props
  const beginsFrom = current.setting
    ? `Records begin on ${formatDate(current.begins)}, the date set here.`
    : `Records begin on ${formatDate(current.begins)}: no date is set, so the first call with any attendance decides.`
  return (
    <Layout title="Obligations settings">
      <div class="wrap identity-page">
        <StaffNav current="obligation-settings" />
        <h1>Obligations settings</h1>
        <p class="lede">Two dates decide what the obligations pages ask of each organisation.</p>
        <Flashes
          flash={props.saved ? { text: 'Saved: the obligations pages use the new dates.' } : undefined}
        />
        <ErrorSummary errors={errors} />
        <section aria-labelledby="now-heading">
          <h2 id="now-heading">In force now</h2>
          <ul>
            <li>
              {beginsFrom} {describeRecordsBegin(current.begins)}
            </li>
            <li>{describeCutoff(current.cutoff)}</li>
          </ul>
        </section>
        <form method="post" action="/staff/settings/obligations" class="stack" novalidate>
          <CsrfInput />
          <Field
            id="recordsBeginOn"
            name="recordsBeginOn"
            type="date"
            required={false}
            label="Records begin on"
            value={values.recordsBeginOn}
            error={errors.recordsBeginOn}
            max={props.today}
            hint={`A date no later than today (${formatDate(props.today)}). Leave empty to begin with the first call that has any attendance.`}
          />
          <fieldset>
            <legend>Presentation cut-off for organisations admitted during the year</legend>
            <Select
              id="cutoffMonth"
              name="cutoffMonth"
              label="Month"
              value={values.cutoffMonth}
              options={monthOptions}
              error={errors.cutoffMonth}
            />
            <Field
              id="cutoffDay"
              name="cutoffDay"
              type="number"
              inputmode="numeric"
              label="Day"
              min="1"
              max="31"
              value={values.cutoffDay}
              error={errors.cutoffDay}
              hint="Admitted on or after this day: no presentation that year. The default is October 1."
            />
          </fieldset>
          <div class="actions-row">
            <button type="submit" class="button">
              Save
            </button>
          </div>
        </form>
      </div>
    </Layout>
  )
}
