import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { annualReportCssPath } from './annual-report-css.ts'
import { Highlights } from './highlights.views.tsx'
import { CommunityOutcomes, NetworkOutcomes, QuietCommunities } from './outcomes.views.tsx'
import type { YearReport } from './year-report.ts'

/** The address of a year's annual report. */
export const annualReportPath = (year: number): string => `/impact/report/${year}`

/**
 * The annual report as one printable page: a cover, the year's highlights, outcomes against
 * goals, then a page per community with verified figures or goals, and one page listing the
 * members with neither (annual-report.css breaks the printed pages).
 */
export function AnnualReportPage(props: { report: YearReport; hasDemoData: boolean }) {
  const r = props.report
  const site = currentChrome()
  const reporting = r.communities.filter((c) => c.metrics.length > 0)
  const quiet = r.communities.filter((c) => c.metrics.length === 0)
  return (
    <Layout
      title={`Annual report ${r.year}`}
      description={`${site.name}: the year ${r.year} in figures, counted from the network's records.`}
      hasDemoData={props.hasDemoData}
      canonicalPath={annualReportPath(r.year)}
    >
      {/* A stylesheet of the report's own (print pages, cover): allowed in the body, and by the CSP. */}
      <link rel="stylesheet" href={annualReportCssPath} />
      <article class="wrap annual-report">
        <header class="report-cover">
          <p class="report-network">{site.name}</p>
          <h1>
            Annual report <span class="report-year">{r.year}</span>
          </h1>
          <p class="lede">
            {r.isOver
              ? `The year ${r.year} in figures, counted from the network's records.`
              : `${r.year} so far: figures as of ${formatDate(r.asOf)}, counted from the network's records.`}
          </p>
          <p class="report-screen-only">
            To keep a copy, print this page or save it as a PDF from your browser: each community starts a new
            page. See also <a href="/impact">the network's impact</a>.
          </p>
        </header>
        <Highlights report={r} />
        <NetworkOutcomes year={r.year} metrics={r.outcomes.metrics} />
        <section class="report-section report-communities" aria-labelledby="communities-heading">
          <h2 id="communities-heading">Communities</h2>
          {r.communities.length === 0 ? (
            <p>No community was a member {r.isOver ? `at the end of ${r.year}` : 'today'}.</p>
          ) : null}
          {reporting.map((community) => (
            <CommunityOutcomes year={r.year} community={community} />
          ))}
          {quiet.length > 0 ? <QuietCommunities year={r.year} communities={quiet} /> : null}
        </section>
      </article>
    </Layout>
  )
}
