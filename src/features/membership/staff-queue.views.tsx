import { categoryLabels } from '#src/features/organizations/index.ts'
import { Select } from '#src/ui/fields.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { staffStatusLabels } from './labels.ts'
import { When } from './review-parts.views.tsx'
import { type QueueItem, type QueueStatus, queueStatuses } from './review-queue.ts'

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
          <Select
            id="filter-status"
            name="status"
            label="Status"
            value={props.status}
            options={queueStatuses.map((s) => ({ value: s, label: queueFilterLabels[s] }))}
            empty="Open: waiting for staff, the applicant or the board"
            error={props.error}
          />
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
                    <td>{staffStatusLabels[item.status]}</td>
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
