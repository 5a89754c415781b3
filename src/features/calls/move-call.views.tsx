import { CsrfInput, Field, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatCallDate, formatCallWhen } from './call-format.ts'
import { callPath, staffPath } from './call-parts.tsx'
import type { CallView } from './call-view.ts'
import { backToCall, type Errors, StaffFormPage } from './staff-form-page.tsx'

export type MoveValues = { date: string; startTime: string }

export function MoveCallPage(props: {
  call: CallView
  today: string
  values: MoveValues
  errors: Errors<'date' | 'startTime'>
  flash?: FlashMessage
}) {
  const { call } = props
  return (
    <StaffFormPage
      title={`Move the call: ${formatCallDate(call.localDate)}`}
      back={backToCall(call)}
      lede={
        <>
          Now <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>. Members
          see the new date and time, and their calendars move the event.
        </>
      }
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'move')} class="form-card" novalidate>
        <CsrfInput />
        <Field
          id="move-date"
          name="date"
          type="date"
          label="New date"
          required
          min={props.today}
          value={props.values.date}
          error={props.errors.date}
          hint="Today or later, on a day with no other call (one call a day)."
        />
        <Field
          id="move-startTime"
          name="startTime"
          type="time"
          label="New start time"
          required
          value={props.values.startTime}
          error={props.errors.startTime}
          hint={`In the call’s time zone, ${call.timeZone}.`}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Move the call
          </button>
          <a class="button secondary" href={callPath(call)}>
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}
