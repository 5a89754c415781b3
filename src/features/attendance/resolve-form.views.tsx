import { CsrfInput } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { formatPresence, importUrl } from './import-parts.tsx'
import type { ImportCall, ImportRow, ImportView } from './import-types.ts'

/** A person staff can pick, with the seat they hold on the call's date (if any). */
export type Candidate = { id: string; fullName: string; email: string; seatLabel: string | null }

/** How a person is written in the searchable list: unique, since emails are. */
export const candidateLabel = (p: Pick<Candidate, 'fullName' | 'email'>): string =>
  `${p.fullName} · ${p.email}`

/** Who one participant is: a person from the list (seat holders of the day first), or a guest. */
export function ResolveForm(props: {
  call: ImportCall
  imp: ImportView
  row: ImportRow
  candidates: Candidate[]
  error?: { value: string; message: string }
  /** The button's word: 'Match' on the review list, 'Save' when changing a match. */
  submitLabel?: string
}) {
  const { row, error } = props
  const id = `match-${row.position}`
  const seatHolders = props.candidates.filter((p) => p.seatLabel)
  const others = props.candidates.filter((p) => !p.seatLabel)
  const selected =
    error?.value ?? (props.submitLabel ? (row.match === 'guest' ? 'guest' : (row.personId ?? '')) : '')
  return (
    <li class="resolve-item" id={`resolve-${row.position}`}>
      <form
        method="post"
        action={`${importUrl(props.call.localDate, props.imp.id)}/participants/${row.position}`}
        class="resolve-form"
      >
        <CsrfInput />
        <p class="resolve-who">
          <strong id={`${id}-name`}>{row.name}</strong>
          {row.rawName !== row.name ? <span class="note"> (in the report: {row.rawName})</span> : null}
          <br />
          <span class="note">
            {row.email ?? 'no email'} · {formatPresence(row.seconds)}
          </span>
        </p>
        <div class="field">
          <label for={id}>Who is {row.name}?</label>
          <select
            id={id}
            name="personId"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <option value="">Choose a person…</option>
            <option value="guest" selected={selected === 'guest'}>
              Guest (not part of the network)
            </option>
            {seatHolders.length > 0 ? (
              <optgroup label={`Holding a seat on ${formatDate(props.call.localDate)}`}>
                {seatHolders.map((p) => (
                  <option value={p.id} selected={selected === p.id}>
                    {p.fullName} · {p.seatLabel}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {others.length > 0 ? (
              <optgroup label="Everyone else">
                {others.map((p) => (
                  <option value={p.id} selected={selected === p.id}>
                    {p.fullName} · {p.email}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
          {error ? (
            <p class="error" id={`${id}-error`}>
              {error.message}
            </p>
          ) : null}
        </div>
        <button type="submit" class="button small resolve-button" aria-describedby={`${id}-name`}>
          {props.submitLabel ?? 'Match'}
        </button>
      </form>
    </li>
  )
}
