import { CsrfInput, ErrorSummary, Flashes, type FlashMessage } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import type { DesignationTerm, OutcomeOrganization } from './outcome-organizations.ts'
import { ReportStatus } from './outcome-parts.tsx'
import { PeriodFields } from './period-fields.tsx'
import type { PeriodValues } from './period-form.ts'
import { periodLabel } from './periods.ts'
import type { ReportSummary } from './report-queries.ts'

/** Which organisation a page is about: a choice among those the viewer may act for. */
export function OrganizationChooser(props: {
  action: string
  organizations: OutcomeOrganization[]
  chosen: OutcomeOrganization | null
}) {
  if (props.organizations.length < 2) return null
  return (
    <form method="get" action={props.action} class="filters">
      <div class="field">
        <label for="organization">Organisation</label>
        <select id="organization" name="organization">
          {props.chosen ? null : <option value="">Choose an organisation…</option>}
          {props.organizations.map((o) => (
            <option value={o.slug} selected={o.id === props.chosen?.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="button secondary">
          Show
        </button>
      </div>
    </form>
  )
}

function ReportTable(props: { org: OutcomeOrganization; reports: ReportSummary[] }) {
  if (props.reports.length === 0) return <p>{props.org.name} has no outcome report yet.</p>
  return (
    <div class="table-wrap">
      <table>
        <caption>Outcome reports of {props.org.name}, newest period first</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Round
            </th>
          </tr>
        </thead>
        <tbody>
          {props.reports.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/outcomes/reports/${r.id}`}>
                  {periodLabel({ start: r.periodStart, end: r.periodEnd })}
                </a>
              </th>
              <td>
                <ReportStatus status={r.status} />
              </td>
              <td class="num">{r.round}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A seat holder's (or staff's, for any organisation) outcome reports, and the form to start one. */
export function OutcomesPage(props: {
  organizations: OutcomeOrganization[]
  org: OutcomeOrganization | null
  reports: ReportSummary[]
  terms: DesignationTerm[]
  values: PeriodValues
  errors: Partial<Record<string, string>>
  isStaff: boolean
  flash?: FlashMessage
}) {
  const { org } = props
  return (
    <Layout title={org ? `Outcome reports: ${org.name}` : 'Outcome reports'}>
      <div class="wrap">
        <h1>{org ? `Outcome reports: ${org.name}` : 'Outcome reports'}</h1>
        <p class="lede">
          Each report gives the figures of one period: jobs, training, businesses, investment and funding.
          Staff verify a report before its figures count in the network’s totals and on the public profile.
        </p>
        {props.isStaff ? (
          <p>
            <a href="/staff/outcomes">Reports waiting for staff</a> ·{' '}
            <a href="/staff/outcomes/metrics">Metrics</a>
          </p>
        ) : null}
        <Flashes flash={props.flash} />
        <OrganizationChooser action="/outcomes" organizations={props.organizations} chosen={org} />
        {org ? (
          <>
            <section aria-labelledby="reports-heading">
              <h2 id="reports-heading">Reports</h2>
              <ReportTable org={org} reports={props.reports} />
              <p>
                <a href={`/outcomes/goals?organization=${org.slug}`}>Goals of {org.name}</a>
              </p>
            </section>
            <section aria-labelledby="start-heading">
              <h2 id="start-heading">Start a report</h2>
              <ErrorSummary errors={props.errors} nothing="changed" />
              <form method="post" action="/outcomes" class="form-card" novalidate>
                <CsrfInput />
                <input type="hidden" name="organization" value={org.slug} />
                <PeriodFields
                  values={props.values}
                  errors={props.errors}
                  terms={props.terms}
                  legend="The period the report covers"
                />
                <p class="note">
                  If the organisation already has a report for the period, you are taken to it.
                </p>
                <button type="submit" class="button">
                  Start the report
                </button>
              </form>
            </section>
          </>
        ) : (
          <p>Choose the organisation whose reports you want to see.</p>
        )}
      </div>
    </Layout>
  )
}
