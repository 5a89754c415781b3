import { getContext } from 'hono/context-storage'
import type { AppEnv } from '#src/http/deps.ts'
import { csrfToken } from '#src/http/guard.ts'
import { formatNumber } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { EditableField, OrganizationEditForm } from './edit.ts'
import { profileLimits } from './edit.ts'

type Props = {
  org: { slug: string; name: string }
  /** What the fields show: the record, or what the person typed when it did not pass. */
  values: OrganizationEditForm
  errors: Partial<Record<EditableField, string>>
}

const labels: Record<EditableField, string> = {
  summary: 'Summary',
  website: 'Website',
  focusIndustries: 'Focus industries',
  partners: 'Partner organisations',
}

const hints: Record<EditableField, string> = {
  summary: `A few sentences about the community, shown at the top of the profile. Up to ${formatNumber(profileLimits.summary)} characters.`,
  website: `A full address starting with http:// or https://. Up to ${profileLimits.website} characters; leave empty for none.`,
  focusIndustries: `One a line, up to ${profileLimits.focusLines} lines of ${profileLimits.focusLength} characters each.`,
  partners: `One organisation a line, in the order to show them: up to ${profileLimits.partnerLines} lines of ${profileLimits.partnerLength} characters each. The partner count on the profile is counted from this list. A partner that stays on the list keeps the website on record for it.`,
}

/**
 * The form token, taken while the page renders: after the header's sign-out form, so that on a
 * first visit (no token cookie yet) the cookie set last, which the browser keeps, is this one.
 */
function FormToken() {
  const c = getContext<AppEnv>()
  return <input type="hidden" name="_csrf" value={csrfToken(c, c.get('origin'))} />
}

function Field(props: {
  name: EditableField
  values: OrganizationEditForm
  errors: Props['errors']
  rows?: number
}) {
  const { name } = props
  const id = `field-${name}`
  const error = props.errors[name]
  const describedBy = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={id}>{labels[name]}</label>
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {props.rows ? (
        <textarea
          id={id}
          name={name}
          rows={props.rows}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {props.values[name]}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type="text"
          inputmode="url"
          autocomplete="url"
          value={props.values[name]}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
      <p class="hint" id={`${id}-hint`}>
        {hints[name]}
      </p>
    </div>
  )
}

/** The form a representative, an alternate or staff uses to edit an organisation's profile. */
export function EditOrganizationPage(props: Props) {
  const { org, values, errors } = props
  const problems = (Object.keys(errors) as EditableField[]).filter((f) => errors[f])
  return (
    <Layout title={`Edit ${org.name}`}>
      <div class="wrap">
        <p>
          <a href={`/organizations/${org.slug}`}>← Public profile</a>
        </p>
        <h1>Edit the profile of {org.name}</h1>
        <p class="lede">What you save here appears on the public profile and in the API at once.</p>
        {problems.length > 0 ? (
          <div class="flash error" role="alert" id="form-problems">
            <p>
              The profile was not saved:{' '}
              {problems.length === 1 ? 'one field needs' : `${problems.length} fields need`} a change.
            </p>
            <ul>
              {problems.map((f) => (
                <li>
                  <a href={`#field-${f}`}>{labels[f]}</a>: {errors[f]}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p>
          The region (states and counties) has its own page:{' '}
          <a href={`/organizations/${org.slug}/region`}>edit the region</a>.
        </p>
        <form method="post" action={`/organizations/${org.slug}/edit`} class="form-card" novalidate>
          <FormToken />
          <Field name="summary" values={values} errors={errors} rows={8} />
          <Field name="website" values={values} errors={errors} />
          <Field name="focusIndustries" values={values} errors={errors} rows={5} />
          <Field name="partners" values={values} errors={errors} rows={12} />
          <div class="actions">
            <button type="submit" class="button">
              Save the profile
            </button>{' '}
            <a class="button secondary" href={`/organizations/${org.slug}`}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </Layout>
  )
}
