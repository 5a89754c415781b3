import { createReadStream } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExtractSyntaxError, readExtract } from './extract-reader.ts'
import { knownElements, type Opportunity, OpportunityProblem, toOpportunity } from './opportunity.ts'

const SAMPLE = path.resolve(
  import.meta.dirname,
  '../../../tests/support/fixtures/grants/GrantsDBExtract20250115v2.xml',
)

async function* bytesOf(text: string, size = 7) {
  const bytes = new TextEncoder().encode(text)
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size)
}

async function opportunitiesOf(source: AsyncIterable<Uint8Array>) {
  const found: Opportunity[] = []
  const read = await readExtract(source, {
    known: knownElements,
    record: (r) => void found.push(toOpportunity(r)),
  })
  return { found, read }
}

const wrap = (records: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Grants xmlns="http://apply.grants.gov/system/OpportunityDetail-V1.0">${records}</Grants>`

describe('the Grants.gov extract reader', () => {
  it('reads every field of every opportunity of the sample', async () => {
    const { found, read } = await opportunitiesOf(createReadStream(SAMPLE, { highWaterMark: 1024 }))
    expect(read.records).toBe(4)
    expect(read.unknownElements).toEqual({})
    expect(read.sha256).toMatch(/^[0-9a-f]{64}$/)
    const [first, second, third, forecast] = found
    expect(first).toEqual({
      opportunityId: '990001',
      kind: 'synopsis',
      versionLabel: 'Synopsis 2',
      versionNumber: 2,
      title: 'FY 2025 Regional Manufacturing Ecosystem Implementation Grants (SYNTHETIC SAMPLE)',
      number: 'EX-DOC-EDA-2025-0001',
      category: 'D',
      categoryExplanation: null,
      fundingInstruments: ['G', 'CA'],
      fundingCategories: ['CD', 'RD'],
      fundingCategoryExplanation: null,
      assistanceListings: ['11.307', '11.300'],
      eligibleApplicants: ['00', '01', '02', '06', '07', '12', '25'],
      eligibilityNote:
        'Consortia must designate a lead applicant. For-profit entities are not eligible as lead applicants but may participate as consortium members.',
      agencyCode: 'DOC-EDA',
      agencyName: 'Economic Development Administration',
      postDate: '2025-01-10',
      closeDate: '2025-04-15',
      closeDateNote: 'Applications must be received by 11:59 p.m. Eastern Time on the close date.',
      lastUpdated: '2025-01-14',
      archiveDate: '2025-05-15',
      awardCeiling: 5_000_000,
      awardFloor: 500_000,
      totalFunding: 30_000_000,
      expectedAwards: 8,
      descriptionHtml:
        '<p>Supports regional consortia implementing manufacturing ecosystem strategies: workforce, supplier development, and R&amp;D infrastructure.</p>',
      costSharing: true,
      infoUrl: 'https://www.example.org/nofo/ex-doc-eda-2025-0001',
      infoText: 'Full announcement (synthetic)',
      contactEmail: 'grants-contact@example.org',
      contactEmailDescription: 'Program inquiries',
      contactHtml: 'Alex Morgan, Program Officer<br />Phone 202-555-0143<br />',
      contactName: null,
      contactPhone: null,
      fiscalYear: null,
      estimatedPostDate: null,
      estimatedCloseDate: null,
      estimatedCloseNote: null,
      estimatedAwardDate: null,
      estimatedProjectStart: null,
    })
    expect(second).toMatchObject({
      opportunityId: '990002',
      versionNumber: 1,
      fundingCategories: ['ELT'],
      eligibleApplicants: ['99'],
      postDate: '2024-12-02',
      closeDate: '2025-02-28',
      awardCeiling: null,
      awardFloor: 0,
      totalFunding: 10_000_000,
      expectedAwards: 4,
      costSharing: false,
      infoUrl: null,
      contactHtml: 'Grants Management Specialist<br />',
      descriptionHtml: 'Pilots that expand skilled trades pipelines for defense manufacturing suppliers.',
    })
    expect(third).toMatchObject({
      opportunityId: '990003',
      category: 'C',
      categoryExplanation: 'Continuation of a prior competition',
      closeDate: null,
      closeDateNote: 'Applications accepted on a rolling basis until funds are exhausted.',
      versionNumber: 3,
      fundingCategories: ['BC'],
      assistanceListings: ['59.061'],
    })
    expect(forecast).toMatchObject({
      opportunityId: '990004',
      kind: 'forecast',
      versionLabel: 'Forecast 1',
      closeDate: null,
      fiscalYear: 2026,
      estimatedPostDate: '2025-06-01',
      estimatedCloseDate: '2025-08-29',
      estimatedAwardDate: '2025-12-15',
      estimatedProjectStart: '2026-01-01',
      contactName: 'Program Office',
      contactPhone: '301-555-0178',
      eligibleApplicants: ['06', '12', '20'],
    })
  })

  it('ignores and counts elements it does not know, in records and between them', async () => {
    const xml = wrap(
      '<OpportunitySynopsisDetail_1_0><OpportunityID>1</OpportunityID><LastUpdatedDate>01022025</LastUpdatedDate><NewField>x</NewField><NewField>y</NewField></OpportunitySynopsisDetail_1_0><SomethingElse/>',
    )
    const { found, read } = await opportunitiesOf(bytesOf(xml))
    expect(found.map((o) => o.opportunityId)).toEqual(['1'])
    expect(read.unknownElements).toEqual({ NewField: 2, SomethingElse: 1 })
  })

  it('sanitizes descriptions: no script, no event handler, no javascript: link', async () => {
    const xml = wrap(
      '<OpportunitySynopsisDetail_1_0><OpportunityID>2</OpportunityID><LastUpdatedDate>01022025</LastUpdatedDate><Description>&lt;p onclick="x()"&gt;Hi&lt;script&gt;alert(1)&lt;/script&gt;&lt;a href="javascript:alert(1)"&gt;link&lt;/a&gt;&lt;/p&gt;</Description></OpportunitySynopsisDetail_1_0>',
    )
    const { found } = await opportunitiesOf(bytesOf(xml))
    expect(found[0]?.descriptionHtml).toBe('<p>Hi<a>link</a></p>')
  })

  it('refuses a damaged file with the line and column where it broke', async () => {
    const text = await import('node:fs/promises').then((fs) => fs.readFile(SAMPLE, 'utf8'))
    const cut = text.replace('</AgencyName>', '</AgencyNam>')
    const error = await opportunitiesOf(bytesOf(cut, 4096)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExtractSyntaxError)
    expect(error).toMatchObject({ line: 23 })
    expect(String((error as Error).message)).toMatch(/^line 23, column \d+: /)
    const notGrants = await opportunitiesOf(bytesOf('<rss version="2.0"></rss>')).catch((e: unknown) => e)
    expect(String(notGrants)).toContain('expected the root element Grants')
    const empty = await opportunitiesOf(bytesOf('')).catch((e: unknown) => e)
    expect(empty).toBeInstanceOf(ExtractSyntaxError)
    const truncated = await opportunitiesOf(bytesOf(text.slice(0, 3000))).catch((e: unknown) => e)
    expect(truncated).toBeInstanceOf(ExtractSyntaxError)
  })

  it('names the record and field of a bad date or amount', async () => {
    const bad = wrap(
      '\n<OpportunitySynopsisDetail_1_0><OpportunityID>3</OpportunityID><LastUpdatedDate>02302025</LastUpdatedDate></OpportunitySynopsisDetail_1_0>',
    )
    const error = await opportunitiesOf(bytesOf(bad)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpportunityProblem)
    expect(String((error as Error).message)).toBe(
      'line 3: LastUpdatedDate should be a date written MMDDYYYY, got "02302025"',
    )
    const amount = wrap(
      '<OpportunitySynopsisDetail_1_0><OpportunityID>4</OpportunityID><LastUpdatedDate>01022025</LastUpdatedDate><AwardCeiling>12.5</AwardCeiling></OpportunitySynopsisDetail_1_0>',
    )
    expect(String(await opportunitiesOf(bytesOf(amount)).catch((e: unknown) => e))).toContain(
      'AwardCeiling should be a whole number or "none", got "12.5"',
    )
  })
})
