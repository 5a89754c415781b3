import type { OutcomeReportStatus } from '#src/db/schema/index.ts'
import { formatNumber } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { StaffNav } from '#src/ui/staff-nav.tsx'
import { TimeAt } from '#src/ui/time-at.tsx'
import { ReportStatus } from './outcome-parts.tsx'
import { periodLabel } from './periods.ts'
import type { ReportSummary } from './report-queries.ts'

export type QueueTab = OutcomeReportStatus | 'all'

const tabs: { key: QueueTab; label: string }[] = [
  { key: 'submitted', label: 'Waiting for staff' },
  { key: 'returned', label: 'Returned' },
  { key: 'draft', label: 'Drafts' },
  { key: 'verified', label: 'Verified' },
  { key: 'all', label: 'All' },
]

const none: Record<QueueTab, string> = {
  submitted: 'No report is waiting for staff.',
  returned: 'No report is back with its organisation.',
  draft: 'No report is a draft.',
  verified: 'No report is verified yet.',
  all: 'No organisation has started an outcome report yet.',
}

function lastChange(r: ReportSummary) {
  const at = r.verifiedAt ?? r.submittedAt ?? r.createdAt
  return <TimeAt at={at} />
}

/** Staff's queue: the reports in one state, each linking to its page. */
export function StaffQueuePage(props: {
  tab: QueueTab
  reports: ReportSummary[]
  counts: Record<OutcomeReportStatus, number>
}) {
  const total = Object.values(props.counts).reduce((a, b) => a + b, 0)
  const count = (key: QueueTab) => (key === 'all' ? total : props.counts[key])
  const current = tabs.find((t) => t.key === props.tab)
  return (
    <Layout title="Outcome reports">
      <div class="wrap">
        <StaffNav current="outcomes" />
        <h1>Outcome reports</h1>
        <p class="lede">
          Verify a submitted report, or return it with a comment on each figure to look at again. Only
          verified figures count anywhere.
        </p>
        <nav aria-label="Reports by state">
          <ul class="meta">
            {tabs.map((t) => (
              <li>
                <a
                  href={`/staff/outcomes?status=${t.key}`}
                  aria-current={t.key === props.tab ? 'page' : undefined}
                >
                  {t.label} ({formatNumber(count(t.key))})
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {props.reports.length === 0 ? (
          <p>{none[props.tab]}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <caption>{current?.label ?? 'Reports'}: newest period first</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Round
                  </th>
                  <th scope="col">Last step</th>
                </tr>
              </thead>
              <tbody>
                {props.reports.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={`/outcomes/reports/${r.id}`}>{r.organizationName}</a>
                    </th>
                    <td>{periodLabel({ start: r.periodStart, end: r.periodEnd })}</td>
                    <td>
                      <ReportStatus status={r.status} />
                    </td>
                    <td class="num">{r.round}</td>
                    <td>{lastChange(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href="/outcomes">Start or open an organisation’s report</a> · <a href="/outcomes/goals">Goals</a>{' '}
          · <a href="/staff/outcomes/metrics">Metrics</a>
        </p>
      </div>
    </Layout>
  )
}
