import {
  type BoardVoteChoice,
  boardVoteChoices,
  type MemberCriterion,
  memberCriteria,
  reviewVerdicts,
} from '#src/db/schema/index.ts'
import { countyName, stateName } from '#src/features/map/index.ts'
import { bffKindLabels, categoryLabels } from '#src/features/organizations/index.ts'
import { CsrfInput, Flash } from '#src/ui/form-parts.tsx'
import { formatDate, formatInstantInZone, formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  type BoardQueueItem,
  choiceLabels,
  type DecidedItem,
  type DecisionSummary,
  describeTally,
  hasQuorum,
  type Tally,
  type VoteRow,
  votesIn,
} from './board.ts'
import {
  type ApplicationDetail,
  COMMENT_MAX,
  criterionLabels,
  emptyReviewForm,
  eventLabels,
  type QueueItem,
  type QueueStatus,
  queueStatuses,
  type ReviewForm,
  type ReviewFormErrors,
  statusLabels,
  verdictLabels,
} from './review.ts'

// ---------------------------------------------------------------------------------------
// Small pieces

function When(props: { iso: string | null; timeZone: string }) {
  if (!props.iso) return <span>not yet</span>
  return <time datetime={props.iso}>{formatInstantInZone(props.iso, props.timeZone)}</time>
}

/** Text typed by a person, with its line breaks kept (as <br>: the text itself stays escaped). */
function Lines(props: { text: string }) {
  const lines = props.text.split('\n')
  return (
    <>
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  )
}

const isWebLink = (url: string) => /^https?:\/\/[^\s]+$/i.test(url)

/** An outside link typed by an applicant: only http(s), never followed for ranking, no opener. */
function OutsideLink(props: { url: string }) {
  if (!isWebLink(props.url)) return <span>{props.url} (not a web address, so not linked)</span>
  return (
    <a href={props.url} rel="noopener nofollow">
      {props.url}
    </a>
  )
}

const formatSize = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} bytes`

function CategoryBadge(props: { category: 'member' | 'bff' }) {
  return (
    <span class={props.category === 'bff' ? 'badge bff' : 'badge'}>{categoryLabels[props.category]}</span>
  )
}

// ---------------------------------------------------------------------------------------
// The application itself

function ProfileFacts(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  const counties = app.counties.map((fips) => {
    const county = countyName(fips)
    return county ? `${county.name}, ${county.state}` : fips
  })
  return (
    <dl class="facts">
      <dt>Category</dt>
      <dd>{categoryLabels[app.category]}</dd>
      <dt>Applicant</dt>
      <dd>
        {app.applicant.name} (<a href={`mailto:${app.applicant.email}`}>{app.applicant.email}</a>)
      </dd>
      <dt>Submitted</dt>
      <dd>
        <When iso={app.submittedAt} timeZone={props.timeZone} />
      </dd>
      {app.category === 'member' ? (
        <>
          <dt>Review round</dt>
          <dd>{app.round}</dd>
        </>
      ) : null}
      <dt>Status</dt>
      <dd>{statusLabels[app.status]}</dd>
      {app.shortName ? (
        <>
          <dt>Short name</dt>
          <dd>{app.shortName}</dd>
        </>
      ) : null}
      {app.category === 'member' ? (
        <>
          <dt>Lead organisation</dt>
          <dd>{app.leadOrganization ?? 'Not given'}</dd>
        </>
      ) : null}
      {app.category === 'bff' ? (
        <>
          <dt>Kind</dt>
          <dd>{app.bffKind ? bffKindLabels[app.bffKind] : 'Not given'}</dd>
          <dt>Open-source value</dt>
          <dd>{app.openSourceValue ? <Lines text={app.openSourceValue} /> : 'Not given'}</dd>
        </>
      ) : null}
      <dt>Website</dt>
      <dd>{app.website ? <OutsideLink url={app.website} /> : 'Not given'}</dd>
      <dt>Summary</dt>
      <dd>{app.summary ? <Lines text={app.summary} /> : 'Not given'}</dd>
      <dt>{plural(app.states.length, 'State')}</dt>
      <dd>{app.states.length > 0 ? app.states.map((s) => stateName(s) ?? s).join(', ') : 'None given'}</dd>
      <dt>{plural(counties.length, 'County', 'Counties')}</dt>
      <dd>{counties.length > 0 ? counties.join('; ') : 'None given'}</dd>
      <dt>Focus industries</dt>
      <dd>{app.focusIndustries.length > 0 ? app.focusIndustries.join(', ') : 'None given'}</dd>
      <dt>Designations</dt>
      <dd>
        {app.designations.length > 0 ? (
          <ul>
            {app.designations.map((d) => (
              <li>
                {d.program || 'Unnamed program'}: {d.kind || 'designated'}
                {/^\d{4}-\d{2}-\d{2}$/.test(d.date)
                  ? ` on ${formatDate(d.date)}`
                  : d.date
                    ? ` on ${d.date}`
                    : ''}
              </li>
            ))}
          </ul>
        ) : (
          'None given'
        )}
      </dd>
      <dt>Partner organisations</dt>
      <dd>
        {app.partners.length > 0 ? (
          <>
            {formatNumber(app.partners.length)} {plural(app.partners.length, 'partner')}:
            <ul>
              {app.partners.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </>
        ) : (
          'None listed'
        )}
      </dd>
    </dl>
  )
}

function EvidenceSection(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  if (app.category !== 'member') return null
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence for the four criteria</h2>
      <div class="grid-2">
        {memberCriteria.map((criterion) => {
          const items = app.evidence.filter((e) => e.criterion === criterion)
          return (
            <div class="card">
              <h3>{criterionLabels[criterion]}</h3>
              {items.length === 0 ? (
                <p>No evidence given.</p>
              ) : (
                <ul>
                  {items.map((e) => (
                    <li>
                      {e.file ? (
                        <>
                          <a href={`/files/${e.file.id}`}>{e.file.name}</a> ({e.file.contentType},{' '}
                          {formatSize(e.file.size)})
                        </>
                      ) : e.url ? (
                        <OutsideLink url={e.url} />
                      ) : null}
                      {e.note ? (
                        <>
                          {' '}
                          <span class="note">
                            <Lines text={e.note} />
                          </span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )
        })}
      </div>
    </section>
  )
}

function VerdictsByRound(props: { app: ApplicationDetail; timeZone: string }) {
  const { app } = props
  if (app.category !== 'member') return null
  const rounds = [...new Set(app.reviews.map((r) => r.round))].sort((a, b) => a - b)
  return (
    <section aria-labelledby="verdicts-heading">
      <h2 id="verdicts-heading">Staff verdicts</h2>
      {rounds.length === 0 ? <p>No verdicts recorded yet.</p> : null}
      {rounds.map((round) => (
        <div class="table-wrap">
          <table>
            <caption>Round {round}</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">Verdict</th>
                <th scope="col">Comment</th>
                <th scope="col">Reviewer</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {app.reviews
                .filter((r) => r.round === round)
                .map((r) => (
                  <tr>
                    <th scope="row">{criterionLabels[r.criterion]}</th>
                    <td>{verdictLabels[r.verdict]}</td>
                    <td>{r.comment ? <Lines text={r.comment} /> : ''}</td>
                    <td>{r.reviewerName}</td>
                    <td>
                      <When iso={r.createdAt} timeZone={props.timeZone} />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}

function History(props: { app: ApplicationDetail; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {props.app.events.length === 0 ? <p>Nothing recorded yet.</p> : null}
      <ol class="timeline">
        {props.app.events.map((e) => (
          <li>
            <When iso={e.createdAt} timeZone={props.timeZone} />
            <strong>{eventLabels[e.kind]}</strong>
            {e.round > 0 ? ` (round ${e.round})` : ''}
            {e.actorName ? ` by ${e.actorName}` : ''}
            {e.comment ? (
              <p>
                <Lines text={e.comment} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

function TallyFigures(props: { tally: Tally; label: string }) {
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

function VotesTable(props: { votes: VoteRow[]; timeZone: string; caption: string }) {
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

function ApplicationHead(props: { app: ApplicationDetail; back: { href: string; label: string } }) {
  return (
    <>
      <p>
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <div class="profile-head">
        <h1>{props.app.organizationName || 'Unnamed organisation'}</h1>
        <CategoryBadge category={props.app.category} />
      </div>
      <p class="lede">
        {statusLabels[props.app.status]}
        {props.app.category === 'member' && props.app.round > 0 ? `, review round ${props.app.round}` : ''}.
      </p>
    </>
  )
}

function TextArea(props: {
  id: string
  name: string
  label: string
  value: string
  hint: string
  error?: string
  rows?: number
}) {
  const hintId = `${props.id}-hint`
  const errorId = `${props.id}-error`
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 3}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={[props.error ? errorId : '', hintId].filter(Boolean).join(' ')}
      >
        {props.value}
      </textarea>
      <p class="hint" id={hintId}>
        {props.hint}
      </p>
    </div>
  )
}

/** Radio buttons in a fieldset, with the error (if any) under the legend. */
function Choices(props: {
  name: string
  legend: string
  options: readonly { value: string; label: string }[]
  value: string
  error?: string
}) {
  const errorId = `${props.name}-error`
  return (
    <fieldset class="choices" aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      {props.error ? (
        <p class="error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      {props.options.map((o) => (
        <span class="choice">
          <input
            type="radio"
            id={`${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            class="choice-input"
          />{' '}
          <label for={`${props.name}-${o.value}`} class="choice-label">
            {o.label}
          </label>{' '}
        </span>
      ))}
    </fieldset>
  )
}

const commentHint = `Up to ${formatNumber(COMMENT_MAX)} characters.`

// ---------------------------------------------------------------------------------------
// Staff pages

const queueFilterLabels: Record<QueueStatus, string> = {
  submitted: 'Waiting for staff review',
  needs_info: 'Waiting for the applicant (more information asked)',
  with_board: 'With the Advisory Board',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
}

export function StaffQueuePage(props: {
  items: QueueItem[]
  status: string
  error?: string
  timeZone: string
}) {
  return (
    <Layout title="Applications">
      <div class="wrap">
        <h1>Applications</h1>
        <p class="lede">
          Applications to review, waiting for their applicants, and with the Advisory Board. Open one to see
          its evidence, its history and what to do next.
        </p>
        <form method="get" action="/staff/applications" class="filters" aria-label="Filter the applications">
          <div>
            <label for="filter-status">Status</label>
            <select
              id="filter-status"
              name="status"
              aria-invalid={props.error ? 'true' : undefined}
              aria-describedby={props.error ? 'filter-status-error' : undefined}
            >
              <option value="">Open: waiting for staff, the applicant or the board</option>
              {queueStatuses.map((s) => (
                <option value={s} selected={props.status === s}>
                  {queueFilterLabels[s]}
                </option>
              ))}
            </select>
            {props.error ? (
              <p class="form-error" id="filter-status-error">
                {props.error}
              </p>
            ) : null}
          </div>
          <div class="actions">
            <button type="submit" class="button">
              Show
            </button>
          </div>
        </form>
        <p class="results-count" role="status">
          {formatNumber(props.items.length)} {plural(props.items.length, 'application')}
        </p>
        {props.items.length > 0 ? (
          <div class="table-wrap">
            <table>
              <caption>Applications, the longest waiting first</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Category</th>
                  <th scope="col">Applicant</th>
                  <th scope="col">Submitted</th>
                  <th scope="col" class="num">
                    Round
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {props.items.map((item) => (
                  <tr>
                    <th scope="row">
                      <a href={`/staff/applications/${item.id}`}>
                        {item.organizationName || 'Unnamed organisation'}
                      </a>
                    </th>
                    <td>{categoryLabels[item.category]}</td>
                    <td>{item.applicantName}</td>
                    <td>
                      <When iso={item.submittedAt} timeZone={props.timeZone} />
                    </td>
                    <td class="num">{item.round}</td>
                    <td>{statusLabels[item.status]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No application is in this state.</p>
        )}
      </div>
    </Layout>
  )
}

function ReviewFormSection(props: {
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
            {reviewProblems === 1 ? 'one answer needs' : `${reviewProblems} answers need`} a change.{' '}
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
        <EvidenceSection app={app} timeZone={props.timeZone} />
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
        <History app={app} timeZone={props.timeZone} />
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

// ---------------------------------------------------------------------------------------
// Advisory Board pages

const youVoted = (choice: BoardVoteChoice | null) =>
  choice ? `You voted: ${choiceLabels[choice].toLowerCase()}` : 'Not voted yet'

export function BoardQueuePage(props: {
  waiting: BoardQueueItem[]
  decided: DecidedItem[]
  timeZone: string
}) {
  return (
    <Layout title="Advisory Board: applications">
      <div class="wrap">
        <h1>Applications for the Advisory Board</h1>
        <p class="lede">
          Vote approve, reject or abstain on each application. You can change your vote until the decision
          closes, which happens by itself as soon as the outcome can no longer change.
        </p>
        <h2 id="waiting-heading">Awaiting the board</h2>
        {props.waiting.length === 0 ? (
          <p>Nothing awaits the board.</p>
        ) : (
          <ul class="org-list" aria-labelledby="waiting-heading">
            {props.waiting.map((item) => (
              <li>
                <h3>
                  <a href={`/board/applications/${item.id}`}>
                    {item.organizationName || 'Unnamed organisation'}
                  </a>{' '}
                  <CategoryBadge category={item.category} />
                </h3>
                <p class="meta">
                  <span>
                    <strong>{youVoted(item.myChoice)}</strong>
                  </span>
                  <span>Applicant: {item.applicantName}</span>
                  <span>
                    With the board since <When iso={item.sentAt} timeZone={props.timeZone} />
                  </span>
                  <span>
                    {item.votesIn} {plural(item.votesIn, 'vote')} so far
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )}
        <h2 id="decided-heading">Recent decisions</h2>
        {props.decided.length === 0 ? (
          <p>No decision recorded yet.</p>
        ) : (
          <ul class="org-list" aria-labelledby="decided-heading">
            {props.decided.map((item) => (
              <li>
                <h3>
                  <a href={`/board/applications/${item.id}`}>
                    {item.organizationName || 'Unnamed organisation'}
                  </a>{' '}
                  <CategoryBadge category={item.category} />
                </h3>
                <p class="meta">
                  <span>
                    <strong>{item.outcome === 'approved' ? 'Approved' : 'Rejected'}</strong>{' '}
                    <When iso={item.decidedAt} timeZone={props.timeZone} />
                  </span>
                  <span>{item.myChoice ? youVoted(item.myChoice) : 'You did not vote'}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Layout>
  )
}

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
        <EvidenceSection app={app} timeZone={props.timeZone} />
        {app.category === 'member' ? (
          <VerdictsByRound app={app} timeZone={props.timeZone} />
        ) : (
          <p>BFF applications come to the board without staff verdicts: there are no criteria to judge.</p>
        )}
        <History app={app} timeZone={props.timeZone} />
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
