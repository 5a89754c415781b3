import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import { formatCallDate, formatCallWhen } from './call-format.ts'
import { callLimits } from './call-forms.ts'
import { callPath, staffPath } from './call-parts.tsx'
import type { CallView } from './call-view.ts'
import { backToCall, type Errors, StaffFormPage } from './staff-form-page.tsx'

export type CancelValues = { reason: string }

export function CancelCallPage(props: {
  call: CallView
  values: CancelValues
  errors: Errors<'reason'>
  flash?: FlashMessage
}) {
  const { call } = props
  const isCancelled = call.status === 'cancelled'
  return (
    <StaffFormPage
      title={`${isCancelled ? 'Change why the call is cancelled' : 'Cancel the call'}: ${formatCallDate(call.localDate)}`}
      back={backToCall(call)}
      lede={
        <>
          The call of <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>.
          Members see it cancelled, with the reason, on the calls page and in their calendars; seat holders
          who asked for these emails are told by email. It does not count towards attendance.
        </>
      }
      errors={props.errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'cancel')} class="form-card" novalidate>
        <CsrfInput />
        <TextArea
          id="cancel-reason"
          name="reason"
          label="Reason"
          required
          value={props.values.reason}
          error={props.errors.reason}
          hint={`Members see it. Up to ${formatNumber(callLimits.reason)} characters.`}
        />
        <div class="actions-row">
          <button type="submit" class="button">
            {isCancelled ? 'Save the reason' : 'Cancel the call'}
          </button>
          <a class="button secondary" href={callPath(call)}>
            {isCancelled ? 'Back' : 'Keep the call'}
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}
