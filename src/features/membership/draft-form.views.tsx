import { type BffKind, bffKinds } from '#src/db/schema/index.ts'
import { bffKindLabels, RegionPicker } from '#src/features/organizations/index.ts'
import { Select, TextArea } from '#src/ui/fields.tsx'
import { ButtonForm, CsrfInput, Field, type FieldProps } from '#src/ui/form-parts.tsx'
import { plural } from '#src/ui/format.ts'
import type { ApplicationPageProps } from './application-page.views.tsx'
import {
  draftFieldsOf,
  draftFieldHints as fieldHints,
  draftFieldLabels as fieldLabels,
} from './draft-fields.ts'
import { EvidenceSection } from './evidence.views.tsx'
import { designationProgramCodes, designationProgramLabels } from './labels.ts'
import { missingForSubmission } from './missing-for-submission.ts'
import { NomineesSection } from './nominees.views.tsx'
import { ProblemList } from './problem-list.views.tsx'
import type { ApplicationDetail, DesignationRow, DraftField } from './types.ts'

const fieldAnchor = (field: DraftField) =>
  field === 'designations'
    ? '#designations'
    : field === 'bffKind'
      ? '#field-bffKind'
      : field === 'nominees'
        ? '#seats'
        : `#field-${field}`

export function DraftForms(props: ApplicationPageProps) {
  const { app, form, errors } = props
  const fields = draftFieldsOf(app.category)
  const problems = fields
    .filter((f) => errors[f])
    .map((f) => ({ href: fieldAnchor(f), label: fieldLabels[f], message: errors[f] ?? '' }))
  const common = (field: DraftField) => ({
    id: `field-${field}`,
    name: field,
    label: fieldLabels[field],
    value: form[field] as string,
    error: errors[field],
    hint: fieldHints[field],
  })
  const text = (field: DraftField, extra: Pick<FieldProps, 'type' | 'autocomplete'> = {}) =>
    fields.includes(field) ? <Field {...common(field)} required={false} {...extra} /> : null
  const box = (field: DraftField, rows: number) =>
    fields.includes(field) ? <TextArea {...common(field)} rows={rows} /> : null
  return (
    <>
      <ProblemList
        title={`Some of what you typed was not saved: ${plural(problems.length, 'one field needs', `${problems.length} fields need`)} a change. Everything else is saved.`}
        problems={problems}
      />
      <form
        method="post"
        action={`/applications/${app.id}`}
        // Member drafts upload evidence with this form (the evidence cards' fields belong to it).
        enctype={app.category === 'member' ? 'multipart/form-data' : undefined}
        class="form-card"
        id="draft-form"
        novalidate
      >
        <CsrfInput />
        <section class="form-section" aria-labelledby="organisation-heading">
          <h2 id="organisation-heading">The organisation</h2>
          {text('organizationName', { autocomplete: 'organization' })}
          {text('shortName')}
          {text('leadOrganization')}
          {text('website', { type: 'url', autocomplete: 'url' })}
          {box('summary', 6)}
        </section>
        {app.category === 'member' ? (
          <>
            <section class="form-section" aria-labelledby="partners-heading">
              <h2 id="partners-heading">Partners and focus</h2>
              {box('partners', 8)}
              {box('focusIndustries', 4)}
            </section>
            <Designations rows={form.designations} error={errors.designations} />
            <RegionPicker
              states={form.states}
              counties={form.counties}
              statesError={errors.states}
              countiesError={errors.counties}
            />
          </>
        ) : (
          <section class="form-section" aria-labelledby="bff-heading">
            <h2 id="bff-heading">As a BFF</h2>
            <BffKindField value={form.bffKind} error={errors.bffKind} />
            {box('openSourceValue', 6)}
          </section>
        )}
        <NomineesSection
          nominees={form.nominees}
          commitments={form.commitments}
          nomineesError={errors.nominees}
          commitmentsError={errors.commitments}
        />
        <p>
          <button type="submit" class="button">
            Save the draft
          </button>
        </p>
      </form>
      {app.category === 'member' ? (
        <EvidenceSection app={app} canChange evidenceError={props.evidenceError} formId="draft-form" />
      ) : null}
      <SubmitSection app={app} missing={props.missing} />
    </>
  )
}

function Designations(props: { rows: DesignationRow[]; error?: string }) {
  const rows = [...props.rows, { program: '', other: '', kind: 'designated', date: '' }]
  const programOptions = [
    { value: '', label: 'None' },
    ...designationProgramCodes.map((code) => ({ value: code, label: designationProgramLabels[code] })),
    { value: 'other', label: 'Another program' },
  ]
  return (
    <section class="form-section" id="designations" aria-labelledby="designations-heading">
      <h2 id="designations-heading">Designations</h2>
      <p class="hint">
        Federal designations of your community, such as IMCP or DMCSP. Save to get a new empty row; empty a
        row’s program and date to remove it.
      </p>
      {props.error ? (
        <p class="error" id="designations-error">
          {props.error}
        </p>
      ) : null}
      {rows.map((row, i) => (
        <fieldset class="group designation-row">
          <legend>{i < props.rows.length ? `Designation ${i + 1}` : 'Add a designation'}</legend>
          <Select
            id={`designation-${i}-program`}
            name="designationProgram"
            label="Program"
            value={row.program}
            options={programOptions}
          />
          <Field
            id={`designation-${i}-other`}
            name="designationOther"
            label="Another program’s name"
            value={row.other}
            required={false}
          />
          <Select
            id={`designation-${i}-kind`}
            name="designationKind"
            label="Kind"
            value={row.kind || 'designated'}
            options={[
              { value: 'designated', label: 'Designated' },
              { value: 'redesignated', label: 'Redesignated' },
            ]}
          />
          <Field
            type="date"
            id={`designation-${i}-date`}
            name="designationDate"
            label="Date"
            value={row.date}
            min="1990-01-01"
            required={false}
          />
        </fieldset>
      ))}
    </section>
  )
}

function BffKindField(props: { value: string; error?: string }) {
  return (
    <fieldset
      class="group"
      id="field-bffKind"
      aria-describedby={props.error ? 'field-bffKind-error' : undefined}
    >
      <legend>{fieldLabels.bffKind}</legend>
      {props.error ? (
        <p class="error" id="field-bffKind-error">
          {props.error}
        </p>
      ) : null}
      <input type="hidden" name="bffKind" value="" />
      <ul class="choice-list">
        {bffKinds.map((kind: BffKind) => (
          <li class="choice">
            <input
              type="radio"
              id={`bffKind-${kind}`}
              name="bffKind"
              value={kind}
              checked={props.value === kind}
            />
            <label for={`bffKind-${kind}`}>{bffKindLabels[kind]}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

function SubmitSection(props: { app: ApplicationDetail; missing?: string[] }) {
  const { app } = props
  const isRefused = props.missing !== undefined && props.missing.length > 0
  const missing = props.missing ?? missingForSubmission(app, app.evidence)
  return (
    <section class="form-section card" id="submit" aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit the application</h2>
      {missing.length > 0 ? (
        <div class={isRefused ? 'flash error' : 'missing-box'} role={isRefused ? 'alert' : undefined}>
          <p>
            {isRefused ? 'The application was not submitted. It still needs:' : 'Before you submit, add:'}
          </p>
          <ul class="missing">
            {missing.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          <strong>Everything needed is there.</strong>
        </p>
      )}
      <p>
        {app.category === 'member'
          ? 'Staff then check each criterion and its evidence, and the Advisory Board decides.'
          : 'The Advisory Board then decides by vote.'}{' '}
        Once submitted, the details can no longer be changed.
      </p>
      <ButtonForm action={`/applications/${app.id}/submit`}>Submit the application</ButtonForm>
    </section>
  )
}
