import type { Child } from 'hono/jsx'
import { webHref } from '#src/lib/web-address.ts'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import {
  codeInWords,
  eligibleApplicantNames,
  fundingCategoryNames,
  fundingInstrumentNames,
  opportunityCategoryNames,
} from './codes.ts'
import type { FittingOrganization } from './funding-for.ts'
import type { Opportunity } from './opportunity.ts'
import { closesText, dollars, grantsGovUrl } from './opportunity-parts.tsx'
import type { Match } from './relevance.ts'

function Fact(props: { term: string; value: string | null | undefined }) {
  return props.value ? (
    <div>
      <dt>{props.term}</dt>
      <dd>{props.value}</dd>
    </div>
  ) : null
}

const words = (names: Record<string, string>, codes: string[]) =>
  codes.map((code) => codeInWords(names, code)).join('; ')

/** /funding/:id: one opportunity's key facts, who may apply in words, its links, and which communities it fits. */
export function OpportunityPage(props: {
  opportunity: Opportunity
  fits: { organization: FittingOrganization; match: Match }[]
  /** Where it is pinned, and staff's pin forms (pin-forms.views.tsx). */
  pins?: Child
}) {
  const o = props.opportunity
  const safeInfoUrl = webHref(o.infoUrl)
  return (
    <Layout title={o.title} current="/funding">
      <article class="wrap opportunity-page">
        <p class="meta">
          <a href="/funding">Federal funding opportunities</a>
        </p>
        <h1>{o.title}</h1>
        <p class="lede">
          {o.agencyName ?? o.agencyCode} · {closesText(o)}
        </p>
        <dl class="facts">
          <Fact term="Opportunity number" value={o.number} />
          <Fact
            term="Stage"
            value={o.kind === 'forecast' ? `Forecast (${o.versionLabel})` : `Posted (${o.versionLabel})`}
          />
          <Fact term="Posted" value={o.postDate ? formatDate(o.postDate) : null} />
          <Fact term="Close date note" value={o.closeDateNote ?? o.estimatedCloseNote} />
          <Fact term="Award ceiling" value={dollars(o.awardCeiling) ?? 'None given'} />
          <Fact term="Award floor" value={dollars(o.awardFloor)} />
          <Fact term="Total program funding" value={dollars(o.totalFunding)} />
          <Fact term="Expected awards" value={o.expectedAwards?.toString()} />
          <Fact term="Funding categories" value={words(fundingCategoryNames, o.fundingCategories)} />
          <Fact term="Instruments" value={words(fundingInstrumentNames, o.fundingInstruments)} />
          <Fact
            term="Kind of opportunity"
            value={o.category ? codeInWords(opportunityCategoryNames, o.category) : null}
          />
          <Fact term="Assistance listings" value={o.assistanceListings.join(', ')} />
          <Fact
            term="Cost sharing or matching"
            value={o.costSharing === null ? null : o.costSharing ? 'Required' : 'Not required'}
          />
          <Fact
            term="Estimated award date"
            value={o.estimatedAwardDate ? formatDate(o.estimatedAwardDate) : null}
          />
        </dl>
        <h2>Who may apply</h2>
        {o.eligibleApplicants.length > 0 ? (
          <ul>
            {o.eligibleApplicants.map((code) => (
              <li>{codeInWords(eligibleApplicantNames, code)}</li>
            ))}
          </ul>
        ) : (
          <p>The extract does not say.</p>
        )}
        {o.eligibilityNote ? <p>{o.eligibilityNote}</p> : null}
        <h2>Description</h2>
        {/* Sanitized when imported (extractHtml: the Hub's one allow-list). */}
        <div
          class="page-body"
          dangerouslySetInnerHTML={{ __html: o.descriptionHtml || '<p>No description given.</p>' }}
        />
        <h2>Links and contact</h2>
        <ul>
          <li>
            <a href={grantsGovUrl(o.opportunityId)}>The official listing on Grants.gov</a>
          </li>
          {safeInfoUrl ? (
            <li>
              <a href={safeInfoUrl}>
                {o.infoText && o.infoText !== safeInfoUrl ? o.infoText : 'More information'}
              </a>
            </li>
          ) : null}
          {o.contactEmail ? (
            <li>
              <a href={`mailto:${o.contactEmail}`}>{o.contactEmailDescription ?? o.contactEmail}</a>
            </li>
          ) : null}
        </ul>
        {o.contactHtml ? <div class="page-body" dangerouslySetInnerHTML={{ __html: o.contactHtml }} /> : null}
        <h2>Communities it fits</h2>
        {props.fits.length === 0 ? (
          <p>None of the network's organisations, by the current rules.</p>
        ) : (
          <ul>
            {props.fits.map(({ organization, match }) => (
              <li>
                <a href={`/funding/for/${organization.slug}`}>{organization.name}</a>:{' '}
                {match.reasons.join('; ')}
              </li>
            ))}
          </ul>
        )}
        {props.pins}
      </article>
    </Layout>
  )
}
