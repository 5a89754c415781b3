import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import type { BoardQueueItem, DecidedItem } from './board-queue.ts'
import { youVoted } from './board-votes.views.tsx'
import { CategoryBadge, When } from './review-parts.views.tsx'

/** An application in a board list: its organisation, linked to the board's page, and its category. */
function ItemHeading(props: {
  item: { id: string; organizationName: string | null; category: 'member' | 'bff' }
}) {
  const { item } = props
  return (
    <h3>
      <a href={`/board/applications/${item.id}`}>{item.organizationName || 'Unnamed organisation'}</a>{' '}
      <CategoryBadge category={item.category} />
    </h3>
  )
}

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
                <ItemHeading item={item} />
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
                <ItemHeading item={item} />
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
