/**
 * The participants that need a decision, in one form: each is a fieldset with its ranked
 * suggestions (the best one chosen), guest, decide later, or someone else from a searchable list
 * (an <input list> over one <datalist> of everyone). Works without JavaScript; with it, Enter keeps
 * a participant's choice and moves to the next (review-keys.client.js).
 */
import type { Child } from 'hono/jsx'
import { CsrfInput } from '#src/ui/form-parts.tsx'
import { formatPresence, importUrl } from './import-parts.tsx'
import type { ImportCall, ImportRow, ImportView } from './import-types.ts'
import { type Candidate, candidateLabel } from './resolve-form.views.tsx'
import { reviewScript } from './review-script.ts'
import type { Suggestion } from './suggest.ts'

/** What was sent for one participant (kept when the form comes back with a problem). */
export type ReviewValue = { choice: string; other: string }

/** A refused review: what each participant's fields held, and the problems by position. */
export type ReviewState = { values: Record<number, ReviewValue>; errors: Record<number, string> }

export const PEOPLE_LIST_ID = 'people-list'

export function ReviewForm(props: {
  call: ImportCall
  imp: ImportView
  rows: ImportRow[]
  suggestions: Map<number, Suggestion[]>
  candidates: Candidate[]
  state?: ReviewState
}) {
  const seatOf = new Map(props.candidates.map((p) => [p.id, p.seatLabel]))
  return (
    <form
      method="post"
      action={`${importUrl(props.call.localDate, props.imp.id)}/matches`}
      class="review-form"
      data-review-keys
      aria-describedby="review-help"
    >
      <CsrfInput />
      <p id="review-help" class="note">
        The best suggestion is already chosen for each participant. Check them, change any, then save all at
        once. With the keyboard, Enter keeps a participant’s choice and moves to the next one. Typing a name
        under “Someone else” chooses that person.
      </p>
      <ol class="resolve-list">
        {props.rows.map((row) => (
          <ReviewItem
            row={row}
            suggestions={props.suggestions.get(row.position) ?? []}
            seatOf={seatOf}
            value={props.state?.values[row.position]}
            error={props.state?.errors[row.position]}
          />
        ))}
      </ol>
      <datalist id={PEOPLE_LIST_ID}>
        {props.candidates.map((p) => (
          <option value={candidateLabel(p)}>{p.seatLabel ?? 'No seat on the call’s date'}</option>
        ))}
      </datalist>
      <p class="review-submit">
        <button type="submit" class="button">
          Save these choices
        </button>
      </p>
      <script src={reviewScript.src} defer />
    </form>
  )
}

function ReviewItem(props: {
  row: ImportRow
  suggestions: Suggestion[]
  seatOf: Map<string, string | null>
  value?: ReviewValue
  error?: string
}) {
  const { row, suggestions, error } = props
  const n = row.position
  const id = `match-${n}`
  const chosen = props.value?.choice ?? suggestions[0]?.personId ?? 'later'
  const radio = (value: string, label: Child, extra?: Child) => (
    <li class="review-choice">
      <input
        type="radio"
        id={`${id}-${value}`}
        name={`choice-${n}`}
        value={value}
        checked={chosen === value}
      />{' '}
      <label for={`${id}-${value}`}>{label}</label>
      {extra}
    </li>
  )
  return (
    <li class="resolve-item" id={`resolve-${n}`}>
      <fieldset class="review-item" aria-describedby={error ? `${id}-error` : undefined}>
        <legend class="review-legend">
          <strong id={`${id}-name`}>{row.name}</strong>
          {row.rawName !== row.name ? <span class="note"> (in the report: {row.rawName})</span> : null}
        </legend>
        <p class="note review-facts">
          {row.email ?? 'no email'} · {formatPresence(row.seconds)}
          {suggestions.length === 0 ? ' · no suggestion' : ''}
        </p>
        {error ? (
          <p class="error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
        <ul class="review-choices">
          {suggestions.map((s) =>
            radio(
              s.personId,
              <>
                {s.fullName}
                {props.seatOf.get(s.personId) ? ` · ${props.seatOf.get(s.personId)}` : ''}
                <span class="why"> {s.reasons.join('; ')}</span>
              </>,
            ),
          )}
          {radio('guest', 'Guest (not part of the network)')}
          {radio('later', 'Decide later')}
          {radio(
            'other',
            'Someone else:',
            <input
              type="text"
              id={`${id}-other`}
              name={`other-${n}`}
              list={PEOPLE_LIST_ID}
              value={props.value?.other ?? ''}
              autocomplete="off"
              class="review-other"
              aria-label={`Someone else for ${row.name}: name or email`}
              aria-invalid={error ? 'true' : undefined}
            />,
          )}
        </ul>
      </fieldset>
    </li>
  )
}
