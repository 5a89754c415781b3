import type { Hono } from 'hono'
import { downloadHeaders } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { AppError } from '#src/lib/errors.ts'
import { sharingEvidenceFile } from './list-sharing.ts'
import { organizationOfSlug, recordOf } from './sharing-route-parts.tsx'

/** A sharing record's evidence file, for staff, the board and the organisation's seat holders. */
export function sharingEvidenceRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  app.get('/organizations/:slug/sharing/:id/evidence', requirePermission('file:download'), async (c) => {
    const org = await organizationOfSlug(deps, c.req.param('slug'))
    const record = org ? await recordOf(deps, c, org) : undefined
    const file = record?.evidenceFile ? await sharingEvidenceFile(deps.database.db, record.id) : undefined
    if (!org || !file) throw notFound('There is no evidence file at this address.')
    const viewer = c.get('viewer')
    const isBoard = viewer.kind === 'user' && viewer.roles.includes('board')
    if (!canEditOrganization(viewer, org.id) && !isBoard)
      throw new AppError('FORBIDDEN', {
        userMessage: `Only staff, the Advisory Board and the representative and alternate of ${org.name} can download its sharing evidence.`,
      })
    return c.body(new Uint8Array(file.data), 200, downloadHeaders(file, { isPublic: false }))
  })
}
