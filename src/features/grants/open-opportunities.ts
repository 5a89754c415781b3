import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'

/** The filters of the network's list (and of the API): each optional, each checked. */
export const opportunityFiltersSchema = z.object({
  category: z
    .string()
    .regex(/^[A-Z]{1,3}$/, 'a funding category code such as RD')
    .optional(),
  agency: z
    .string()
    .regex(/^[A-Z0-9-]{2,30}$/, 'an agency code such as DOC-EDA')
    .optional(),
  eligibility: z
    .string()
    .regex(/^\d{2}$/, 'an eligible applicant code such as 12')
    .optional(),
  closesBy: z.iso.date({ message: 'a date as YYYY-MM-DD' }).optional(),
  stage: z.enum(['posted', 'forecast'], { message: 'posted or forecast' }).optional(),
  minAmount: z.coerce.number({ message: 'a whole number of dollars' }).int().min(0).max(1e15).optional(),
  page: z.coerce.number({ message: 'a page number' }).int().min(1).max(10_000).default(1),
})
export type OpportunityFilters = z.infer<typeof opportunityFiltersSchema>

/** An opportunity as lists show it, with what matching reads. */
export type OpportunitySummary = {
  opportunityId: string
  kind: 'synopsis' | 'forecast'
  title: string
  number: string | null
  agencyCode: string | null
  agencyName: string | null
  closeDate: string | null
  estimatedCloseDate: string | null
  awardCeiling: number | null
  totalFunding: number | null
  fundingCategories: string[]
  eligibleApplicants: string[]
  assistanceListings: string[]
  descriptionHtml: string
  /** The day of the extract the Hub first read it in. */
  firstSeenOn: string | null
}

export const PAGE_SIZE = 50

/** Open on `today`: a posted opportunity not yet closed nor archived, or a forecast not archived. */
export const isOpenSql = (today: string): SQL =>
  sql`(o.archive_date is null or o.archive_date >= ${today}::date)
    and (o.kind = 'forecast' or o.close_date is null or o.close_date >= ${today}::date)`

function filterSql(filters: Omit<OpportunityFilters, 'page'>): SQL {
  const parts: SQL[] = []
  if (filters.category) parts.push(sql`${filters.category} = any(o.funding_categories)`)
  if (filters.agency)
    parts.push(sql`(o.agency_code = ${filters.agency} or o.agency_code like ${`${filters.agency}-%`})`)
  if (filters.eligibility) parts.push(sql`${filters.eligibility} = any(o.eligible_applicants)`)
  if (filters.closesBy)
    parts.push(sql`coalesce(o.close_date, o.estimated_close_date) <= ${filters.closesBy}::date`)
  if (filters.stage)
    parts.push(filters.stage === 'forecast' ? sql`o.kind = 'forecast'` : sql`o.kind = 'synopsis'`)
  if (filters.minAmount !== undefined)
    parts.push(sql`coalesce(o.award_ceiling, o.total_funding) >= ${filters.minAmount}`)
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `)
}

const columns = sql`o.opportunity_id, o.kind, o.title, o.number, o.agency_code, o.agency_name,
  o.close_date::text, o.estimated_close_date::text, o.award_ceiling::float8 as award_ceiling,
  o.total_funding::float8 as total_funding, o.funding_categories, o.eligible_applicants,
  o.assistance_listings, o.description_html,
  (select i.extract_date::text from grant_imports i where i.id = o.first_import_id) as first_seen_on`

type Row = {
  opportunity_id: string
  kind: 'synopsis' | 'forecast'
  title: string
  number: string | null
  agency_code: string | null
  agency_name: string | null
  close_date: string | null
  estimated_close_date: string | null
  award_ceiling: number | null
  total_funding: number | null
  funding_categories: string[]
  eligible_applicants: string[]
  assistance_listings: string[]
  description_html: string
  first_seen_on: string | null
}

const toSummary = (row: Row): OpportunitySummary => ({
  opportunityId: row.opportunity_id,
  kind: row.kind,
  title: row.title,
  number: row.number,
  agencyCode: row.agency_code,
  agencyName: row.agency_name,
  closeDate: row.close_date,
  estimatedCloseDate: row.estimated_close_date,
  awardCeiling: row.award_ceiling === null ? null : Number(row.award_ceiling),
  totalFunding: row.total_funding === null ? null : Number(row.total_funding),
  fundingCategories: row.funding_categories,
  eligibleApplicants: row.eligible_applicants,
  assistanceListings: row.assistance_listings,
  descriptionHtml: row.description_html,
  firstSeenOn: row.first_seen_on,
})

/** One page of the open opportunities matching the filters, soonest to close first, and the total. */
export async function listOpenOpportunities(
  db: DbOrTx,
  options: { today: string; filters: OpportunityFilters },
): Promise<{ total: number; opportunities: OpportunitySummary[] }> {
  const where = sql`${isOpenSql(options.today)} and ${filterSql(options.filters)}`
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from grant_opportunities o where ${where}`,
  )
  const rows = await queryRows<Row>(
    db,
    sql`select ${columns} from grant_opportunities o where ${where}
      order by coalesce(o.close_date, o.estimated_close_date) nulls last, o.opportunity_id
      limit ${PAGE_SIZE} offset ${(options.filters.page - 1) * PAGE_SIZE}`,
  )
  return { total: count?.n ?? 0, opportunities: rows.map(toSummary) }
}

/** Every open opportunity (what matching reads), for an organisation's "Funding for us". */
export async function allOpenOpportunities(db: DbOrTx, today: string): Promise<OpportunitySummary[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ${columns} from grant_opportunities o where ${isOpenSql(today)}`,
  )
  return rows.map(toSummary)
}
