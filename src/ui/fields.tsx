import type { Child } from 'hono/jsx'

/** What every labelled control shares: its id and name, label, hint and the error under it. */
export type ControlProps = {
  id: string
  name: string
  label: string
  hint?: Child
  error?: string
  required?: boolean
}

/** The ids that tie a control to its error and hint (errors first: a screen reader says them first). */
export function describedBy(props: Pick<ControlProps, 'id' | 'hint' | 'error'>) {
  const errorId = props.error ? `${props.id}-error` : undefined
  const hintId = props.hint ? `${props.id}-hint` : undefined
  return { errorId, hintId, ids: [errorId, hintId].filter(Boolean).join(' ') || undefined }
}

/** The label, the control, then its error and its hint: the one shape of every field on the Hub. */
export function FieldShell(props: ControlProps & { children: Child }) {
  const { errorId, hintId } = describedBy(props)
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
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

/** A labelled multi-line text box. */
export function TextArea(props: ControlProps & { value: string; rows?: number; maxlength?: number }) {
  return (
    <FieldShell {...props}>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 3}
        maxlength={props.maxlength}
        required={props.required ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props).ids}
      >
        {props.value}
      </textarea>
    </FieldShell>
  )
}

export type SelectOption = { value: string; label: string }

/**
 * A labelled drop-down. `empty` adds a first choice with no value ("All" in a filter, "Choose…" in a
 * form); a value that is not among the options is kept as one, so nothing typed into an address is lost.
 */
export function Select(
  props: ControlProps & {
    value?: string
    options: readonly SelectOption[]
    empty?: string
    keepUnknown?: boolean
  },
) {
  const { value } = props
  const options =
    props.keepUnknown && value && !props.options.some((o) => o.value === value)
      ? [...props.options, { value, label: value }]
      : props.options
  return (
    <FieldShell {...props}>
      <select
        id={props.id}
        name={props.name}
        required={props.required ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props).ids}
      >
        {props.empty !== undefined ? (
          <option value="" selected={!options.some((o) => o.value === value)}>
            {props.empty}
          </option>
        ) : null}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

/** The two audiences of content (the `visibility` column): everyone, or members only. */
export const visibilityOptions: readonly SelectOption[] = [
  { value: 'public', label: 'Everyone (public)' },
  { value: 'members', label: 'Members only (seat holders, the board and staff)' },
]

/** Who may read a page, post, library item or archive page: everyone, or members only. */
export function VisibilitySelect(
  props: Partial<Pick<ControlProps, 'id' | 'name' | 'label' | 'hint'>> & { value?: string; error?: string },
) {
  return (
    <Select
      id={props.id ?? 'visibility'}
      name={props.name ?? 'visibility'}
      label={props.label ?? 'Who may read it'}
      hint={props.hint}
      value={props.value}
      error={props.error}
      options={visibilityOptions}
      required
    />
  )
}

/** A labelled file input (`accept` is a hint to the browser's picker; the server checks the content). */
export function FileField(props: ControlProps & { accept: string }) {
  return (
    <FieldShell {...props}>
      <input
        type="file"
        id={props.id}
        name={props.name}
        accept={props.accept}
        required={props.required ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props).ids}
      />
    </FieldShell>
  )
}
