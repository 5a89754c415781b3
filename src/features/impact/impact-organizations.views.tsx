/** The organisations (members and BFFs) with verified figures or goals: each one's figures of all time and its goals. */
import type { Metric, OrganizationFigures } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'

const amount = (value: number | null, unit: Metric['unit']) =>
  value === null ? '—' : formatAmount(value, unit)

function Organization(props: { org: OrganizationFigures; metrics: readonly Metric[] }) {
  const { org } = props
  const rows = org.metrics.flatMap((figure) => {
    const metric = props.metrics.find((m) => m.key === figure.key)
    return metric && (figure.total !== null || figure.goal !== null) ? [{ metric, figure }] : []
  })
  const id = `organization-${org.slug}`
  return (
    <li class="impact-community">
      <h3 id={id}>{org.admitted ? <a href={`/organizations/${org.slug}`}>{org.name}</a> : org.name}</h3>
      {org.admitted ? null : <p class="note">No longer admitted: its verified figures still count.</p>}
      <div class="table-wrap">
        <table aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col" class="num">
                Verified
              </th>
              <th scope="col" class="num">
                Goal
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ metric, figure }) => (
              <tr>
                <th scope="row">{metric.name}</th>
                <td class="num">{amount(figure.total, metric.unit)}</td>
                <td class="num">{amount(figure.goal, metric.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </li>
  )
}

export function OrganizationsSection(props: {
  organizations: readonly OrganizationFigures[]
  metrics: readonly Metric[]
}) {
  return (
    <section aria-labelledby="organizations-heading">
      <h2 id="organizations-heading">The organisations</h2>
      <p class="note">
        Each member community's and BFF's verified figures of all time, and the sum of the goals it set for
        any period.
      </p>
      {props.organizations.length === 0 ? (
        <p>No organisation has a verified figure or a goal yet.</p>
      ) : (
        <ul class="org-list">
          {props.organizations.map((org) => (
            <Organization org={org} metrics={props.metrics} />
          ))}
        </ul>
      )}
    </section>
  )
}
