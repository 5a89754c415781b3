import { formatCallDate } from '#src/features/calls/index.ts'
import { describedBy, FieldShell, Select } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { monthName } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { PresentationRow, YearCall } from './find-presentations.ts'
import type { OutcomeField, OutcomeValues } from './forms.ts'
import { CallLink, type LengthRange, Minutes, rangeText, StateBadge } from './parts.tsx'
import { DEFAULT_CAPACITY } from './plan.ts'
import { MINUTES_MAX, slotState } from './slot-state.ts'

export type StaffPresentationProps = {
  presentation: PresentationRow
  today: string
  range: LengthRange
  /** The calls of its year from today on (cancelled ones included, to say so). */
  calls: YearCall[]
  move: { value: string; error?: string }
  outcome: { values: OutcomeValues; errors: Partial<Record<OutcomeField, string>> }
  flash?: FlashMessage
}

function callChoiceLabel(call: YearCall, currentId: string | undefined): string {
  const date = formatCallDate(call.date)
  if (call.id === currentId) return `${date} (its call now)`
  if (call.status === 'cancelled') return `${date} (cancelled)`
  if (call.presentations >= DEFAULT_CAPACITY) return `${date} (full)`
  return `${date} (${call.presentations} of ${DEFAULT_CAPACITY} taken)`
}

/** The length given, in whole minutes (a number box: not the kernel's text Field). */
function MinutesField(props: { value: string; error?: string; hint: string }) {
  const field = { id: 'outcome-minutes', name: 'actualMinutes', hint: props.hint, error: props.error }
  return (
    <FieldShell {...field} label="Length in minutes (when given)">
      <input
        id={field.id}
        name={field.name}
        type="number"
        inputmode="numeric"
        min="1"
        max={String(MINUTES_MAX)}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(field).ids}
      />
    </FieldShell>
  )
}

/** Staff: one presentation: where it stands, the form to move it, and (after its call) the outcome. */
export function StaffPresentationPage(props: StaffPresentationProps) {
  const { presentation: p, outcome } = props
  const state = slotState(p, p.call, props.today)
  const org = p.organization
  const canMove = state !== 'given'
  const canRecord = p.call !== null && p.call.status !== 'cancelled' && p.call.date < props.today
  return (
    <Layout title={`Presentation of ${org.name} in ${p.year}`}>
      <div class="wrap pres-page">
        <p>
          <a href={`/staff/presentations?year=${p.year}`}>← Presentations in {p.year}</a>
        </p>
        <div class="profile-head">
          <h1>
            Presentation of {org.name} in {p.year}
          </h1>
          <StateBadge state={state} />
        </div>
        <Flashes flash={props.flash} />
        {props.flash ? null : <ErrorSummary errors={{ callDate: props.move.error, ...outcome.errors }} />}
        <dl class="facts">
          <dt>Call</dt>
          <dd>{p.call ? <CallLink date={p.call.date} /> : <span class="note">None yet</span>}</dd>
          <dt>Asked for</dt>
          <dd>{p.requestedMonth ? monthName(p.requestedMonth) : 'Any month'}</dd>
          <dt>Title</dt>
          <dd>{p.title ?? <span class="note">None given</span>}</dd>
          <dt>Length</dt>
          <dd>
            <Minutes minutes={p.actualMinutes} range={props.range} />
          </dd>
        </dl>

        <div class="grid-2">
          <section aria-labelledby="move-heading">
            <h2 id="move-heading">Move the slot</h2>
            {canMove ? (
              <form method="post" action={`/staff/presentations/${p.id}/move`} class="form-card" novalidate>
                <CsrfInput />
                <Select
                  id="move-callDate"
                  name="callDate"
                  label="Call"
                  value={props.move.value}
                  empty="Choose a call"
                  required
                  options={props.calls.map((call) => ({
                    value: call.date,
                    label: callChoiceLabel(call, p.call?.id),
                  }))}
                  error={props.move.error}
                  hint={
                    <>
                      A call of {p.year} from today on, not cancelled, with fewer than {DEFAULT_CAPACITY}{' '}
                      presentations.
                      {p.requestedMonth ? ` They asked for ${monthName(p.requestedMonth)}.` : ''}
                    </>
                  }
                />
                <button type="submit" class="button">
                  Move the slot
                </button>
              </form>
            ) : (
              <p>A given presentation stays on its call.</p>
            )}
          </section>
          <section aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">After the call</h2>
            {canRecord ? (
              <form
                method="post"
                action={`/staff/presentations/${p.id}/outcome`}
                class="form-card"
                novalidate
              >
                <CsrfInput />
                <fieldset
                  class="choices"
                  aria-describedby={outcome.errors.outcome ? 'outcome-error' : undefined}
                >
                  <legend>How it went</legend>
                  <div class="choice">
                    <input
                      id="outcome-given"
                      type="radio"
                      name="outcome"
                      value="given"
                      checked={outcome.values.outcome === 'given'}
                    />
                    <label for="outcome-given">Given</label>
                  </div>
                  <div class="choice">
                    <input
                      id="outcome-missed"
                      type="radio"
                      name="outcome"
                      value="missed"
                      checked={outcome.values.outcome === 'missed'}
                    />
                    <label for="outcome-missed">Missed</label>
                  </div>
                  {outcome.errors.outcome ? (
                    <p class="error" id="outcome-error">
                      {outcome.errors.outcome}
                    </p>
                  ) : null}
                </fieldset>
                <MinutesField
                  value={outcome.values.actualMinutes}
                  error={outcome.errors.actualMinutes}
                  hint={`A presentation should last ${rangeText(props.range)}; another length is recorded with a warning.`}
                />
                <button type="submit" class="button">
                  Record
                </button>
              </form>
            ) : (
              <p>
                {p.call && p.call.status !== 'cancelled'
                  ? `How it went can be recorded once its call, ${formatCallDate(p.call.date)}, is over.`
                  : 'How it went can be recorded once it is on a call that has been held.'}
              </p>
            )}
          </section>
        </div>
      </div>
    </Layout>
  )
}
