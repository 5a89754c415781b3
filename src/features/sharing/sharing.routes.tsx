import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { questionSharingRoutes } from './question-sharing.routes.tsx'
import { recordSharingRoutes } from './record-sharing.routes.tsx'
import { sharingEvidenceRoutes } from './sharing-evidence.routes.tsx'
import { organizationAccess, renderOrganizationSharingPage } from './sharing-route-parts.tsx'
import { staffSharingRoutes } from './staff-sharing.routes.tsx'

/**
 * Quarterly sharing: an organisation's page (its quarters, the form to record a sharing action,
 * its records and the answers to staff questions) for staff and its seat holders of the day;
 * the evidence files; and the staff pages that list every record and question one.
 */
export function sharingRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()

  app.get('/organizations/:slug/sharing', requirePermission('obligations:own'), async (c) => {
    const { org } = await organizationAccess(deps, c)
    return renderOrganizationSharingPage(deps, c, org, 200)
  })
  recordSharingRoutes(app, deps)
  sharingEvidenceRoutes(app, deps)
  questionSharingRoutes(app, deps)
  staffSharingRoutes(app, deps)

  return app
}
