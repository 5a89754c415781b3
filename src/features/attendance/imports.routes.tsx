import { Hono } from 'hono'
import { serveClientScript } from '#src/http/client-script.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { keepViewerPages } from '#src/http/viewer-pages.ts'
import { importActionRoutes } from './import-actions.routes.tsx'
import { importPageRoutes } from './import-page.routes.tsx'
import { participantRoutes } from './import-participant.routes.tsx'
import { importRouteParts } from './import-route-parts.tsx'
import { uploadRoutes } from './import-upload.routes.tsx'
import { reviewRoutes } from './review.routes.tsx'
import { reviewScript } from './review-script.ts'
import { uploadScript } from './upload-progress.ts'

/**
 * Staff pages to import Zoom, Teams and Meet attendance reports for a call: the upload form and
 * the list of imports, the preview with its matching by hand, and commit, discard and undo.
 */
export function attendanceImportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const parts = importRouteParts(deps)

  serveClientScript(app, uploadScript)
  serveClientScript(app, reviewScript)

  app.get('/staff/calls/:date/attendance', requirePermission('attendance:manage'), async (c) => {
    const { call } = await parts.loadCall(c)
    const notice =
      c.req.query('notice') === 'discarded' ? 'The preview is discarded: nothing was recorded.' : undefined
    return parts.attendancePage(c, call, 200, { notice })
  })

  uploadRoutes(app, parts)
  importPageRoutes(app, parts, keepViewerPages(deps))
  participantRoutes(app, parts)
  reviewRoutes(app, parts)
  importActionRoutes(app, parts)
  return app
}
