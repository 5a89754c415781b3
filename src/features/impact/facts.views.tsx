/** Staff's page of an organisation's reported facts: the list with a remove button each, and the form to add one. */
import { factQualifiers, factTopics, metricUnits } from '#src/db/schema/index.ts'
import { factValueText, type ReportedFact } from '#src/features/outcomes/index.ts'
import type { FieldErrors } from '#src/http/form.ts'
import { webHref } from '#src/lib/web-address.ts'
import { Select } from '#src/ui/fields.tsx'
import { ButtonForm, CsrfInput, ErrorSummary, Field, Flashes } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { FactOrganization } from './facts-data.ts'
import { qualifierLabels, topicLabels, topicWords, unitLabels } from './facts-form.ts'

const PATH = '/staff/outcomes/facts'

export type FactValues = Record<string, string>

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((value) => ({ value, label: labels[value] }))

function Picker(props: { organizations: FactOrganization[] }) {
  return (
    <form method="get" action={PATH} class="stack">
      <Select
        id="organization"
        name="organization"
        label="Organisation"
        options={props.organizations.map((o) => ({ value: o.slug, label: o.name }))}
      />
      <div class="actions-row">
        <button type="submit" class="button">
          Show its reported facts
        </button>
      </div>
    </form>
  )
}

function FactList(props: { organization: FactOrganization; facts: ReportedFact[] }) {
  if (props.facts.length === 0) return <p>No reported fact on record yet.</p>
  return (
    <ul class="org-list" aria-label={`Reported facts of ${props.organization.name}, oldest first`}>
      {props.facts.map((fact) => {
        const href = webHref(fact.sourceUrl)
        return (
          <li>
            <p>
              <strong>{fact.label}:</strong> {factValueText(fact)}
            </p>
            <p class="note">
              {topicWords[fact.topic]} · as of {formatDate(fact.asOf)} · source:{' '}
              {href ? <a href={href}>{fact.sourceTitle}</a> : fact.sourceTitle}
            </p>
            <ButtonForm
              action={`${PATH}/${fact.id}/remove`}
              buttonClass="button secondary"
              ariaLabel={`Remove ${fact.label}`}
              fields={{ organization: props.organization.slug }}
            >
              Remove
            </ButtonForm>
          </li>
        )
      })}
    </ul>
  )
}

function AddForm(props: {
  organization: FactOrganization
  values: FactValues
  errors: FieldErrors
  today: string
}) {
  const { values: v, errors: e } = props
  return (
    <form method="post" action={PATH} class="stack form-card" novalidate>
      <CsrfInput />
      <input type="hidden" name="organization" value={props.organization.slug} />
      <Select
        id="topic"
        name="topic"
        label="About"
        value={v.topic ?? 'other'}
        options={options(factTopics, topicLabels)}
        error={e.topic}
      />
      <Field
        id="label"
        name="label"
        label="What it counts"
        value={v.label}
        error={e.label}
        maxlength={200}
        hint="As the source words it: supporting organisations, federal funding preference."
      />
      <div class="grid-2">
        <Select
          id="qualifier"
          name="qualifier"
          label="The value reads"
          value={v.qualifier ?? 'exactly'}
          options={options(factQualifiers, qualifierLabels)}
          error={e.qualifier}
        />
        <Select
          id="unit"
          name="unit"
          label="Unit"
          value={v.unit ?? 'count'}
          options={options(metricUnits, unitLabels)}
          error={e.unit}
        />
      </div>
      <Field
        id="value"
        name="value"
        label="Value"
        inputmode="decimal"
        value={v.value}
        error={e.value}
        hint="A whole number such as 84, or dollars such as 1,300,000,000."
      />
      <Field
        id="asOf"
        name="asOf"
        type="date"
        label="Date of the figure"
        value={v.asOf}
        error={e.asOf}
        max={props.today}
        hint="The date the source gives the figure for."
      />
      <Field
        id="sourceTitle"
        name="sourceTitle"
        label="Source"
        value={v.sourceTitle}
        error={e.sourceTitle}
        maxlength={300}
        hint="The document's title, such as the press release."
      />
      <Field
        id="sourceUrl"
        name="sourceUrl"
        type="url"
        label="Link to the source"
        maxlength={2000}
        required={false}
        value={v.sourceUrl}
        error={e.sourceUrl}
        hint="Optional: an address starting with https://."
      />
      {e.form ? <p class="error">{e.form}</p> : null}
      <div class="actions-row">
        <button type="submit" class="button">
          Record the fact
        </button>
      </div>
    </form>
  )
}

export function FactsPage(props: {
  organization?: FactOrganization
  organizations?: FactOrganization[]
  facts?: ReportedFact[]
  values?: FactValues
  errors?: FieldErrors
  flash?: string
  today: string
}) {
  const org = props.organization
  return (
    <Layout title={org ? `Reported facts of ${org.name}` : 'Reported facts'}>
      <div class="wrap">
        <StaffNav current="outcome-facts" />
        <h1>{org ? `Reported facts of ${org.name}` : 'Reported facts'}</h1>
        <p class="lede">
          Figures taken from a document, such as a press release, with their date and source. The profile
          shows them as reported; they never count in the verified totals or the partner count.
        </p>
        {org ? (
          <>
            <p>
              <a href={`/organizations/${org.slug}`}>See the profile of {org.name}</a>
            </p>
            <Flashes flash={props.flash ? { text: props.flash } : undefined} />
            <ErrorSummary errors={props.errors ?? {}} />
            <section aria-labelledby="facts-heading">
              <h2 id="facts-heading">On record</h2>
              <FactList organization={org} facts={props.facts ?? []} />
            </section>
            <section aria-labelledby="add-heading">
              <h2 id="add-heading">Record a fact</h2>
              <AddForm
                organization={org}
                values={props.values ?? {}}
                errors={props.errors ?? {}}
                today={props.today}
              />
            </section>
          </>
        ) : (
          <Picker organizations={props.organizations ?? []} />
        )}
      </div>
    </Layout>
  )
}
