import { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { AppError } from '#src/lib/errors.ts'
import {
  listOpenOpportunities,
  type OpportunitySummary,
  opportunityFiltersSchema,
  PAGE_SIZE,
} from './open-opportunities.ts'
import { grantsGovUrl } from './opportunity-parts.tsx'

/** An opportunity in the API: Grants.gov's public facts (amounts in whole dollars, as Grants.gov gives them). */
export const apiOpportunitySchema = z
  .object({
    opportunityId: z.string(),
    stage: z.enum(['posted', 'forecast']),
    title: z.string(),
    number: z.string().nullable(),
    agencyCode: z.string().nullable(),
    agencyName: z.string().nullable(),
    closeDate: z.iso.date().nullable(),
    estimatedCloseDate: z.iso.date().nullable(),
    awardCeiling: z.number().int().nullable().describe('Whole dollars; null when Grants.gov says none'),
    totalFunding: z.number().int().nullable().describe('Whole dollars'),
    fundingCategories: z.array(z.string()),
    eligibleApplicants: z.array(z.string()),
    assistanceListings: z.array(z.string()),
    officialUrl: z.string(),
  })
  .meta({ id: 'Opportunity' })

const toApi = (o: OpportunitySummary): z.infer<typeof apiOpportunitySchema> => ({
  opportunityId: o.opportunityId,
  stage: o.kind === 'forecast' ? 'forecast' : 'posted',
  title: o.title,
  number: o.number,
  agencyCode: o.agencyCode,
  agencyName: o.agencyName,
  closeDate: o.closeDate,
  estimatedCloseDate: o.estimatedCloseDate,
  awardCeiling: o.awardCeiling,
  totalFunding: o.totalFunding,
  fundingCategories: o.fundingCategories,
  eligibleApplicants: o.eligibleApplicants,
  assistanceListings: o.assistanceListings,
  officialUrl: grantsGovUrl(o.opportunityId),
})

/** GET /api/v1/opportunities: the open and forecast opportunities, filtered and paged like /funding. */
export function opportunitiesApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.get('/opportunities', requirePermission('public'), async (c) => {
    const read = opportunityFiltersSchema.safeParse(c.req.query())
    if (!read.success) {
      const issue = read.error.issues[0]
      throw new AppError('BAD_INPUT', {
        userMessage: `The filter ${String(issue?.path[0] ?? '')} should be ${issue?.message ?? 'valid'}.`,
      })
    }
    const { total, opportunities } = await listOpenOpportunities(deps.database.db, {
      today: deps.clock.today(),
      filters: read.data,
    })
    return c.json({
      data: opportunities.map(toApi),
      meta: {
        total,
        page: read.data.page,
        pageSize: PAGE_SIZE,
        pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
      },
    })
  })
  return app
}
