import type { Context } from 'hono'
import { getContext } from 'hono/context-storage'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '#src/http/deps.ts'
import { csrfToken } from '#src/http/guard.ts'

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

export type FieldProps = {
  id: string
  name: string
  label: string
  type?: 'text' | 'email' | 'password' | 'date' | 'time' | 'number' | 'url'
  /** What the person typed (never given for passwords). */
  value?: string
  autocomplete?: string
  hint?: string
  error?: string
  required?: boolean
  minlength?: number
  maxlength?: number
  /** For dates, times and numbers. */
  min?: string
  max?: string
}

/** A labelled input with its hint and, when there is one, its error right under it. */
export function Field(props: FieldProps) {
  const hintId = props.hint ? `${props.id}-hint` : undefined
  const errorId = props.error ? `${props.id}-error` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        required={props.required ?? true}
        minlength={props.minlength}
        maxlength={props.maxlength}
        min={props.min}
        max={props.max}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
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
