import type { BoardVoteChoice } from '#src/db/schema/index.ts'
import { formatDate } from '#src/ui/format.ts'
import type { VoteRow } from './board-votes.ts'
import type { DecisionSummary } from './decision-summary.ts'
import { choiceLabels } from './labels.ts'
import { Lines, When } from './review-parts.views.tsx'
import { describeTally, type Tally, votesIn } from './tally.ts'

// The Advisory Board's votes, tally and decision, as staff and the board see them.

export function TallyFigures(props: { tally: Tally; label: string }) {
  const t = props.tally
  return (
    <ul class="figures" aria-label={props.label}>
      <li class="figure">
        <span class="value">{t.approve}</span>
        <span class="label">Approve</span>
      </li>
      <li class="figure">
        <span class="value">{t.reject}</span>
        <span class="label">Reject</span>
      </li>
      <li class="figure">
        <span class="value">{t.abstain}</span>
        <span class="label">Abstain</span>
      </li>
      <li class="figure">
        <span class="value">
          {votesIn(t)} of {t.eligible}
        </span>
        <span class="label">Board members who voted</span>
      </li>
      <li class="figure">
        <span class="value">{t.quorum}</span>
        <span class="label">Quorum (votes needed)</span>
      </li>
    </ul>
  )
}

export function VotesTable(props: { votes: VoteRow[]; timeZone: string; caption: string }) {
  if (props.votes.length === 0) return <p>No board member has voted yet.</p>
  return (
    <div class="table-wrap">
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Board member</th>
            <th scope="col">Vote</th>
            <th scope="col">Comment</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {props.votes.map((v) => (
            <tr>
              <th scope="row">
                {v.voterName}
                {v.counts ? '' : ' (not on the board that day: not counted)'}
              </th>
              <td>{choiceLabels[v.choice]}</td>
              <td>{v.comment ? <Lines text={v.comment} /> : ''}</td>
              <td>
                <When iso={v.castAt} timeZone={props.timeZone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The recorded decision: outcome, who, when, the tally, how it closed, and every vote with its comment. */
export function DecisionPanel(props: { decision: DecisionSummary; timeZone: string }) {
  const d = props.decision
  const title = d.outcome === 'approved' ? 'Approved by the Advisory Board' : 'Rejected by the Advisory Board'
  return (
    <section aria-labelledby="decision-heading" id="decision">
      <h2 id="decision-heading">{title}</h2>
      <div class="card">
        <dl class="facts">
          <dt>Decided</dt>
          <dd>
            <When iso={d.decidedAt} timeZone={props.timeZone} />
          </dd>
          <dt>{d.closedBy === 'vote' ? 'Settled by the vote of' : 'Closed by'}</dt>
          <dd>{d.decidedBy?.name ?? 'a person no longer on record'}</dd>
          <dt>Tally</dt>
          <dd>{describeTally(d.tally)}</dd>
          <dt>Why it closed</dt>
          <dd>
            <Lines text={d.explanation} />
          </dd>
          {d.organization ? (
            <>
              <dt>Organisation</dt>
              <dd>
                <a href={`/organizations/${d.organization.slug}`}>{d.organization.name}</a>
                {d.admittedOn ? `, admitted ${formatDate(d.admittedOn)}` : ''}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <TallyFigures tally={d.tally} label="The tally the decision was taken on" />
      <VotesTable votes={d.votes} timeZone={props.timeZone} caption="Votes and comments" />
    </section>
  )
}

export const youVoted = (choice: BoardVoteChoice | null) =>
  choice ? `You voted: ${choiceLabels[choice].toLowerCase()}` : 'Not voted yet'
