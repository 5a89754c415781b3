import { Field } from '#src/ui/form-parts.tsx'
import { draftFieldLabels } from './draft-fields.ts'
import { commitmentKeys, commitmentLabels, nomineeSeatLabels } from './nominees.ts'
import type { NomineeRow } from './types.ts'

/** The commitments as a list, for the acceptance page and the application's pages. */
export function CommitmentList() {
  return (
    <ul>
      {commitmentKeys.map((key) => (
        <li>{commitmentLabels[key]}</li>
      ))}
    </ul>
  )
}

/**
 * The draft's seats section: the representative and the alternate it nominates (name, email,
 * title), and a box to tick for each commitment of membership.
 */
export function NomineesSection(props: {
  nominees: NomineeRow[]
  commitments: string[]
  nomineesError?: string
  commitmentsError?: string
}) {
  return (
    <section class="form-section" id="seats" aria-labelledby="seats-heading">
      <h2 id="seats-heading">{draftFieldLabels.nominees}</h2>
      <p class="hint">
        Every organisation has a representative and an alternate. Name the two people you propose: on
        admission each is invited by email to their seat. Both are required to submit, with different email
        addresses.
      </p>
      {props.nomineesError ? (
        <p class="error" id="field-nominees">
          {props.nomineesError}
        </p>
      ) : null}
      {props.nominees.map((row) => (
        <fieldset class="group">
          <legend>{nomineeSeatLabels[row.seat]}</legend>
          <Field
            id={`${row.seat}-fullName`}
            name={`${row.seat}FullName`}
            label="Full name"
            value={row.fullName}
            autocomplete="off"
            required={false}
          />
          <Field
            type="email"
            id={`${row.seat}-email`}
            name={`${row.seat}Email`}
            label="Email"
            value={row.email}
            inputmode="email"
            autocomplete="off"
            required={false}
          />
          <Field
            id={`${row.seat}-title`}
            name={`${row.seat}Title`}
            label="Title"
            hint="Their role in the organisation, such as Director of economic development."
            value={row.title}
            autocomplete="off"
            required={false}
          />
        </fieldset>
      ))}
      <fieldset class="group" id="field-commitments">
        <legend>{draftFieldLabels.commitments}</legend>
        <p class="hint">Tick each one to acknowledge it on behalf of the organisation.</p>
        {props.commitmentsError ? <p class="error">{props.commitmentsError}</p> : null}
        <input type="hidden" name="commitments" value="" />
        <ul class="choice-list">
          {commitmentKeys.map((key) => (
            <li class="choice">
              <input
                type="checkbox"
                id={`commitment-${key}`}
                name="commitments"
                value={key}
                checked={props.commitments.includes(key)}
              />
              <label for={`commitment-${key}`}>{commitmentLabels[key]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </section>
  )
}
