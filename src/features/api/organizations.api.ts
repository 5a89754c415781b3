import { Hono } from 'hono'
import {
  directoryFiltersSchema,
  getOrganizationProfile,
  listAdmittedOrganizations,
  type OrganizationSummary,
} from '#src/features/organizations/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet, sendCached } from '#src/http/respond.ts'
import { AppError } from '#src/lib/errors.ts'

const toApi = (o: OrganizationSummary) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  shortName: o.shortName,
  category: o.category,
  bffKind: o.bffKind,
  leadOrganization: o.leadOrganization,
  summary: o.summary,
  website: o.website,
  states: o.states,
  counties: o.counties,
  focusIndustries: o.focusIndustries,
  programs: o.programs,
  partnerCount: o.partnerCount,
  admittedOn: o.admittedOn,
  isFictional: o.isFictional,
  profileUrl: `/organizations/${o.slug}`,
})

/** The read-only JSON API over admitted organisations (documented in /api/openapi.json). */
export function organizationsApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/organizations', requirePermission('public'), conditionalGet, (c) => {
    const filters = directoryFiltersSchema.parse(c.req.query())
    return sendCached(c, deps, {
      key: `api-list|${JSON.stringify(filters)}`,
      type: 'json',
      render: async () => {
        const organizations = await listAdmittedOrganizations(db, { onDate: deps.clock.today(), filters })
        return JSON.stringify({
          data: organizations.map(toApi),
          meta: { count: organizations.length, filters },
        })
      },
    })
  })

  app.get('/organizations/:id', requirePermission('public'), conditionalGet, (c) => {
    const id = c.req.param('id')
    return sendCached(c, deps, {
      key: `api-one|${id}`,
      type: 'json',
      render: async () => {
        const org = await getOrganizationProfile(db, { slugOrId: id, onDate: deps.clock.today() })
        if (!org)
          throw new AppError('NOT_FOUND', {
            userMessage: `No admitted organisation has the id or slug "${id}".`,
          })
        const { partners, designations, outcomes } = org
        return JSON.stringify({ data: { ...toApi(org), partners, designations, outcomes } })
      },
    })
  })

  return app
}
