import type { FieldErrors } from '#src/http/form.ts'
import { Select } from '#src/ui/fields.tsx'
import { CsrfInput, Field } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import type { Period, SeatTerm, Term } from './person-detail.ts'
import type { AddTermValues, EndTermValues } from './term-forms.ts'
import type { TermRole } from './terms.ts'

const periodLabels: Record<Period, string> = { past: 'Ended', current: 'Current', coming: 'Coming' }

/** The form sent back with its mistakes: adding a term, or ending one (which `values.termId` names). */
export type TermFormState =
  | { kind: 'add'; values: AddTermValues; errors: FieldErrors<keyof AddTermValues> }
  | { kind: 'end'; values: EndTermValues; errors: FieldErrors<keyof EndTermValues> }

const until = (t: { endsOn: string | null }) => (t.endsOn ? formatDate(t.endsOn) : 'No end')

/** Every seat the person held, holds or will hold, newest first. */
export function SeatTable(props: { seats: SeatTerm[] }) {
  if (props.seats.length === 0) return <p>No representative or alternate seat, past, current or coming.</p>
  return (
    <section class="table-wrap" tabindex={0} aria-label="Seats (scrolls sideways on a small screen)">
      <table>
        <caption class="visually-hidden">Seats, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Seat</th>
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {props.seats.map((s) => (
            <tr>
              <th scope="row">
                <a href={`/organizations/${s.slug}/seats`}>{s.organization}</a>
              </th>
              <td>{s.role === 'representative' ? 'Representative' : 'Alternate'}</td>
              <td>{formatDate(s.startsOn)}</td>
              <td>{until(s)}</td>
              <td>{periodLabels[s.period]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function EndTermForm(props: {
  personId: string
  termRole: TermRole
  term: Term
  form?: TermFormState
  today: string
}) {
  const { term } = props
  const mine = props.form?.kind === 'end' && props.form.values.termId === term.id ? props.form : undefined
  const id = `end-${term.id}`
  return (
    <form method="post" action={`/staff/people/${props.personId}/terms/end`} class="inline-form" novalidate>
      <CsrfInput />
      <input type="hidden" name="termId" value={term.id} />
      <input type="hidden" name="role" value={props.termRole} />
      <Field
        id={id}
        name="endsOn"
        type="date"
        label="End on (first day no longer held)"
        value={mine?.values.endsOn ?? term.endsOn ?? props.today}
        error={mine?.errors.endsOn ?? mine?.errors.form ?? mine?.errors.termId}
      />
      <button class="button secondary" type="submit">
        {term.endsOn ? 'Change the end' : 'End this term'}
      </button>
    </form>
  )
}

/** A person's staff or Advisory Board terms, each with a form to end it (or move its end). */
export function TermTable(props: {
  personId: string
  termRole: TermRole
  terms: Term[]
  form?: TermFormState
  today: string
}) {
  const what = props.termRole === 'staff' ? 'staff' : 'Advisory Board'
  if (props.terms.length === 0) return <p>No {what} term, past, current or coming.</p>
  return (
    <section class="table-wrap" tabindex={0} aria-label={`${what} terms (scroll sideways on a small screen)`}>
      <table>
        <caption class="visually-hidden">{`${what} terms, newest first`}</caption>
        <thead>
          <tr>
            {props.termRole === 'staff' ? <th scope="col">Title</th> : null}
            <th scope="col">From</th>
            <th scope="col">Until</th>
            <th scope="col">Now</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {props.terms.map((t) => (
            <tr>
              {props.termRole === 'staff' ? <td>{t.title ?? ''}</td> : null}
              <td>{formatDate(t.startsOn)}</td>
              <td>{until(t)}</td>
              <td>{periodLabels[t.period]}</td>
              <td>
                <EndTermForm {...props} term={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Adds a staff or Advisory Board term, with dates. */
export function AddTermForm(props: { personId: string; form?: TermFormState; today: string }) {
  const form = props.form?.kind === 'add' ? props.form : undefined
  const values = form?.values ?? { role: 'board', startsOn: props.today, endsOn: '', title: '' }
  const errors = form?.errors ?? {}
  return (
    <form
      method="post"
      action={`/staff/people/${props.personId}/terms`}
      class="form-card"
      aria-labelledby="add-term-heading"
      novalidate
    >
      <CsrfInput />
      <Select
        id="term-role"
        name="role"
        label="Role"
        value={values.role}
        required
        error={errors.role}
        options={[
          { value: 'board', label: 'Advisory Board' },
          { value: 'staff', label: 'Staff' },
        ]}
      />
      <Field
        id="term-starts"
        name="startsOn"
        type="date"
        label="Starts on"
        value={values.startsOn}
        error={errors.startsOn}
      />
      <Field
        id="term-ends"
        name="endsOn"
        type="date"
        label="Ends on (optional)"
        required={false}
        value={values.endsOn}
        error={errors.endsOn}
        hint="The first day no longer held. Leave it empty for a term with no end."
      />
      <Field
        id="term-title"
        name="title"
        label="Title (staff only, optional)"
        required={false}
        value={values.title}
        error={errors.title}
        maxlength={200}
      />
      <button class="button" type="submit">
        Add the term
      </button>
    </form>
  )
}
