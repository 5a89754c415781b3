import { formatCallDate } from '#src/features/calls/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { Select } from '#src/ui/fields.tsx'
import { CsrfInput, ErrorSummary, Field, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { monthName, monthNames } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { PresentationRow } from './find-presentations.ts'
import type { RequestField, RequestValues } from './forms.ts'
import { CallLink, type LengthRange, rangeText, StateBadge } from './parts.tsx'
import { DEFAULT_CAPACITY } from './plan.ts'
import { isLengthWarning, type SlotState, slotState, TITLE_MAX } from './slot-state.ts'

export type YearSection = {
  year: number
  presentation: PresentationRow | null
  /** The first month that can still be asked for (1 for a year to come). */
  firstMonth: number
  form: { values: RequestValues; errors: Partial<Record<RequestField, string>> }
}

export type OrganizationPresentationProps = {
  org: OrganizationRef
  today: string
  range: LengthRange
  years: YearSection[]
  flash?: FlashMessage
}

/** "Any month", then the months that can still be asked for. */
const monthOptions = (firstMonth: number) => [
  { value: 'any', label: 'Any month' },
  ...monthNames
    .map((name, index) => ({ value: String(index + 1), label: name }))
    .filter((_, index) => index + 1 >= firstMonth),
]

function slotSentence(p: PresentationRow | null, state: SlotState, range: LengthRange): string {
  const date = p?.call ? formatCallDate(p.call.date) : ''
  const asked = p?.requestedMonth ? monthName(p.requestedMonth) : null
  switch (state) {
    case 'given':
      return p?.actualMinutes
        ? `Given on ${date}, for ${p.actualMinutes} minutes${isLengthWarning(p.actualMinutes, range) ? ` (a presentation should last ${rangeText(range)})` : ''}.`
        : `Given on ${date}.`
    case 'missed':
      return `Missed: it was planned on ${date}. Staff can plan another call.`
    case 'planned':
      return `Planned on ${date}.${asked && Number(p?.call?.date.slice(5, 7)) !== p?.requestedMonth ? ` You asked for ${asked}: staff may move it there if a call has room.` : ''}`
    case 'awaiting':
      return `Planned on ${date}; the call is over and staff will record how it went.`
    case 'orphaned':
      return `The call it was planned on was cancelled: staff will plan another.${asked ? ` You asked for ${asked}.` : ''}`
    case 'requested':
      return `You asked for ${asked}. Staff have not planned the slot yet.`
    default:
      return 'No slot yet. Tell staff which month suits you; they plan the slots for the whole network.'
  }
}

function YearCard(props: { org: OrganizationRef; section: YearSection; today: string; range: LengthRange }) {
  const { section, org } = props
  const p = section.presentation
  const state = slotState(p, p?.call ?? null, props.today)
  const canAsk = state !== 'given' && state !== 'missed' && state !== 'awaiting'
  const id = (name: string) => `${name}-${section.year}`
  return (
    <section class="card pres-year" aria-labelledby={id('heading')}>
      <div class="pres-year-head">
        <h2 id={id('heading')}>{section.year}</h2>
        <StateBadge state={state} />
      </div>
      <p>{slotSentence(p, state, props.range)}</p>
      {p?.call && state !== 'orphaned' ? (
        <p>
          Call: <CallLink date={p.call.date} />
        </p>
      ) : null}
      {p?.title ? <p class="pres-title">Title: {p.title}</p> : null}
      {canAsk ? (
        <form
          method="post"
          action={`/organizations/${org.slug}/presentation`}
          class="pres-request"
          novalidate
        >
          <CsrfInput />
          <input type="hidden" name="year" value={String(section.year)} />
          <Select
            id={id('month')}
            name="requestedMonth"
            label="Month you would like"
            value={section.form.values.requestedMonth}
            empty="Choose a month"
            required
            options={monthOptions(section.firstMonth)}
            error={section.form.errors.requestedMonth}
            hint={`At most ${DEFAULT_CAPACITY} organisations present on a call; if your month is full, staff choose the nearest month with room.`}
          />
          <Field
            id={id('title')}
            name="title"
            label="Title (optional)"
            value={section.form.values.title}
            error={section.form.errors.title}
            required={false}
            hint={`What you will talk about, up to ${TITLE_MAX} characters. It shows on the call’s page.`}
          />
          <button type="submit" class="button">
            {p && p.requestedMonth !== null ? `Save the ${section.year} request` : `Ask for this month`}
          </button>
        </form>
      ) : (
        // A request sent by hand for a year whose presentation can no longer change.
        Object.values(section.form.errors).map((error) => <p class="error">{error}</p>)
      )}
    </section>
  )
}

/** An organisation's annual presentation: this year's and next year's, and the month it asks for. */
export function OrganizationPresentationPage(props: OrganizationPresentationProps) {
  const { org } = props
  const what =
    org.category === 'bff' ? 'the open-source value your work provides' : 'your progress and best practices'
  const errors = Object.assign({}, ...props.years.map((y) => y.form.errors))
  return (
    <Layout title={`Annual presentation of ${org.name}`}>
      <div class="wrap pres-page">
        <p>
          <a href={`/organizations/${org.slug}`}>← {org.name}</a>
        </p>
        <h1>Annual presentation of {org.name}</h1>
        <p class="lede">
          Once a year, your organisation gives a {props.range.presentationMinMinutes} to{' '}
          {props.range.presentationMaxMinutes} minute presentation on a national call, on {what}. Staff plan
          the slots for the whole network; tell them which month suits you.
        </p>
        <Flashes flash={props.flash} />
        {props.flash ? null : <ErrorSummary errors={errors} />}
        <div class="grid-2">
          {props.years.map((section) => (
            <YearCard org={org} section={section} today={props.today} range={props.range} />
          ))}
        </div>
      </div>
    </Layout>
  )
}
