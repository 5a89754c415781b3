import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { fetchSettingsRoutes } from './fetch-settings.routes.tsx'
import { fundingFor, matchingOrganizations } from './funding-for.ts'
import { FundingForPage, FundingListPage } from './funding-list.views.tsx'
import { grantPinRoutes } from './grant-pins.routes.tsx'
import { listOpenOpportunities, opportunityFiltersSchema } from './open-opportunities.ts'
import { opportunityPage } from './opportunity-page.tsx'
import { staffGrantRoutes } from './staff-grants.routes.tsx'

/** Federal funding opportunities for the network's members: the list, one opportunity, "Funding for us". */
export function grantRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db
  app.route('/', staffGrantRoutes(deps))
  app.route('/', grantPinRoutes(deps))
  app.route('/', fetchSettingsRoutes(deps))

  app.get('/funding', requirePermission('content:members'), async (c) => {
    const read = opportunityFiltersSchema.safeParse(c.req.query())
    if (!read.success) {
      const issue = read.error.issues[0]
      throw new AppError('BAD_INPUT', {
        userMessage: `The filter ${String(issue?.path[0] ?? '')} should be ${issue?.message ?? 'valid'}.`,
      })
    }
    const list = await listOpenOpportunities(db, { today: deps.clock.today(), filters: read.data })
    return renderPage(c, <FundingListPage filters={read.data} {...list} />)
  })

  app.get('/funding/for/:slug', requirePermission('content:members'), async (c) => {
    const today = deps.clock.today()
    const [organization] = await matchingOrganizations(db, today, c.req.param('slug'))
    if (!organization) throw notFound('No admitted organisation has that address.')
    return renderPage(
      c,
      <FundingForPage organization={organization} fits={await fundingFor(db, organization, today)} />,
    )
  })

  // Any id reaches the guard first; one that is not an opportunity number is a 404 after it.
  app.get('/funding/:id', requirePermission('content:members'), (c) => {
    const id = c.req.param('id')
    if (!/^[0-9]{1,20}$/.test(id)) throw notFound('No opportunity has that number.')
    return opportunityPage(c, deps, id)
  })

  return app
}
