import type { Context } from 'hono'
import { getContext } from 'hono/context-storage'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '#src/http/deps.ts'
import { csrfToken } from '#src/http/form-token.ts'
import { type ControlProps, describedBy, FieldShell, Select } from './fields.tsx'

/**
 * The form token every form of ours carries (refuseCrossSite checks it against its cookie).
 * A browser without the cookie yet gets a new token from each call of csrfToken(), and only
 * the last cookie set would count: a page with several forms (the header's sign-out form
 * included) reuses the token this response already sets.
 */
export function CsrfInput() {
  const c = getContext<AppEnv>()
  return <input type="hidden" name="_csrf" value={issuedToken(c) ?? csrfToken(c, c.get('origin'))} />
}

function issuedToken(c: Context<AppEnv>): string | undefined {
  for (const cookie of c.res.headers.getSetCookie()) {
    const match = cookie.match(/^hub_csrf=([\w-]{20,});/)
    if (match) return match[1]
  }
  return undefined
}

/**
 * A form that is one button (undo, discard, revoke, sign out…): it posts to `action` with the form
 * token and any hidden `fields`. `buttonClass` is 'button' unless given ('button secondary' beside
 * the main action, 'link-button' in running text); `ariaLabel` names the button where its words
 * alone would be ambiguous in a list ("Undo" in a table row); `name` and `value` are sent with it.
 */
export function ButtonForm(props: {
  action: string
  children: Child
  buttonClass?: string
  formClass?: string
  ariaLabel?: string
  fields?: Record<string, string>
  name?: string
  value?: string
}) {
  return (
    <form method="post" action={props.action} class={props.formClass}>
      <CsrfInput />
      {Object.entries(props.fields ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        class={props.buttonClass ?? 'button'}
        aria-label={props.ariaLabel}
        name={props.name}
        value={props.value}
      >
        {props.children}
      </button>
    </form>
  )
}

export type FieldProps = ControlProps & {
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'url'
  /** What the person typed (never given for passwords). */
  value?: string
  autocomplete?: string
  /** The keyboard a phone shows: 'url', 'email', 'numeric'… */
  inputmode?: 'decimal' | 'email' | 'none' | 'numeric' | 'search' | 'tel' | 'text' | 'url'
  minlength?: number
  maxlength?: number
  /** For dates, times and numbers. */
  min?: string
  max?: string
}

/** A labelled input with its error and hint under it. */
export function Field(props: FieldProps) {
  return (
    <FieldShell {...props}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required ?? true}
        minlength={props.minlength}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props).ids}
      />
    </FieldShell>
  )
}

/** A message at the top of a page: good news, or (`isError`) what went wrong. */
export function Flash(props: { isError?: boolean; children: Child }) {
  return (
    <div class={props.isError ? 'flash error' : 'flash'} role={props.isError ? 'alert' : 'status'}>
      {props.children}
    </div>
  )
}

/** A page's message after a form: what was done, or what went wrong, and an optional warning. */
export type FlashMessage = { text: string; isError?: boolean; warning?: string }

/** The flash message of a page, if it has one. */
export function Flashes(props: { flash?: FlashMessage }) {
  if (!props.flash) return null
  return (
    <>
      <Flash isError={props.flash.isError}>{props.flash.text}</Flash>
      {props.flash.warning ? (
        <div class="flash warning" role="status">
          {props.flash.warning}
        </div>
      ) : null}
    </>
  )
}

/** Above a form sent back with mistakes: how many fields to correct, and that nothing was kept. */
export function ErrorSummary(props: {
  errors: Partial<Record<string, string>>
  nothing?: 'saved' | 'changed'
}) {
  const count = Object.values(props.errors).filter(Boolean).length
  if (count === 0) return null
  const nothing = `Nothing was ${props.nothing ?? 'saved'}`
  return (
    <Flash isError>
      {count === 1
        ? `${nothing}: correct the field marked below.`
        : `${nothing}: correct the ${count} fields marked below.`}
    </Flash>
  )
}

const statusOptions = [
  { value: 'draft', label: 'Draft: only staff see it' },
  { value: 'scheduled', label: 'Scheduled: goes out at its date and time' },
  { value: 'published', label: 'Published' },
]

/**
 * The publication of a page or post: its status (draft, scheduled, published) and the date and
 * time it goes out, in the network's zone (the rule is `publicationTime`). What else belongs with
 * it (who may read it, its place in the navigation) comes as children, after the time.
 */
export function PublicationFields(props: {
  /** The names of the date and time fields (and their ids). */
  names: { date: string; time: string }
  values: { status?: string; date?: string; time?: string }
  errors: { status?: string; date?: string; time?: string }
  timeZone: string
  /** Under the date: what it means for this kind of content. */
  dateHint: string
  children?: Child
}) {
  const { names, values, errors } = props
  return (
    <fieldset class="form-section publication">
      <legend>Publication</legend>
      <Select
        id="status"
        name="status"
        label="Status"
        value={values.status}
        options={statusOptions}
        error={errors.status}
        required
      />
      <div class="grid-2">
        <Field
          id={names.date}
          name={names.date}
          type="date"
          label="Date"
          required={false}
          value={values.date}
          error={errors.date}
          hint={props.dateHint}
        />
        <Field
          id={names.time}
          name={names.time}
          type="time"
          label="Time"
          required={false}
          value={values.time}
          error={errors.time}
          hint={`In the network’s time zone (${props.timeZone}).`}
        />
      </div>
      {props.children}
    </fieldset>
  )
}
