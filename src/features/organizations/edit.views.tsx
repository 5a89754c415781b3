import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Field } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
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

/** One field of the profile form: a text box, or a one-line address field for the website. */
function ProfileField(props: {
  name: EditableField
  values: OrganizationEditForm
  errors: Props['errors']
  rows?: number
}) {
  const { name } = props
  const shared = {
    id: `field-${name}`,
    name,
    label: labels[name],
    hint: hints[name],
    error: props.errors[name],
    value: props.values[name],
  }
  if (props.rows) return <TextArea {...shared} rows={props.rows} />
  return <Field {...shared} type="text" inputmode="url" autocomplete="url" required={false} />
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
              {plural(problems.length, 'one field needs', `${problems.length} fields need`)} a change.
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
          <CsrfInput />
          <ProfileField name="summary" values={values} errors={errors} rows={8} />
          <ProfileField name="website" values={values} errors={errors} />
          <ProfileField name="focusIndustries" values={values} errors={errors} rows={5} />
          <ProfileField name="partners" values={values} errors={errors} rows={12} />
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
