import type { Child } from 'hono/jsx'
import { acceptAttribute } from '#src/features/files/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { describedBy, FieldShell, TextArea } from '#src/ui/fields.tsx'
import { CsrfInput } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import {
  type BriefingOption,
  channelSuggestions,
  type SharingErrors,
  type SharingField,
  type SharingForm,
} from './sharing-form.ts'

const fieldId = (field: SharingField) => `sharing-${field}`

/** The order of the fields on the form, for the error summary. */
const fieldOrder: SharingField[] = [
  'sharedOn',
  'audience',
  'channel',
  'briefingIds',
  'description',
  'evidenceUrl',
  'evidenceFile',
]

function TextInput(props: {
  field: 'sharedOn' | 'audience' | 'channel' | 'evidenceUrl'
  label: string
  value: string
  error?: string
  hint: Child
  type?: 'text' | 'date' | 'url'
  required?: boolean
  min?: string
  max?: string
  list?: string
}) {
  const control = { ...props, id: fieldId(props.field), name: props.field }
  return (
    <FieldShell {...control}>
      <input
        id={control.id}
        name={props.field}
        type={props.type ?? 'text'}
        value={props.value}
        required={props.required ?? true}
        min={props.min}
        max={props.max}
        list={props.list}
        autocomplete="off"
        inputmode={props.type === 'url' ? 'url' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(control).ids}
      />
    </FieldShell>
  )
}

function BriefingChoices(props: { briefings: BriefingOption[]; chosen: string[]; error?: string }) {
  return (
    <fieldset
      class="group"
      id={fieldId('briefingIds')}
      aria-describedby={describedBy({ id: fieldId('briefingIds'), error: props.error, hint: true }).ids}
    >
      <legend>Briefings shared</legend>
      {props.error ? (
        <p class="error" id={`${fieldId('briefingIds')}-error`}>
          {props.error}
        </p>
      ) : null}
      {(['briefing', 'resource'] as const).map((kind) => {
        const items = props.briefings.filter((b) => (b.kind ?? 'briefing') === kind)
        if (items.length === 0) return null
        return (
          <>
            <p class="choice-group-name">
              <strong>{kind === 'briefing' ? 'Briefings' : 'Resources'}</strong>
            </p>
            <ul class="choice-list">
              {items.map((b) => (
                <li class="choice">
                  <input
                    type="checkbox"
                    id={`sharing-briefing-${b.id}`}
                    name="briefingIds"
                    value={b.id}
                    checked={props.chosen.includes(b.id)}
                  />
                  <label for={`sharing-briefing-${b.id}`}>
                    {b.title} <span class="note">(published {formatDate(b.publishedOn)})</span>
                  </label>{' '}
                  {b.tags && b.tags.length > 0 ? <span class="note">{b.tags.join(', ')}</span> : null}{' '}
                  {b.slug ? (
                    <a
                      href={`/library/${b.slug}`}
                      target="_blank"
                      rel="noopener"
                      aria-label={`Read “${b.title}” (opens a new tab)`}
                    >
                      Read
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )
      })}
      <p class="hint" id={`${fieldId('briefingIds')}-hint`}>
        {props.briefings.length === 0
          ? 'No briefing has been published in the last two years, so there is none to tick: say what you shared below.'
          : 'Tick the briefings and resources of the library you passed on, if any; published in the last two years, newest first.'}
      </p>
    </fieldset>
  )
}

/** The form a representative or alternate records a sharing action with (a file upload: multipart). */
export function RecordSharingForm(props: {
  org: OrganizationRef
  today: string
  earliest: string
  briefings: BriefingOption[]
  values: SharingForm
  errors: SharingErrors
  fileWasChosen: boolean
}) {
  const { values, errors } = props
  const problems = fieldOrder.filter((f) => errors[f])
  return (
    <form
      method="post"
      // A refusal comes back as this page: the fragment brings the reader back to the form.
      action={`/organizations/${props.org.slug}/sharing#record-heading`}
      enctype="multipart/form-data"
      class="form-card sharing-form"
      novalidate
      aria-labelledby="record-heading"
    >
      <CsrfInput />
      {problems.length > 0 ? (
        <div class="flash error" role="alert" id="sharing-errors">
          <p>
            {problems.length === 1
              ? 'Nothing was recorded: correct the field marked below.'
              : `Nothing was recorded: correct the ${problems.length} fields marked below.`}
          </p>
          <ul>
            {problems.map((f) => (
              <li>
                <a href={`#${fieldId(f)}`}>{errors[f]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <TextInput
        field="sharedOn"
        label="Date shared"
        type="date"
        value={values.sharedOn}
        min={props.earliest}
        max={props.today}
        error={errors.sharedOn}
        hint={`Today or an earlier day, from ${formatDate(props.earliest)} on.`}
      />
      <TextInput
        field="audience"
        label="Audience"
        value={values.audience}
        error={errors.audience}
        hint="Who received it, such as “Regional partners’ steering committee”. Up to 200 characters."
      />
      <TextInput
        field="channel"
        label="Channel"
        value={values.channel}
        list="sharing-channels"
        error={errors.channel}
        hint="How you shared it: choose a suggestion or type your own, up to 100 characters."
      />
      <datalist id="sharing-channels">
        {channelSuggestions.map((c) => (
          <option value={c} />
        ))}
      </datalist>
      <BriefingChoices briefings={props.briefings} chosen={values.briefingIds} error={errors.briefingIds} />
      <TextArea
        id={fieldId('description')}
        name="description"
        label="What was shared (optional)"
        rows={4}
        value={values.description}
        error={errors.description}
        hint="Resources other than briefings, what the audience made of it. Up to 2,000 characters."
      />
      <fieldset class="group">
        <legend>Evidence (optional)</legend>
        <TextInput
          field="evidenceUrl"
          label="Link"
          type="url"
          required={false}
          value={values.evidenceUrl}
          error={errors.evidenceUrl}
          hint="A web address showing the sharing, such as the newsletter online or the meeting’s minutes."
        />
        <FieldShell
          id={fieldId('evidenceFile')}
          name="evidenceFile"
          label="File"
          error={errors.evidenceFile}
          hint={
            props.fileWasChosen && problems.length > 0 && !errors.evidenceFile
              ? 'Choose the file again: a file is not kept while other fields need a correction. PDF, Word, Excel, PowerPoint, PNG or JPEG, up to 20 MB.'
              : 'A PDF, Word, Excel, PowerPoint, PNG or JPEG file, up to 20 MB: an agenda, a newsletter, a screenshot.'
          }
        >
          <input
            type="file"
            id={fieldId('evidenceFile')}
            name="evidenceFile"
            accept={acceptAttribute}
            aria-invalid={errors.evidenceFile ? 'true' : undefined}
            aria-describedby={
              describedBy({ id: fieldId('evidenceFile'), error: errors.evidenceFile, hint: true }).ids
            }
          />
        </FieldShell>
      </fieldset>
      <button type="submit" class="button">
        Record the sharing
      </button>
    </form>
  )
}
