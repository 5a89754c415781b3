import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { conditionalGet, hasDemoData, sendCached } from '#src/http/respond.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { factRoutes } from './facts.routes.tsx'
import { ImpactPage } from './impact.view.tsx'
import { chosenMetric, loadImpact, mappableMetrics } from './impact-data.ts'
import { renderImpactMap } from './impact-map.ts'

/** A metric's key as the schema allows it; anything else is the default map, sharing its cache entry. */
const metricKey = (asked: string | undefined) => (asked && /^[a-z][a-z0-9_]{0,39}$/.test(asked) ? asked : '')

/** The impact feature's routes: the public /impact page and staff's reported facts. */
export function impactRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/impact', requirePermission('public'), conditionalGet, async (c) => {
    const asked = metricKey(c.req.query('metric'))
    return sendCached(c, deps, {
      key: `impact|${asked}`,
      type: 'html',
      render: async () => {
        const impact = await loadImpact(db, deps.clock.today())
        const chosen = chosenMetric(impact, asked)
        const map = chosen
          ? {
              metrics: mappableMetrics(impact),
              chosen,
              drawn: renderImpactMap(chosen, impact.allTime.byOrganization, impact.regions),
            }
          : null
        return renderDocument(<ImpactPage impact={impact} map={map} hasDemoData={await hasDemoData(db)} />)
      },
    })
  })

  factRoutes(app, deps)
  return app
}
