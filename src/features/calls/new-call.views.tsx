import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Field, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { callLimits } from './call-forms.ts'
import { CallDateFields } from './call-parts.tsx'
import { type Errors, StaffFormPage } from './staff-form-page.tsx'

export type NewCallValues = {
  date: string
  startTime: string
  durationMinutes: string
  title: string
  addedReason: string
}

export function NewCallPage(props: {
  today: string
  timeZone: string
  values: NewCallValues
  errors: Errors<'date' | 'startTime' | 'durationMinutes' | 'title' | 'addedReason'>
  flash?: FlashMessage
}) {
  return (
    <StaffFormPage
      title="Add an extra call"
      back={{ href: '/calls', label: 'All calls' }}
      lede="A call outside the weekly series, such as a briefing on new funding. Members see it with the other calls and in their calendars."
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action="/staff/calls/new" class="form-card" novalidate>
        <CsrfInput />
        <Field
          id="new-title"
          name="title"
          label="Title"
          required
          value={props.values.title}
          error={props.errors.title}
          hint={`What the call is about. Up to ${formatNumber(callLimits.title)} characters.`}
        />
        <CallDateFields
          idPrefix="new"
          labels={{ date: 'Date', startTime: 'Start time' }}
          zoneHint={`In the network’s time zone, ${props.timeZone}.`}
          today={props.today}
          values={props.values}
          errors={props.errors}
          allowPast
        />
        <Field
          id="new-durationMinutes"
          name="durationMinutes"
          type="number"
          label="Length in minutes"
          required
          min="5"
          max="240"
          value={props.values.durationMinutes}
          error={props.errors.durationMinutes}
          hint="From 5 to 240 minutes."
        />
        <TextArea
          id="new-addedReason"
          name="addedReason"
          label="Why it is added afterwards"
          rows={3}
          value={props.values.addedReason}
          error={props.errors.addedReason}
          hint={`Only for a day before today, such as “Bringing in the calls of 2024”. Shown to staff on the call’s page. Up to ${formatNumber(callLimits.reason)} characters.`}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Add the call
          </button>
          <a class="button secondary" href="/calls">
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}
