import { Select, TextArea, visibilityOptions } from '#src/ui/fields.tsx'
import { CsrfInput, Field, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import type { Pin } from './pins.ts'
import { PinPlace } from './pins.views.tsx'

export type PinFormValues = { callDate?: string; briefingId?: string; visibility?: string; note?: string }
export type PinFormErrors = Partial<
  Record<'callDate' | 'briefingId' | 'visibility' | 'note' | 'form', string>
>
export type LibraryChoice = { id: string; title: string; status: string; visibility: string }

const pinVisibilityOptions = visibilityOptions.map((o) =>
  o.value === 'public'
    ? { ...o, label: 'Everyone (public): visitors see it on public pages, linked to Grants.gov' }
    : o,
)

const choiceLabel = (item: LibraryChoice) =>
  [
    item.title,
    item.status !== 'published' ? `(${item.status})` : '',
    item.visibility === 'members' ? '(members only)' : '',
  ]
    .filter(Boolean)
    .join(' ')

/** Who sees the pin and staff's note: the same in both forms. */
function AudienceAndNote(props: { prefix: string; values: PinFormValues; errors: PinFormErrors }) {
  return (
    <>
      <Select
        id={`${props.prefix}-visibility`}
        name="visibility"
        label="Who sees the pin"
        value={props.values.visibility ?? 'members'}
        error={props.errors.visibility}
        options={pinVisibilityOptions}
        required
      />
      <TextArea
        id={`${props.prefix}-note`}
        name="note"
        label="Note (optional)"
        rows={2}
        maxlength={500}
        value={props.values.note ?? ''}
        error={props.errors.note}
        hint="Why it matters to the call or the item: shown with the pin, to the same people."
      />
    </>
  )
}

/**
 * On /funding/:id: where the opportunity is pinned (each with its audience and, for staff, a way to
 * take it off) and, for staff, the forms to pin it to a call or a library item.
 */
export function OpportunityPins(props: {
  opportunityId: string
  pins: Pin[]
  canManage: boolean
  choices: LibraryChoice[]
  form?: { place: 'call' | 'library'; values: PinFormValues; errors: PinFormErrors }
  flash?: FlashMessage
}) {
  const action = `/funding/${props.opportunityId}/pins`
  const valuesFor = (place: 'call' | 'library') => (props.form?.place === place ? props.form.values : {})
  const errorsFor = (place: 'call' | 'library') => (props.form?.place === place ? props.form.errors : {})
  return (
    <section aria-labelledby="pins-heading" id="pins">
      <h2 id="pins-heading">Pinned to calls and the library</h2>
      <Flashes flash={props.flash} />
      {props.pins.length === 0 ? (
        <p class="note">Not pinned anywhere yet.</p>
      ) : (
        <ul>
          {props.pins.map((pin) => (
            <li>
              <PinPlace pin={pin} />: {pin.visibility === 'public' ? 'everyone sees it' : 'members only'}
              {pin.note ? ` · “${pin.note}”` : ''}
              {props.canManage ? (
                <form method="post" action={`${action}/${pin.id}/delete`} class="inline-form">
                  <CsrfInput />{' '}
                  <button
                    type="submit"
                    class="button secondary small"
                    aria-label={`Unpin from ${pin.callDate ? `the call of ${pin.callDate}` : (pin.briefingTitle ?? 'the item')}`}
                  >
                    Unpin
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <>
          <form method="post" action={action} class="form-card" novalidate>
            <h3>Pin to a call</h3>
            <CsrfInput />
            <input type="hidden" name="place" value="call" />
            {errorsFor('call').form ? <p class="error">{errorsFor('call').form}</p> : null}
            <Field
              id="pin-callDate"
              name="callDate"
              type="date"
              label="Date of the call"
              value={valuesFor('call').callDate}
              error={errorsFor('call').callDate}
            />
            <AudienceAndNote prefix="pin-call" values={valuesFor('call')} errors={errorsFor('call')} />
            <button type="submit" class="button">
              Pin to the call
            </button>
          </form>
          <form method="post" action={action} class="form-card" novalidate>
            <h3>Pin to a library item</h3>
            <CsrfInput />
            <input type="hidden" name="place" value="library" />
            <Select
              id="pin-briefingId"
              name="briefingId"
              label="Library item"
              value={valuesFor('library').briefingId}
              error={errorsFor('library').briefingId}
              empty="Choose an item…"
              options={props.choices.map((item) => ({ value: item.id, label: choiceLabel(item) }))}
              required
            />
            <AudienceAndNote
              prefix="pin-library"
              values={valuesFor('library')}
              errors={errorsFor('library')}
            />
            <button type="submit" class="button">
              Pin to the item
            </button>
          </form>
        </>
      ) : null}
    </section>
  )
}
