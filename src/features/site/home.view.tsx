import type { NetworkFigures } from '#src/features/organizations/index.ts'
import { renderMarkdown } from '#src/lib/markdown.ts'
import { formatAmount } from '#src/lib/money.ts'
import { formatDate, formatNumber, formatTimeInZone, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { currentChrome } from '#src/ui/site-chrome.ts'
import type { HomeText } from './home-text.ts'

export function HomePage(props: { figures: NetworkFigures; hasDemoData: boolean; text: HomeText }) {
  const f = props.figures
  const figures = [
    { value: f.members, label: `member ${plural(f.members, 'community', 'communities')}` },
    { value: f.bffs, label: plural(f.bffs, 'BFF', 'BFFs') },
    { value: f.states, label: `${plural(f.states, 'state')} represented` },
    { value: f.callsHeld, label: `national ${plural(f.callsHeld, 'call')} held in ${f.year}` },
  ]
  const outcomes = f.verifiedOutcomes
  return (
    <Layout title={currentChrome().name} current="/" canonicalPath="/" hasDemoData={props.hasDemoData}>
      <section class="hero" aria-labelledby="hero-title">
        <div class="wrap">
          <h1 id="hero-title">{props.text.title}</h1>
          {props.text.summary ? <p class="lede">{props.text.summary}</p> : null}
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
        {/* Staff's Markdown, sanitized by renderMarkdown's one allow-list. */}
        <div
          class="page-body"
          dangerouslySetInnerHTML={{ __html: renderMarkdown(props.text.bodyMarkdown) }}
        />
        {outcomes.length > 0 ? (
          <>
            <h2>Reported impact</h2>
            <ul class="figures" aria-label="Verified outcomes reported by member communities">
              {outcomes.map((metric) => (
                <li class="figure">
                  <span class="value">{formatAmount(metric.total ?? 0, metric.unit)}</span>
                  <span class="label">{metric.name.toLowerCase()}</span>
                </li>
              ))}
            </ul>
            <p class="note">
              Totals of the outcome reports the staff have verified.{' '}
              <a href="/impact">See the network's impact</a> by year, on the map and by community.
            </p>
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
