import { formatDate, formatNumber } from '#src/ui/format.ts'
import type { OpportunitySummary } from './open-opportunities.ts'

/** The official listing of an opportunity on Grants.gov. */
export const grantsGovUrl = (opportunityId: string) =>
  `https://www.grants.gov/search-results-detail/${opportunityId}`

export const dollars = (amount: number | null) => (amount === null ? null : `$${formatNumber(amount)}`)

/** When it closes, in words: a date, an estimate for a forecast, or none given. */
export function closesText(o: Pick<OpportunitySummary, 'kind' | 'closeDate' | 'estimatedCloseDate'>): string {
  if (o.kind === 'forecast') {
    return o.estimatedCloseDate
      ? `Forecast: expected to close ${formatDate(o.estimatedCloseDate)}`
      : 'Forecast: no close date yet'
  }
  return o.closeDate ? `Closes ${formatDate(o.closeDate)}` : 'No close date given'
}

/** One opportunity in a list: its title (linked), agency, close date, amount and, when given, why it fits. */
export function OpportunityItem(props: { opportunity: OpportunitySummary; reasons?: string[] }) {
  const o = props.opportunity
  const amount = dollars(o.awardCeiling) ?? dollars(o.totalFunding)
  return (
    <li class="card opportunity">
      <h3>
        <a href={`/funding/${o.opportunityId}`}>{o.title}</a>
      </h3>
      <p class="meta">
        {o.agencyName ?? o.agencyCode ?? 'Agency not given'}
        {o.number ? ` · ${o.number}` : ''} · {closesText(o)}
        {amount ? ` · up to ${amount}${o.awardCeiling === null ? ' in all' : ' an award'}` : ''}
      </p>
      {props.reasons && props.reasons.length > 0 ? (
        <ul class="reasons" aria-label="Why it fits">
          {props.reasons.map((reason) => (
            <li>{reason}</li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}
