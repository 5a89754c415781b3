import { sanitizeHubHtml } from '#src/lib/markdown.ts'
import type { ExtractRecord } from './extract-reader.ts'

/** A federal funding opportunity as the Hub keeps it: dates ISO, amounts whole dollars, HTML sanitized. */
export type Opportunity = {
  opportunityId: string
  kind: 'synopsis' | 'forecast'
  versionLabel: string
  /** The number in the Version ('Synopsis 2' -> 2); 0 when there is none. */
  versionNumber: number
  title: string
  number: string | null
  category: string | null
  categoryExplanation: string | null
  fundingInstruments: string[]
  fundingCategories: string[]
  fundingCategoryExplanation: string | null
  assistanceListings: string[]
  eligibleApplicants: string[]
  eligibilityNote: string | null
  agencyCode: string | null
  agencyName: string | null
  postDate: string | null
  closeDate: string | null
  closeDateNote: string | null
  lastUpdated: string
  archiveDate: string | null
  awardCeiling: number | null
  awardFloor: number | null
  totalFunding: number | null
  expectedAwards: number | null
  descriptionHtml: string
  costSharing: boolean | null
  infoUrl: string | null
  infoText: string | null
  contactEmail: string | null
  contactEmailDescription: string | null
  contactHtml: string
  contactName: string | null
  contactPhone: string | null
  fiscalYear: number | null
  estimatedPostDate: string | null
  estimatedCloseDate: string | null
  estimatedCloseNote: string | null
  estimatedAwardDate: string | null
  estimatedProjectStart: string | null
}

/** Every element a record may hold (both kinds); anything else is ignored and counted. */
export const knownElements: ReadonlySet<string> = new Set([
  ...'OpportunityID OpportunityTitle OpportunityNumber OpportunityCategory OpportunityCategoryExplanation'.split(
    ' ',
  ),
  ...'FundingInstrumentType CategoryOfFundingActivity CategoryExplanation CFDANumbers EligibleApplicants'.split(
    ' ',
  ),
  ...'AdditionalInformationOnEligibility AgencyCode AgencyName PostDate CloseDate CloseDateExplanation'.split(
    ' ',
  ),
  ...'LastUpdatedDate AwardCeiling AwardFloor EstimatedTotalProgramFunding ExpectedNumberOfAwards'.split(' '),
  ...'Description Version CostSharingOrMatchingRequirement ArchiveDate AdditionalInformationURL'.split(' '),
  ...'AdditionalInformationText GrantorContactEmail GrantorContactEmailDescription GrantorContactText'.split(
    ' ',
  ),
  ...'GrantorContactName GrantorContactPhoneNumber FiscalYear EstimatedSynopsisPostDate'.split(' '),
  ...'EstimatedSynopsisCloseDate EstimatedSynopsisCloseDateExplanation EstimatedAwardDate'.split(' '),
  'EstimatedProjectStartDate',
])

/** A record the Hub cannot keep, with the line it began on and what was expected. */
export class OpportunityProblem extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`)
    this.name = 'OpportunityProblem'
  }
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' }

/** HTML's character references decoded once: '&amp;lt;br/&amp;gt;' -> '&lt;br/&gt;'. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/**
 * HTML that the extract escapes (once or twice) as sanitized HTML: while the text still shows
 * escaped tags, it is decoded again (at most twice), then cleaned by the Hub's one allow-list.
 */
export function extractHtml(text: string): string {
  let html = text
  for (let round = 0; round < 2 && /&lt;\/?[a-z]/i.test(html); round += 1) html = decodeEntities(html)
  return sanitizeHubHtml(html.trim())
}

const blank = (value: string | undefined): string | null => {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : null
}

/** 'MMDDYYYY' as an ISO date, null when empty; a problem when it is not a real date. */
function date(record: ExtractRecord, element: string): string | null {
  const value = blank(record.values[element])
  if (value === null) return null
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(value)
  const iso = match ? `${match[3]}-${match[1]}-${match[2]}` : ''
  const parsed = new Date(`${iso}T00:00:00Z`)
  if (!match || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    throw new OpportunityProblem(record.line, `${element} should be a date written MMDDYYYY, got "${value}"`)
  }
  return iso
}

/** Whole dollars (or a count); null for empty or 'none'; a problem for anything else. */
function whole(record: ExtractRecord, element: string): number | null {
  const value = blank(record.values[element])
  if (value === null || value.toLowerCase() === 'none') return null
  const digits = value.replace(/^\$/, '').replaceAll(',', '')
  if (!/^\d{1,15}$/.test(digits)) {
    throw new OpportunityProblem(record.line, `${element} should be a whole number or "none", got "${value}"`)
  }
  return Number(digits)
}

/** The record as an opportunity, or an OpportunityProblem naming the line and the field. */
export function toOpportunity(record: ExtractRecord): Opportunity {
  const v = record.values
  const opportunityId = blank(v.OpportunityID) ?? ''
  if (!/^\d{1,20}$/.test(opportunityId)) {
    throw new OpportunityProblem(
      record.line,
      `OpportunityID should be 1 to 20 digits, got "${opportunityId}"`,
    )
  }
  const lastUpdated = date(record, 'LastUpdatedDate') ?? date(record, 'PostDate')
  if (!lastUpdated)
    throw new OpportunityProblem(record.line, `opportunity ${opportunityId} has no LastUpdatedDate`)
  const versionLabel = blank(v.Version) ?? ''
  const costSharing = blank(v.CostSharingOrMatchingRequirement)?.toLowerCase()
  const list = (element: string) => [...new Set((record.lists[element] ?? []).filter(Boolean))]
  return {
    opportunityId,
    kind: record.kind,
    versionLabel,
    versionNumber: Number(/(\d+)\s*$/.exec(versionLabel)?.[1] ?? 0),
    title: blank(v.OpportunityTitle) ?? `Opportunity ${opportunityId}`,
    number: blank(v.OpportunityNumber),
    category: blank(v.OpportunityCategory),
    categoryExplanation: blank(v.OpportunityCategoryExplanation),
    fundingInstruments: list('FundingInstrumentType'),
    fundingCategories: list('CategoryOfFundingActivity'),
    fundingCategoryExplanation: blank(v.CategoryExplanation),
    assistanceListings: list('CFDANumbers'),
    eligibleApplicants: list('EligibleApplicants'),
    eligibilityNote: blank(v.AdditionalInformationOnEligibility),
    agencyCode: blank(v.AgencyCode),
    agencyName: blank(v.AgencyName),
    postDate: date(record, 'PostDate'),
    closeDate: date(record, 'CloseDate'),
    closeDateNote: blank(v.CloseDateExplanation),
    lastUpdated,
    archiveDate: date(record, 'ArchiveDate'),
    awardCeiling: whole(record, 'AwardCeiling'),
    awardFloor: whole(record, 'AwardFloor'),
    totalFunding: whole(record, 'EstimatedTotalProgramFunding'),
    expectedAwards: whole(record, 'ExpectedNumberOfAwards'),
    descriptionHtml: extractHtml(v.Description ?? ''),
    costSharing: costSharing === 'yes' ? true : costSharing === 'no' ? false : null,
    infoUrl: blank(v.AdditionalInformationURL),
    infoText: blank(v.AdditionalInformationText),
    contactEmail: blank(v.GrantorContactEmail),
    contactEmailDescription: blank(v.GrantorContactEmailDescription),
    contactHtml: extractHtml(v.GrantorContactText ?? ''),
    contactName: blank(v.GrantorContactName),
    contactPhone: blank(v.GrantorContactPhoneNumber),
    fiscalYear: whole(record, 'FiscalYear'),
    estimatedPostDate: date(record, 'EstimatedSynopsisPostDate'),
    estimatedCloseDate: date(record, 'EstimatedSynopsisCloseDate'),
    estimatedCloseNote: blank(v.EstimatedSynopsisCloseDateExplanation),
    estimatedAwardDate: date(record, 'EstimatedAwardDate'),
    estimatedProjectStart: date(record, 'EstimatedProjectStartDate'),
  }
}
