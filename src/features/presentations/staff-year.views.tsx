import { formatCallDate } from '#src/features/calls/index.ts'
import { CsrfInput, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, monthName, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { YearLine } from './find-presentations.ts'
import { CallLink, type LengthRange, Minutes, rangeText, StateBadge } from './parts.tsx'
import { DEFAULT_CAPACITY } from './plan.ts'
import { type SlotState, slotState } from './slot-state.ts'

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
