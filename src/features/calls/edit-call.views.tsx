import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Field, type FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber } from '#src/ui/format.ts'
import type { BriefingChoice } from './call-attachments.ts'
import { formatCallDate, formatCallWhen } from './call-format.ts'
import { callLimits } from './call-forms.ts'
import { callPath, staffPath } from './call-parts.tsx'
import { type CallView, DEFAULT_CALL_TITLE } from './call-view.ts'
import { backToCall, type Errors, StaffFormPage } from './staff-form-page.tsx'

export type EditValues = {
  title: string
  agenda: string
  notes: string
  recordingUrl: string
  joinUrl: string
  dialIn: string
  briefingIds: string[]
}

export function EditCallPage(props: {
  call: CallView
  values: EditValues
  briefings: BriefingChoice[]
  /** The series' join link and dial-in, used when these fields are left empty. */
  defaults: { joinUrl: string; dialIn: string }
  errors: Errors<'title' | 'agenda' | 'notes' | 'recordingUrl' | 'joinUrl' | 'dialIn' | 'briefingIds'>
  flash?: FlashMessage
}) {
  const { call, values, errors } = props
  return (
    <StaffFormPage
      title={`Edit the call: ${formatCallDate(call.localDate)}`}
      back={backToCall(call)}
      lede={
        <>
          The call of <time datetime={call.startsAt}>{formatCallWhen(call.startsAt, call.timeZone)}</time>.
          Everything here is shown to members on the call’s page.
        </>
      }
      errors={errors}
      flash={props.flash}
    >
      <form method="post" action={staffPath(call, 'edit')} class="form-card wide" novalidate>
        <CsrfInput />
        <Field
          required={false}
          id="edit-title"
          name="title"
          label="Title"
          value={values.title}
          error={errors.title}
          hint={`Left empty, the call is called “${DEFAULT_CALL_TITLE}”. Up to ${formatNumber(callLimits.title)} characters.`}
        />
        <TextArea
          id="edit-agenda"
          name="agenda"
          label="Agenda"
          rows={6}
          value={values.agenda}
          error={errors.agenda}
          hint={`Plain text: line breaks are kept. Up to ${formatNumber(callLimits.agenda)} characters.`}
        />
        <TextArea
          id="edit-notes"
          name="notes"
          label="Notes"
          rows={8}
          value={values.notes}
          error={errors.notes}
          hint={`What was said and decided. Plain text, up to ${formatNumber(callLimits.notes)} characters.`}
        />
        <Field
          required={false}
          id="edit-recordingUrl"
          name="recordingUrl"
          type="url"
          label="Recording link"
          value={values.recordingUrl}
          error={errors.recordingUrl}
          hint="The web address of the recording, starting with https://. Leave empty when there is none."
        />
        <Field
          required={false}
          id="edit-joinUrl"
          name="joinUrl"
          type="url"
          label="Join link for this call"
          value={values.joinUrl}
          error={errors.joinUrl}
          hint={`Members only. Starting with https://. Left empty, the series’ link: ${props.defaults.joinUrl || 'none set'}.`}
        />
        <TextArea
          id="edit-dialIn"
          name="dialIn"
          label="Dial-in for this call"
          rows={3}
          value={values.dialIn}
          error={errors.dialIn}
          hint={`Members only. Numbers and passcode, plain text. Left empty, the series’ dial-in${props.defaults.dialIn ? '' : ' (none set)'}.`}
        />
        <fieldset class="choices" aria-describedby={errors.briefingIds ? 'edit-briefings-error' : undefined}>
          <legend>Briefings attached to this call</legend>
          {errors.briefingIds ? (
            <p class="error" id="edit-briefings-error">
              {errors.briefingIds}
            </p>
          ) : null}
          {props.briefings.length === 0 ? (
            <p class="note">No briefings yet.</p>
          ) : (
            props.briefings.map((b) => (
              <div class="choice">
                <input
                  type="checkbox"
                  id={`briefing-${b.id}`}
                  name="briefingIds"
                  value={b.id}
                  checked={values.briefingIds.includes(b.id)}
                />
                <label for={`briefing-${b.id}`}>
                  {b.title}
                  {b.callDate && b.callDate !== call.localDate ? (
                    <span class="note">
                      {' '}
                      (attached to the call of {formatCallDate(b.callDate)}: ticking moves it here)
                    </span>
                  ) : b.publishedOn ? (
                    <span class="note"> (published {formatCallDate(b.publishedOn)})</span>
                  ) : null}
                </label>
              </div>
            ))
          )}
        </fieldset>
        <div class="actions-row">
          <button type="submit" class="button">
            Save
          </button>
          <a class="button secondary" href={callPath(call)}>
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}
