import { type MemberCriterion, memberCriteria, reviewVerdicts } from '#src/db/schema/index.ts'
import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput } from '#src/ui/form-parts.tsx'
import { criterionLabels, verdictLabels } from './labels.ts'
import type { ReviewForm, ReviewFormErrors } from './review-form.ts'
import { Choices, commentHint } from './review-parts.views.tsx'

/** Staff's verdicts on the four criteria: met, not met or needs more information, each with a comment. */

export function ReviewFormSection(props: {
  form: ReviewForm
  errors: ReviewFormErrors
  applicationId: string
  round: number
}) {
  const problems = Object.keys(props.errors).length
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Your verdicts for round {props.round}</h2>
      <p>
        Judge each criterion on its evidence. A comment is needed for “not met” and for “needs more
        information”: the applicant receives the comments on what to add. Any “needs more information” sends
        the application back to the applicant; otherwise it goes to the Advisory Board, which sees these
        verdicts (also those not met) and decides.
      </p>
      {problems > 0 ? (
        <div class="flash error" role="alert">
          <p>The verdicts were not recorded:</p>
          <ul>
            {Object.entries(props.errors).map(([field, message]) => (
              <li>
                <a href={field.startsWith('verdict_') ? `#${field}-met` : `#${field}`}>
                  {criterionLabels[field.replace(/^(verdict|comment)_/, '') as MemberCriterion]}
                </a>
                : {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`/staff/applications/${props.applicationId}/review`} novalidate>
        <CsrfInput />
        <ul class="org-list">
          {memberCriteria.map((criterion: MemberCriterion) => (
            <li>
              <Choices
                name={`verdict_${criterion}`}
                legend={criterionLabels[criterion]}
                options={reviewVerdicts.map((v) => ({ value: v, label: verdictLabels[v] }))}
                value={props.form[criterion].verdict}
                error={props.errors[`verdict_${criterion}`]}
              />
              <TextArea
                id={`comment_${criterion}`}
                name={`comment_${criterion}`}
                label={`${criterionLabels[criterion]}: comment`}
                value={props.form[criterion].comment}
                hint={`Required unless met. ${commentHint}`}
                error={props.errors[`comment_${criterion}`]}
              />
            </li>
          ))}
        </ul>
        <p>
          <button type="submit" class="button">
            Record the verdicts
          </button>
        </p>
      </form>
    </section>
  )
}
