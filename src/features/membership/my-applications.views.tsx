import { categoryLabels } from '#src/features/organizations/index.ts'
import { formatInstantInZone } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { applicantStatus } from './labels.ts'
import type { ApplicationDetail, ApplicationListItem } from './types.ts'

export function StatusBadge(props: { status: ApplicationDetail['status'] }) {
  return <span class="badge">{applicantStatus[props.status].label}</span>
}

export function MyApplicationsPage(props: { items: ApplicationListItem[]; timeZone: string }) {
  return (
    <Layout title="Your applications">
      <div class="wrap">
        <h1>Your applications</h1>
        {props.items.length === 0 ? (
          <p>
            You have no application yet. <a href="/apply">Start one</a>.
          </p>
        ) : (
          <ul class="application-list">
            {props.items.map((item) => (
              <li>
                <h2>
                  <a href={`/applications/${item.id}`}>{item.organizationName || 'Untitled application'}</a>
                </h2>
                <p>
                  {categoryLabels[item.category]} · <StatusBadge status={item.status} />
                </p>
                <p class="note">
                  {item.submittedAt
                    ? `Submitted ${formatInstantInZone(item.submittedAt, props.timeZone)}`
                    : `Last saved ${formatInstantInZone(item.updatedAt, props.timeZone)}`}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/apply">Start another application</a>
        </p>
      </div>
    </Layout>
  )
}
