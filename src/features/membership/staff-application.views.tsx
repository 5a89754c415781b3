import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  ApplicationEvidence,
  ApplicationHistory,
  ProfileFacts,
  VerdictsByRound,
} from './application-facts.views.tsx'
import type { VoteRow } from './board-votes.ts'
import { DecisionPanel, TallyFigures, VotesTable } from './board-votes.views.tsx'
import type { DecisionSummary } from './decision-summary.ts'
import { ReviewFormSection } from './review-criteria.views.tsx'
import { emptyReviewForm, type ReviewForm, type ReviewFormErrors } from './review-form.ts'
import { ApplicationHead, commentHint } from './review-parts.views.tsx'
import { hasQuorum, type Tally, votesIn } from './tally.ts'
import type { ApplicationDetail } from './types.ts'

export type BoardState = { tally: Tally; votes: VoteRow[] }

export type StaffApplicationProps = {
  app: ApplicationDetail
  timeZone: string
  decision?: DecisionSummary
  board?: BoardState
  review?: { form: ReviewForm; errors: ReviewFormErrors }
  closeForm?: { comment: string; error?: string }
  sendForm?: { comment: string; error?: string }
  notice?: string
  error?: string
}

export function StaffApplicationPage(props: StaffApplicationProps) {
  const { app } = props
  const canReview = app.category === 'member' && app.status === 'submitted'
  const canSend = app.category === 'bff' && app.status === 'submitted'
  const reviewProblems = Object.keys(props.review?.errors ?? {}).length
  return (
    <Layout title={`${app.organizationName || 'Application'}: application`}>
      <div class="wrap">
        <ApplicationHead app={app} back={{ href: '/staff/applications', label: 'Applications' }} />
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        {props.decision ? <DecisionPanel decision={props.decision} timeZone={props.timeZone} /> : null}
        {app.status === 'with_board' && props.board ? (
          <StaffBoardSection app={app} board={props.board} timeZone={props.timeZone} form={props.closeForm} />
        ) : null}
        {canReview && !reviewProblems ? (
          <p>
            <a href="#review-heading">Go to the verdict form</a>, below the evidence.
          </p>
        ) : null}
        {reviewProblems ? (
          <Flash isError>
            The verdicts were not recorded:{' '}
            {plural(reviewProblems, 'one answer needs', `${reviewProblems} answers need`)} a change.{' '}
            <a href="#review-heading">Go to the verdict form</a>.
          </Flash>
        ) : null}
        {app.status === 'needs_info' ? (
          <p class="card">
            Waiting for the applicant to add the information asked for in round {app.round}. When they submit
            again, round {app.round + 1} opens here for new verdicts.
          </p>
        ) : null}
        <h2>The application</h2>
        <ProfileFacts app={app} timeZone={props.timeZone} />
        <ApplicationEvidence app={app} timeZone={props.timeZone} />
        <VerdictsByRound app={app} timeZone={props.timeZone} />
        {canReview ? (
          <ReviewFormSection
            form={props.review?.form ?? emptyReviewForm()}
            errors={props.review?.errors ?? {}}
            applicationId={app.id}
            round={app.round}
          />
        ) : null}
        {canSend ? <SendToBoardSection app={app} form={props.sendForm} /> : null}
        <ApplicationHistory app={app} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}

function StaffBoardSection(props: {
  app: ApplicationDetail
  board: BoardState
  timeZone: string
  form?: { comment: string; error?: string }
}) {
  const { tally, votes } = props.board
  const quorumMet = hasQuorum(tally)
  return (
    <section aria-labelledby="board-heading">
      <h2 id="board-heading">The Advisory Board's vote so far</h2>
      <TallyFigures tally={tally} label="The votes so far" />
      <p>
        The decision closes by itself as soon as the outcome can no longer change. Approval needs a simple
        majority of the votes cast (abstentions count toward the quorum only).
      </p>
      <VotesTable votes={votes} timeZone={props.timeZone} caption="Votes so far" />
      <h3 class="close-heading">Close the decision</h3>
      {quorumMet ? (
        <form method="post" action={`/staff/applications/${props.app.id}/close`} class="form-card" novalidate>
          <CsrfInput />
          <p>
            The quorum is met ({votesIn(tally)} of {tally.eligible} voted, {tally.quorum} needed). Closing now
            records “{tally.approve > tally.reject ? 'approved' : 'rejected'}”: a tie is not a majority, so it
            rejects.
          </p>
          <TextArea
            id="close-comment"
            name="comment"
            label="Why close now (optional)"
            value={props.form?.comment ?? ''}
            hint={`Recorded with the decision and sent to the applicant. ${commentHint}`}
            error={props.form?.error}
          />
          <p>
            <button type="submit" class="button">
              Close the decision on these votes
            </button>
          </p>
        </form>
      ) : (
        <p>
          The quorum is not met: {votesIn(tally)} of {tally.eligible} board members voted, and {tally.quorum}{' '}
          must vote before staff can close the decision.
        </p>
      )}
    </section>
  )
}

function SendToBoardSection(props: { app: ApplicationDetail; form?: { comment: string; error?: string } }) {
  return (
    <section aria-labelledby="send-heading">
      <h2 id="send-heading">Send to the Advisory Board</h2>
      <p>BFF applications have no criteria to judge: the Advisory Board decides whether to admit them.</p>
      <form
        method="post"
        action={`/staff/applications/${props.app.id}/send-to-board`}
        class="form-card"
        novalidate
      >
        <CsrfInput />
        <TextArea
          id="send-comment"
          name="comment"
          label="A note for the board (optional)"
          value={props.form?.comment ?? ''}
          hint={commentHint}
          error={props.form?.error}
        />
        <p>
          <button type="submit" class="button">
            Send to the Advisory Board
          </button>
        </p>
      </form>
    </section>
  )
}
