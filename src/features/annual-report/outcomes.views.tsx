import { FiguresTable, type MetricTotal, NoFigure, OfGoal } from '#src/features/outcomes/index.ts'
import { formatAmount } from '#src/lib/money.ts'
import { formatNumber } from '#src/ui/format.ts'
import type { CommunityPage } from './community-pages.ts'

const dash = <NoFigure />

/** The network's verified outcomes for the year against the goals communities set for it. */
export function NetworkOutcomes(props: { year: number; metrics: MetricTotal[] }) {
  const reported = props.metrics.filter((m) => m.organizations > 0 || m.goal !== null)
  return (
    <section class="report-section report-outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">Outcomes against goals</h2>
      {reported.length === 0 ? (
        <p>No community has a verified outcome report or a goal for a period ending in {props.year}.</p>
      ) : (
        // Focusable: on a phone the table scrolls sideways, and a keyboard must reach it.
        <section class="table-wrap" aria-labelledby="outcomes-caption" tabindex={0}>
          <table class="report-table">
            <caption id="outcomes-caption">
              Verified outcomes of reports whose period ends in {props.year}, and the goals set for periods
              ending in {props.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" class="num">
                  Verified total
                </th>
                <th scope="col" class="num">
                  Communities reporting
                </th>
                <th scope="col" class="num">
                  Goal
                </th>
                <th scope="col" class="num">
                  Achieved by those with a goal
                </th>
                <th scope="col" class="num">
                  Of goal
                </th>
              </tr>
            </thead>
            <tbody>
              {reported.map((m) => (
                <tr>
                  <th scope="row">{m.name}</th>
                  <td class="num">
                    {m.total === null ? 'Not added across communities' : formatAmount(m.total, m.unit)}
                  </td>
                  <td class="num">{formatNumber(m.organizations)}</td>
                  <td class="num">{m.goal === null ? dash : formatAmount(m.goal, m.unit)}</td>
                  <td class="num">{m.towardGoal === null ? dash : formatAmount(m.towardGoal, m.unit)}</td>
                  <td class="num">
                    <OfGoal figure={m.towardGoal} goal={m.goal} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  )
}

/** One community's page: where it is, its programs and industries, its verified figures and goals. */
export function CommunityOutcomes(props: { year: number; community: CommunityPage }) {
  const c = props.community
  const headingId = `community-${c.slug}`
  const facts = [
    c.states.length > 0 ? `${c.states.join(', ')}` : null,
    c.programs.length > 0 ? `designated under ${c.programs.join(', ')}` : null,
    c.focusIndustries.length > 0 ? c.focusIndustries.join(', ') : null,
  ].filter((fact) => fact !== null)
  return (
    <section class="report-section report-community" aria-labelledby={headingId}>
      <h3 id={headingId}>{c.hasProfile ? <a href={`/organizations/${c.slug}`}>{c.name}</a> : c.name}</h3>
      {facts.length > 0 ? <p class="report-community-facts">{facts.join(' · ')}</p> : null}
      <FiguresTable
        id={`${headingId}-caption`}
        caption={`${c.name}: verified figures and goals for ${props.year}`}
        headings={{ name: 'Metric', figure: 'Verified' }}
        rows={c.metrics.map((m) => ({ name: m.name, unit: m.unit, figure: m.total, goal: m.goal }))}
        tableClass="report-table"
      />
    </section>
  )
}

/** The members with no verified figure and no goal for the year: named together, on one page. */
export function QuietCommunities(props: { year: number; communities: CommunityPage[] }) {
  return (
    <section class="report-section report-community" aria-labelledby="quiet-communities">
      <h3 id="quiet-communities">Members without verified figures or goals for {props.year}</h3>
      <ul class="report-quiet-list">
        {props.communities.map((c) => (
          <li>{c.hasProfile ? <a href={`/organizations/${c.slug}`}>{c.name}</a> : c.name}</li>
        ))}
      </ul>
    </section>
  )
}
