import { CsrfInput, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatZoneName } from '#src/ui/format.ts'
import { formatCallDate, formatCallWhen } from './call-format.ts'
import { CallDateFields, callPath, staffPath } from './call-parts.tsx'
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
          see the new date and time, and their calendars move the event. Seat holders who asked for these
          emails are told by email.
        </>
      }
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'move')} class="form-card" novalidate>
        <CsrfInput />
        <CallDateFields
          idPrefix="move"
          labels={{ date: 'New date', startTime: 'New start time' }}
          zoneHint={`In the call’s time zone, ${formatZoneName(call.timeZone, call.startsAt)}.`}
          today={props.today}
          values={props.values}
          errors={props.errors}
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
