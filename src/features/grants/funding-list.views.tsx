import { Select } from '#src/ui/fields.tsx'
import { Field } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { eligibleApplicantNames, fundingCategoryNames } from './codes.ts'
import { type OpportunityFilters, type OpportunitySummary, PAGE_SIZE } from './open-opportunities.ts'
import { OpportunityItem } from './opportunity-parts.tsx'
import type { Match } from './relevance.ts'

const options = (names: Record<string, string>) =>
  Object.entries(names).map(([value, label]) => ({ value, label: `${label} (${value})` }))

function pageLink(filters: OpportunityFilters, page: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filters, page }))
    if (value !== undefined) params.set(key, String(value))
  return `/funding?${params}`
}

/** /funding: the open and forecast federal opportunities, filtered, soonest to close first. */
export function FundingListPage(props: {
  filters: OpportunityFilters
  total: number
  opportunities: OpportunitySummary[]
  error?: string
}) {
  const { filters, total } = props
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))
  return (
    <Layout title="Federal funding opportunities" current="/funding">
      <div class="wrap funding-page">
        <h1>Federal funding opportunities</h1>
        <p>
          Open and forecast opportunities from the Grants.gov extract, soonest to close first. Each links to
          the official listing.
        </p>
        <form method="get" action="/funding" class="filters" aria-label="Filter the opportunities">
          <Select
            id="category"
            name="category"
            label="Funding category"
            value={filters.category}
            empty="Any category"
            options={options(fundingCategoryNames)}
          />
          <Field
            id="agency"
            name="agency"
            label="Agency code (e.g. DOC-EDA)"
            value={filters.agency}
            error={props.error}
            required={false}
          />
          <Select
            id="eligibility"
            name="eligibility"
            label="Open to"
            value={filters.eligibility}
            empty="Anyone"
            options={options(eligibleApplicantNames)}
          />
          <Field
            id="closesBy"
            name="closesBy"
            label="Closes by"
            type="date"
            value={filters.closesBy}
            required={false}
          />
          <Select
            id="stage"
            name="stage"
            label="Stage"
            value={filters.stage}
            empty="Posted and forecast"
            options={[
              { value: 'posted', label: 'Posted' },
              { value: 'forecast', label: 'Forecast' },
            ]}
          />
          <Field
            id="minAmount"
            name="minAmount"
            label="At least (dollars)"
            inputmode="numeric"
            value={filters.minAmount?.toString()}
            required={false}
          />
          <button type="submit">Filter</button>
        </form>
        <p role="status">
          {formatNumber(total)} {plural(total, 'opportunity', 'opportunities')}
          {pages > 1 ? `, page ${filters.page} of ${pages}` : ''}.
        </p>
        <ul class="cards">
          {props.opportunities.map((opportunity) => (
            <OpportunityItem opportunity={opportunity} />
          ))}
        </ul>
        {pages > 1 ? (
          <nav class="pager" aria-label="Pages">
            {filters.page > 1 ? <a href={pageLink(filters, filters.page - 1)}>Previous page</a> : null}
            {filters.page < pages ? <a href={pageLink(filters, filters.page + 1)}>Next page</a> : null}
          </nav>
        ) : null}
      </div>
    </Layout>
  )
}

/** /funding/for/:slug: "Funding for us": what fits one organisation, best first, with why. */
export function FundingForPage(props: {
  organization: { name: string; slug: string }
  fits: { opportunity: OpportunitySummary; match: Match }[]
}) {
  return (
    <Layout title={`Funding for ${props.organization.name}`} current="/funding">
      <div class="wrap funding-page">
        <h1>Funding for {props.organization.name}</h1>
        <p>
          Open and forecast federal opportunities that fit {props.organization.name}, best fit first, then
          soonest to close. Each says why it fits, from the rules staff keep.{' '}
          <a href="/funding">All open opportunities</a>
        </p>
        {props.fits.length === 0 ? (
          <p>No open opportunity fits at the moment.</p>
        ) : (
          <ul class="cards">
            {props.fits.map(({ opportunity, match }) => (
              <OpportunityItem opportunity={opportunity} reasons={match.reasons} />
            ))}
          </ul>
        )}
      </div>
    </Layout>
  )
}
