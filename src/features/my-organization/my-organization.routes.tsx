import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { loadMyOrganizations, nextCall } from './my-organization.ts'
import { MyOrganizationPage } from './my-organization.views.tsx'

/** /my-organization: the organisations whose seat the viewer holds today (staff: none of their own). */
export function myOrganizationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db

  app.get('/my-organization', requirePermission('obligations:own'), async (c) => {
    const viewer = c.get('viewer') as SignedInViewer
    const today = deps.clock.today()
    const isStaff = viewer.roles.includes('staff')
    const [organizations, call] = await Promise.all([
      loadMyOrganizations(db, {
        organizationIds: viewer.seatOrganizationIds,
        today,
        personId: viewer.personId,
        isStaff,
      }),
      nextCall(db, deps.clock.now()),
    ])
    return renderPage(c, <MyOrganizationPage organizations={organizations} call={call} />)
  })

  return app
}
