/** The public impact page: the network's verified outcomes, by year, on the map and by organisation. */
import type { Metric } from '#src/features/outcomes/index.ts'
import { plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { MetricChart, metricsOverYears } from './impact-charts.views.tsx'
import type { Impact } from './impact-data.ts'
import { GroupsSection } from './impact-groups.views.tsx'
import type { ImpactMap } from './impact-map.ts'
import { MapSection } from './impact-map.views.tsx'
import { OrganizationsSection } from './impact-organizations.views.tsx'
import { TotalsSection } from './impact-totals.views.tsx'

const listFormat = new Intl.ListFormat('en', { type: 'conjunction' })

export function ImpactPage(props: {
  impact: Impact
  /** The metric the map is shaded by and its map (null when no organisation has a verified figure). */
  map: { metrics: Metric[]; chosen: Metric; drawn: ImpactMap } | null
  hasDemoData: boolean
}) {
  const { impact } = props
  const charts = metricsOverYears(impact.metrics, impact.allTime)
  const notSummed = impact.allTime.metrics.filter((m) => !m.sums && m.organizations > 0)
  return (
    <Layout
      title="The network's impact"
      current="/impact"
      canonicalPath="/impact"
      hasDemoData={props.hasDemoData}
      description="Outcomes the network's organisations (member communities and BFFs) reported and the staff verified: jobs, training, businesses and investment, by year and by organisation."
    >
      <div class="wrap impact-page">
        <h1>The network's impact</h1>
        <p class="lede">
          What the network's organisations (its member communities and BFFs) reported and its staff verified.
          Only verified figures count here; figures quoted from documents are shown, with their source, on
          each organisation's profile.
        </p>
        {impact.latest && impact.latestYear !== null ? (
          <TotalsSection
            id="latest-heading"
            heading={`In ${impact.latestYear}`}
            note="The latest year with verified figures: reports and goals whose period ends that year. A share of goal counts only the organisations that set a goal and reported a verified figure."
            rollup={impact.latest}
            measuresGoals
          />
        ) : null}
        <TotalsSection
          id="all-time-heading"
          heading="All time"
          note="Every verified report. Progress toward goals is shown for a single year only, where goals and figures cover the same periods."
          rollup={impact.allTime}
          measuresGoals={false}
        />
        {notSummed.length > 0 ? (
          <p class="note">
            {listFormat.format(notSummed.map((m) => m.name))} {plural(notSummed.length, 'does', 'do')} not add
            up across organisations: see each organisation's own figure below.
          </p>
        ) : null}
        {charts.length > 0 ? (
          <section aria-labelledby="years-heading">
            <h2 id="years-heading">Over the years</h2>
            <div class="grid-2">
              {charts.map((entry) => (
                <MetricChart entry={entry} />
              ))}
            </div>
          </section>
        ) : null}
        {props.map ? (
          <MapSection metrics={props.map.metrics} chosen={props.map.chosen} map={props.map.drawn} />
        ) : null}
        <GroupsSection rollup={impact.allTime} metrics={impact.metrics} />
        <OrganizationsSection organizations={impact.allTime.byOrganization} metrics={impact.metrics} />
      </div>
    </Layout>
  )
}
