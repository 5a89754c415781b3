export type FieldProps = {
  id: string
  name: string
  label: string
  value: string
  error?: string
  hint?: string
  rows?: number
  type?: 'text' | 'email' | 'url'
  autocomplete?: string
  inputmode?: 'url' | 'email' | 'text'
}

/** A labelled input or textarea, its error right under the label and its hint under the field. */
export function TextField(props: FieldProps) {
  const errorId = `${props.id}-error`
  const hintId = `${props.id}-hint`
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ')
  const common = {
    id: props.id,
    name: props.name,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  }
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.rows ? (
        <textarea {...common} rows={props.rows}>
          {props.value}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          value={props.value}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
        />
      )}
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
    </div>
  )
}

export function Select(props: {
  id: string
  name: string
  label: string
  value: string
  options: { value: string; label: string }[]
  error?: boolean
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} aria-invalid={props.error ? 'true' : undefined}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
