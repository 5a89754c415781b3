/** Reads the review form: each unmatched participant's choice, or why it cannot be taken. */
import type { ImportRow } from './import-types.ts'
import { foldName } from './parse/names.ts'
import { type Candidate, candidateLabel } from './resolve-form.views.tsx'
import type { ParticipantChoice } from './resolve-participant.ts'
import type { ReviewState } from './review-form.views.tsx'

/**
 * A person named in the search box: their list label (`Jane Doe · jane@x.org`), their email, or
 * their full name when only one person has it; undefined otherwise.
 */
export function personNamed(text: string, candidates: readonly Candidate[]): Candidate | undefined {
  const said = text.trim()
  const byLabel = candidates.find((p) => candidateLabel(p) === said)
  if (byLabel) return byLabel
  const lower = said.toLowerCase()
  const byEmail = candidates.find((p) => p.email.toLowerCase() === lower)
  if (byEmail) return byEmail
  const folded = foldName(said)
  const byName = candidates.filter((p) => foldName(p.fullName) === folded)
  return byName.length === 1 ? byName[0] : undefined
}

/**
 * The choices sent for `rows` (the unmatched participants the form showed): a person, a guest,
 * or nothing (decide later). A name typed under "Someone else" wins over the option chosen.
 * `ok: false` with what was sent and one problem per participant when any choice is refused.
 */
export function readReviewChoices(
  fields: Record<string, string>,
  rows: readonly ImportRow[],
  candidates: readonly Candidate[],
): { ok: true; choices: ParticipantChoice[] } | { ok: false; state: ReviewState } {
  const known = new Set(candidates.map((p) => p.id))
  const state: ReviewState = { values: {}, errors: {} }
  const choices: ParticipantChoice[] = []
  for (const row of rows) {
    const choice = (fields[`choice-${row.position}`] ?? 'later').trim()
    const other = (fields[`other-${row.position}`] ?? '').trim()
    state.values[row.position] = { choice: other ? 'other' : choice, other }
    const refuse = (message: string) => {
      state.errors[row.position] = message
    }
    if (other) {
      const person = personNamed(other, candidates)
      if (person) choices.push({ position: row.position, personId: person.id })
      else
        refuse(
          `“${other}” is not a person on record: choose a name from the list, or mark ${row.name} as a guest.`,
        )
    } else if (choice === 'other')
      refuse(`Type who ${row.name} is under “Someone else”, or choose another option.`)
    else if (choice === 'guest') choices.push({ position: row.position, personId: 'guest' })
    else if (choice === 'later' || choice === '') continue
    else if (known.has(choice)) choices.push({ position: row.position, personId: choice })
    else refuse(`Choose who ${row.name} is from the options, or decide later.`)
  }
  return Object.keys(state.errors).length > 0 ? { ok: false, state } : { ok: true, choices }
}
