import { boardVoteChoices } from '#src/db/schema/index.ts'
import { TextArea } from '#src/ui/fields.tsx'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import {
  ApplicationEvidence,
  ApplicationHistory,
  ProfileFacts,
  VerdictsByRound,
} from './application-facts.views.tsx'
import type { VoteRow } from './board-votes.ts'
import { DecisionPanel, TallyFigures, VotesTable, youVoted } from './board-votes.views.tsx'
import type { DecisionSummary } from './decision-summary.ts'
import { choiceLabels } from './labels.ts'
import { ApplicationHead, Choices, commentHint } from './review-parts.views.tsx'
import type { BoardState } from './staff-application.views.tsx'
import type { ApplicationDetail } from './types.ts'

export type BoardApplicationProps = {
  app: ApplicationDetail
  timeZone: string
  decision?: DecisionSummary
  board: BoardState
  myVote: VoteRow | undefined
  form?: { choice: string; comment: string; errors: { choice?: string; comment?: string } }
  notice?: string
  error?: string
}

export function BoardApplicationPage(props: BoardApplicationProps) {
  const { app } = props
  return (
    <Layout title={`${app.organizationName || 'Application'}: Advisory Board`}>
      <div class="wrap">
        <ApplicationHead
          app={app}
          back={{ href: '/board/applications', label: 'Applications for the board' }}
        />
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        {props.decision ? (
          <DecisionPanel decision={props.decision} timeZone={props.timeZone} />
        ) : (
          <>
            <VoteSection {...props} />
            <section aria-labelledby="votes-heading">
              <h2 id="votes-heading">Votes so far</h2>
              <TallyFigures tally={props.board.tally} label="The votes so far" />
              <VotesTable votes={props.board.votes} timeZone={props.timeZone} caption="Votes so far" />
            </section>
          </>
        )}
        <h2>The application</h2>
        <ProfileFacts app={app} timeZone={props.timeZone} />
        <ApplicationEvidence app={app} timeZone={props.timeZone} />
        {app.category === 'member' ? (
          <VerdictsByRound app={app} timeZone={props.timeZone} />
        ) : (
          <p>BFF applications come to the board without staff verdicts: there are no criteria to judge.</p>
        )}
        <ApplicationHistory app={app} timeZone={props.timeZone} />
      </div>
    </Layout>
  )
}

function VoteSection(props: BoardApplicationProps) {
  const form = props.form ?? {
    choice: props.myVote?.choice ?? '',
    comment: props.myVote?.comment ?? '',
    errors: {},
  }
  const t = props.board.tally
  return (
    <section aria-labelledby="vote-heading">
      <h2 id="vote-heading">Your vote</h2>
      <p>
        {props.myVote
          ? `${youVoted(props.myVote.choice)}. You can change it until the decision closes.`
          : 'You have not voted yet.'}{' '}
        The decision closes by itself once the outcome can no longer change; {t.quorum} of the {t.eligible}{' '}
        board members must vote for it to count, and approval needs more approvals than rejections.
      </p>
      <form method="post" action={`/board/applications/${props.app.id}/vote`} class="form-card" novalidate>
        <CsrfInput />
        <Choices
          name="choice"
          legend="Your vote"
          options={boardVoteChoices.map((c) => ({ value: c, label: choiceLabels[c] }))}
          value={form.choice}
          error={form.errors.choice}
        />
        <TextArea
          id="vote-comment"
          name="comment"
          label="Comment (optional)"
          value={form.comment}
          hint={`Shown to staff and the board, and sent to the applicant with the decision. ${commentHint}`}
          error={form.errors.comment}
        />
        <p>
          <button type="submit" class="button">
            {props.myVote ? 'Change my vote' : 'Cast my vote'}
          </button>
        </p>
      </form>
    </section>
  )
}
