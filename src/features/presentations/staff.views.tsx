import { formatCallDate } from '#src/features/calls/index.ts'
import { CsrfInput, ErrorSummary, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, monthName, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { OutcomeField, OutcomeValues } from './forms.ts'
import { CallLink, type LengthRange, Minutes, rangeText, StateBadge } from './parts.tsx'
import { DEFAULT_CAPACITY } from './plan.ts'
import {
  MINUTES_MAX,
  type PresentationRow,
  type SlotState,
  slotState,
  type YearCall,
  type YearLine,
} from './presentations.ts'

export type StaffYearProps = {
  year: number
  today: string
  range: LengthRange
  lines: YearLine[]
  /** The years staff can plan (this one and the next); the plan form shows for these only. */
  plannable: readonly number[]
  /** The first day the plan would use. */
  planFrom: string
  flash?: FlashMessage
}

function countBy(lines: YearLine[], today: string) {
  const counts: Record<SlotState, number> = {
    none: 0,
    requested: 0,
    planned: 0,
    awaiting: 0,
    orphaned: 0,
    given: 0,
    missed: 0,
  }
  let needing = 0
  for (const line of lines) {
    const p = line.presentation
    const state = slotState(p, p?.call ?? null, today)
    counts[state]++
    if (line.isAdmitted && (state === 'none' || state === 'requested' || state === 'orphaned')) needing++
  }
  return { ...counts, needing }
}

/** Staff: every admitted organisation's presentation of the year, the plan button and the changes. */
export function StaffPresentationsPage(props: StaffYearProps) {
  const { year, lines } = props
  const counts = countBy(lines, props.today)
  const withoutSlot = counts.needing
  const canPlan = props.plannable.includes(year)
  return (
    <Layout title={`Presentations in ${year}`}>
      <div class="wrap pres-page">
        <nav class="pres-years" aria-label="Years">
          <a href={`/staff/presentations?year=${year - 1}`}>← {year - 1}</a>
          <a href={`/staff/presentations?year=${year + 1}`}>{year + 1} →</a>
        </nav>
        <h1>Presentations in {year}</h1>
        <p class="lede">
          Every admitted organisation presents once a year for {rangeText(props.range)}, at most{' '}
          {DEFAULT_CAPACITY} a call, never on a cancelled call.
        </p>
        <Flashes flash={props.flash} />

        <ul class="figures pres-figures">
          <li class="figure">
            <span class="value">{formatNumber(counts.planned + counts.awaiting)}</span>
            <span class="label">planned</span>
          </li>
          <li class="figure">
            <span class="value">{formatNumber(counts.given)}</span>
            <span class="label">given</span>
          </li>
          <li class="figure">
            <span class="value">{formatNumber(counts.missed)}</span>
            <span class="label">missed</span>
          </li>
          <li class="figure">
            <span class="value">{formatNumber(withoutSlot)}</span>
            <span class="label">without a slot</span>
          </li>
        </ul>

        {canPlan && withoutSlot > 0 ? (
          <form method="post" action="/staff/presentations/plan" class="card pres-plan" novalidate>
            <CsrfInput />
            <input type="hidden" name="year" value={String(year)} />
            <h2 id="plan-heading">Plan the year</h2>
            <p>
              Gives each of the {formatNumber(withoutSlot)} admitted {plural(withoutSlot, 'organisation')}{' '}
              without a slot one on a call from {formatCallDate(props.planFrom)} on: in the month it asked for
              where that month has room, the nearest month with room otherwise, and the others spread evenly
              over the year. Slots already planned, given or missed stay where they are.
            </p>
            <button type="submit" class="button" aria-describedby="plan-heading">
              Plan the year
            </button>
          </form>
        ) : canPlan ? (
          <p class="pres-plan-done">
            Every admitted organisation has a slot in {year}. If one is admitted later, or a call with
            presentations is cancelled, the button to plan them appears here.
          </p>
        ) : null}

        <h2 id="list-heading">Organisations</h2>
        {lines.length === 0 ? (
          <p>No organisation is admitted in {year}.</p>
        ) : (
          <section class="table-wrap" aria-labelledby="list-heading" tabindex={0}>
            <table class="pres-table">
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Asked for</th>
                  <th scope="col">Call</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Length
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">Change</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <StaffLine line={line} today={props.today} range={props.range} />
                ))}
              </tbody>
            </table>
          </section>
        )}
      </div>
    </Layout>
  )
}

function StaffLine(props: { line: YearLine; today: string; range: LengthRange }) {
  const { line } = props
  const p = line.presentation
  const state = slotState(p, p?.call ?? null, props.today)
  return (
    <tr>
      <td>
        <a href={`/organizations/${line.organization.slug}/presentation`}>{line.organization.name}</a>
        {line.isAdmitted ? null : <span class="note"> (not admitted now)</span>}
        {p?.title ? <span class="pres-title note">{p.title}</span> : null}
      </td>
      <td>{p?.requestedMonth ? monthName(p.requestedMonth) : <span class="note">Any</span>}</td>
      <td>{p?.call ? <CallLink date={p.call.date} /> : <span class="note">—</span>}</td>
      <td>
        <StateBadge state={state} />
      </td>
      <td class="num">
        <Minutes minutes={p?.actualMinutes ?? null} range={props.range} />
      </td>
      <td>
        {p ? (
          <a href={`/staff/presentations/${p.id}`}>
            Change<span class="visually-hidden"> the presentation of {line.organization.name}</span>
          </a>
        ) : null}
      </td>
    </tr>
  )
}

// ---------------------------------------------------------------------------------------------
// Staff: one presentation, to move it or record how it went

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

/** Staff: one presentation: where it stands, the form to move it, and (after its call) the outcome. */
export function StaffPresentationPage(props: StaffPresentationProps) {
  const { presentation: p, outcome } = props
  const state = slotState(p, p.call, props.today)
  const org = p.organization
  const canMove = state !== 'given'
  const canRecord = p.call !== null && p.call.status !== 'cancelled' && p.call.date < props.today
  const moveErrorId = 'move-callDate-error'
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
                <div class="field">
                  <label for="move-callDate">Call</label>
                  <select
                    id="move-callDate"
                    name="callDate"
                    required
                    aria-invalid={props.move.error ? 'true' : undefined}
                    aria-describedby={
                      props.move.error ? `${moveErrorId} move-callDate-hint` : 'move-callDate-hint'
                    }
                  >
                    <option value="" selected={props.move.value === ''}>
                      Choose a call
                    </option>
                    {props.calls.map((call) => (
                      <option value={call.date} selected={props.move.value === call.date}>
                        {callChoiceLabel(call, p.call?.id)}
                      </option>
                    ))}
                  </select>
                  {props.move.error ? (
                    <p class="error" id={moveErrorId}>
                      {props.move.error}
                    </p>
                  ) : null}
                  <p class="hint" id="move-callDate-hint">
                    A call of {p.year} from today on, not cancelled, with fewer than {DEFAULT_CAPACITY}{' '}
                    presentations.
                    {p.requestedMonth ? ` They asked for ${monthName(p.requestedMonth)}.` : ''}
                  </p>
                </div>
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
                <div class="field">
                  <label for="outcome-minutes">Length in minutes (when given)</label>
                  <input
                    id="outcome-minutes"
                    name="actualMinutes"
                    type="number"
                    inputmode="numeric"
                    min="1"
                    max={String(MINUTES_MAX)}
                    value={outcome.values.actualMinutes}
                    aria-invalid={outcome.errors.actualMinutes ? 'true' : undefined}
                    aria-describedby={
                      outcome.errors.actualMinutes
                        ? 'outcome-minutes-error outcome-minutes-hint'
                        : 'outcome-minutes-hint'
                    }
                  />
                  {outcome.errors.actualMinutes ? (
                    <p class="error" id="outcome-minutes-error">
                      {outcome.errors.actualMinutes}
                    </p>
                  ) : null}
                  <p class="hint" id="outcome-minutes-hint">
                    A presentation should last {rangeText(props.range)}; another length is recorded with a
                    warning.
                  </p>
                </div>
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
