import type { OutcomeMetric } from '#src/db/schema/index.ts'
import type { NetworkFigures } from '#src/features/organizations/index.ts'
import { metricLabels } from '#src/features/organizations/index.ts'
import { formatDate, formatNumber, formatTimeInZone, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'

const outcomeOrder: OutcomeMetric[] = ['jobs_created', 'jobs_retained', 'workers_trained']

export function HomePage(props: { figures: NetworkFigures; hasDemoData: boolean }) {
  const f = props.figures
  const figures = [
    { value: f.members, label: `member ${plural(f.members, 'community', 'communities')}` },
    { value: f.bffs, label: plural(f.bffs, 'BFF', 'BFFs') },
    { value: f.states, label: `${plural(f.states, 'state')} represented` },
    { value: f.callsHeld, label: `national ${plural(f.callsHeld, 'call')} held in ${f.year}` },
  ]
  const outcomes = outcomeOrder.filter((m) => f.verifiedOutcomes[m] !== undefined)
  return (
    <Layout
      title="Home"
      current="/"
      hasDemoData={props.hasDemoData}
      description="A national network of regional manufacturing communities sharing what works."
    >
      <section class="hero" aria-labelledby="hero-title">
        <div class="wrap">
          <h1 id="hero-title">Regional manufacturing communities, learning from each other every week</h1>
          <p class="lede">
            The collaborative brings together the regional partnerships that federal programs designated as
            manufacturing communities, starting with the Commerce Department's IMCP communities in 2014, and
            now the Defense Manufacturing Communities. Cities, universities, colleges, development agencies
            and manufacturers keep sharing what works long after a federal designation ends.
          </p>
          <ul class="figures" aria-label="The network in figures">
            {figures.map((item) => (
              <li class="figure">
                <span class="value">{formatNumber(item.value)}</span>
                <span class="label">{item.label}</span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <a class="button" href="/directory">
              Browse the directory and map
            </a>
            <a class="button secondary" href="/apply">
              Apply to join
            </a>
          </div>
        </div>
      </section>
      <div class="wrap">
        <h2>Who can join</h2>
        <div class="grid-2">
          <section class="card" aria-labelledby="cat-members">
            <h3 id="cat-members">Member communities</h3>
            <p>
              A regional collaboration of public and private partners with an economic development plan in
              which manufacturing matters. It applies with evidence of four things: a written collaboration
              agreement, a SWOT analysis behind its plan, the regional plan itself, and an interest in
              building diversity, equity, inclusion and environmental sustainability into how it carries the
              plan out.
            </p>
          </section>
          <section class="card" aria-labelledby="cat-bffs">
            <h3 id="cat-bffs">BFFs</h3>
            <p>
              Federal agency offices, national non-profits and private firms whose work adds open value to
              manufacturing communities. The Advisory Board decides, by vote, who joins as a BFF.
            </p>
          </section>
        </div>
        <h2>What every organisation commits to</h2>
        <ol class="obligations">
          <li>
            <strong>Two named voices.</strong> One representative and one alternate, always, with a record of
            who held each seat and when.
          </li>
          <li>
            <strong>The Monday call.</strong> A 30-minute national call every week; the representative or the
            alternate joins at least half of the calls held each year.
          </li>
          <li>
            <strong>One presentation a year.</strong> Ten to fifteen minutes on a call: progress and lessons
            for members, the open value of their work for BFFs.
          </li>
          <li>
            <strong>Pass it on, every quarter.</strong> Share the network's briefings and resources with their
            own stakeholders at least once a quarter.
          </li>
        </ol>
        {outcomes.length > 0 ? (
          <>
            <h2>Reported impact</h2>
            <ul class="figures" aria-label="Verified outcomes reported by member communities">
              {outcomes.map((metric) => (
                <li class="figure">
                  <span class="value">{formatNumber(f.verifiedOutcomes[metric] ?? 0)}</span>
                  <span class="label">{metricLabels[metric].toLowerCase()}</span>
                </li>
              ))}
            </ul>
            <p class="note">Totals of the outcome reports the staff have verified.</p>
          </>
        ) : null}
        {f.nextCall ? (
          <p class="note">
            Next national call: {formatDate(f.nextCall.localDate)} at{' '}
            {formatTimeInZone(f.nextCall.startsAt, f.nextCall.timeZone)}.
          </p>
        ) : null}
      </div>
    </Layout>
  )
}
