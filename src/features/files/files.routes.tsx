import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { AppError } from '#src/lib/errors.ts'
import { canDownloadFile, downloadHeaders, getStoredFile } from './files.ts'

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Downloads of uploaded files: to staff, the Advisory Board, and the applicant whose
 * application the file is evidence for. Always an attachment under its safe name, with the
 * type found from its content, never sniffed, rendered or run by the browser.
 */
export function fileRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  app.get('/files/:id', requirePermission('file:download'), async (c) => {
    const id = c.req.param('id')
    const file = uuidShape.test(id) ? await getStoredFile(db, id) : undefined
    if (!file) throw notFound('There is no file at this address.')
    if (!(await canDownloadFile(db, c.get('viewer'), file.id)))
      throw new AppError('FORBIDDEN', {
        userMessage:
          'This file belongs to an application: only its applicant, staff and the Advisory Board can download it.',
      })
    return c.body(new Uint8Array(file.data), 200, downloadHeaders(file, { isPublic: false }))
  })

  return app
}
