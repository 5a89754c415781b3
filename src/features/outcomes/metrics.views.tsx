import { Select, TextArea } from '#src/ui/fields.tsx'
import {
  ButtonForm,
  CsrfInput,
  ErrorSummary,
  Field,
  Flashes,
  type FlashMessage,
} from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import type { Metric } from './metrics.ts'

/** What was typed into one metric's form ('new' for the add form), and the messages. */
export type MetricAttempt = {
  key: string
  values: Record<string, string>
  errors: Partial<Record<string, string>>
}

const unitOptions = [
  { value: 'count', label: 'A count (jobs, people, businesses)' },
  { value: 'usd', label: 'US dollars (kept in cents)' },
]

const valuesOf = (m: Metric): Record<string, string> => ({
  name: m.name,
  description: m.description,
  unit: m.unit,
  sums: m.sums ? 'on' : '',
  position: String(m.position),
})

function MetricFields(props: {
  prefix: string
  values: Record<string, string>
  errors: Partial<Record<string, string>>
}) {
  const { prefix, values, errors } = props
  return (
    <>
      <Field
        id={`${prefix}-name`}
        name="name"
        label="Name"
        value={values.name ?? ''}
        error={errors.name}
        maxlength={80}
      />
      <TextArea
        id={`${prefix}-description`}
        name="description"
        label="Description (optional)"
        value={values.description ?? ''}
        error={errors.description}
        rows={2}
        maxlength={500}
      />
      <Select
        id={`${prefix}-unit`}
        name="unit"
        label="Unit"
        value={values.unit}
        options={unitOptions}
        error={errors.unit}
        hint="Once a report or goal gives the metric a figure, its unit cannot change."
        required
      />
      <div class="choice">
        <input type="checkbox" id={`${prefix}-sums`} name="sums" checked={values.sums === 'on'} />
        <label for={`${prefix}-sums`}>Adds up across communities (a network total is shown)</label>
      </div>
      <Field
        id={`${prefix}-position`}
        name="position"
        label="Order in lists"
        inputmode="numeric"
        value={values.position ?? '0'}
        error={errors.position}
        hint="Smaller numbers come first."
      />
    </>
  )
}

function MetricRow(props: { metric: Metric; attempt?: MetricAttempt }) {
  const { metric: m, attempt } = props
  return (
    <li class="card">
      <h3>
        {m.name} {m.retired ? <span class="badge fictional">Retired</span> : null}
      </h3>
      <p class="note">
        Key <code>{m.key}</code> · {m.unit === 'usd' ? 'US dollars' : 'Count'} ·{' '}
        {m.sums ? 'adds up across communities' : 'not added across communities'} · order {m.position}
      </p>
      {m.description ? <p>{m.description}</p> : null}
      <details open={attempt ? true : undefined}>
        <summary>Edit {m.name}</summary>
        <ErrorSummary errors={attempt?.errors ?? {}} />
        <form method="post" action={`/staff/outcomes/metrics/${m.key}`} novalidate>
          <CsrfInput />
          <MetricFields
            prefix={m.key}
            values={attempt?.values ?? valuesOf(m)}
            errors={attempt?.errors ?? {}}
          />
          <button type="submit" class="button">
            Save {m.name}
          </button>
        </form>
      </details>
      <ButtonForm
        action={`/staff/outcomes/metrics/${m.key}/${m.retired ? 'restore' : 'retire'}`}
        buttonClass="button secondary"
      >
        {m.retired ? `Ask for ${m.name} again` : `Retire ${m.name}`}
      </ButtonForm>
    </li>
  )
}

/** Staff's list of metrics: each editable and retirable, and the form to add one. */
export function MetricsPage(props: { metrics: Metric[]; attempt?: MetricAttempt; flash?: FlashMessage }) {
  const attempt = props.attempt
  const adding = attempt?.key === 'new' ? attempt : undefined
  return (
    <Layout title="Outcome metrics">
      <div class="wrap">
        <StaffNav current="outcome-metrics" />
        <h1>Outcome metrics</h1>
        <p class="lede">
          What communities report against. A retired metric is no longer asked for; its verified figures stay
          and still count.
        </p>
        <Flashes flash={props.flash} />
        <h2>Metrics ({props.metrics.length})</h2>
        <ul class="application-list">
          {props.metrics.map((m) => (
            <MetricRow metric={m} attempt={attempt?.key === m.key ? attempt : undefined} />
          ))}
        </ul>
        <h2 id="add-heading">Add a metric</h2>
        <ErrorSummary errors={adding?.errors ?? {}} />
        <form
          method="post"
          action="/staff/outcomes/metrics"
          class="form-card"
          novalidate
          aria-labelledby="add-heading"
        >
          <CsrfInput />
          <Field
            id="new-key"
            name="key"
            label="Key"
            value={adding?.values.key ?? ''}
            error={adding?.errors.key}
            maxlength={40}
            hint="Lower case letters, digits and underscores, starting with a letter, such as apprentices_hired. It never changes."
          />
          <MetricFields
            prefix="new"
            values={adding?.values ?? { unit: 'count', sums: 'on', position: '100' }}
            errors={adding?.errors ?? {}}
          />
          <button type="submit" class="button">
            Add the metric
          </button>
        </form>
      </div>
    </Layout>
  )
}
