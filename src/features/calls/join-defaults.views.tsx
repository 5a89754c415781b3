import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Field } from '#src/ui/form-parts.tsx'
import { type Errors, StaffFormPage } from './staff-form-page.tsx'

export type JoinValues = { joinUrl: string; dialIn: string }

/** The series' join link and dial-in: what every call shows members unless it has its own. */
export function JoinDefaultsPage(props: {
  values: JoinValues
  errors: Errors<'joinUrl' | 'dialIn'>
  saved: boolean
}) {
  const { values, errors } = props
  return (
    <StaffFormPage
      title="How members join the calls"
      back={{ href: '/calls', label: 'All calls' }}
      lede="The link and dial-in of the weekly series. Members see them on each call’s page, in their private calendar feed and in the reminder the day before; never the public. A call can have its own on its edit form."
      errors={errors}
      flash={props.saved ? { text: 'Saved: the calls show the new link and dial-in.' } : undefined}
    >
      <form method="post" action="/staff/calls/joining" class="form-card wide" novalidate>
        <CsrfInput />
        <Field
          required={false}
          id="join-joinUrl"
          name="joinUrl"
          type="url"
          label="Join link"
          value={values.joinUrl}
          error={errors.joinUrl}
          hint="The meeting’s address, starting with https://. Leave empty when there is none."
        />
        <TextArea
          id="join-dialIn"
          name="dialIn"
          label="Dial-in"
          rows={4}
          value={values.dialIn}
          error={errors.dialIn}
          hint="Phone numbers, meeting ID and passcode: plain text, line breaks kept."
        />
        <div class="actions-row">
          <button type="submit" class="button">
            Save
          </button>
          <a class="button secondary" href="/calls">
            Back
          </a>
        </div>
      </form>
    </StaffFormPage>
  )
}
