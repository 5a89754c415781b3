import type { Context, Hono } from 'hono'
import { displayName } from '#src/features/files/index.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { isAppError } from '#src/lib/errors.ts'
import { importUrl } from './import-parts.tsx'
import { startImport } from './import-preview.ts'
import { by, type ImportRouteParts } from './import-route-parts.tsx'
import { MAX_REPORT_BYTES } from './report-size.ts'

/** Staff upload a report for a call: it is read, matched and stored as a preview. */
export function uploadRoutes(app: Hono<AppEnv>, parts: ImportRouteParts) {
  const { db, loadCall, attendancePage, closedBecause } = parts

  /** The answer to an upload over the limit: the attendance page with why, and nothing stored. */
  const reportTooLarge = async (c: Context<AppEnv>, size: number | undefined) => {
    const loaded = await loadCall(c)
    const what = size === undefined ? 'over 5 MB' : `${(size / (1024 * 1024)).toFixed(1)} MB`
    return attendancePage(c, loaded.call, 413, {
      uploadError: `The upload is ${what}; a report can be at most 5 MB. Nothing was imported.`,
    })
  }

  app.post(
    '/staff/calls/:date/attendance/imports',
    requirePermission('attendance:manage'),
    // The body is bounded by the upload limit (src/http/route-body-limits.ts); a report's own, below.
    async (c) => {
      const { call, viewer } = await loadCall(c)
      const closed = closedBecause(call)
      if (closed) return attendancePage(c, call, 409, { uploadError: closed })
      const body = await c.req.parseBody()
      const file = body.report instanceof File ? body.report : undefined
      if (!file || (file.name === '' && file.size === 0))
        return attendancePage(c, call, 400, {
          uploadError: 'Choose the report file to upload: a Zoom, Teams or Google Meet attendance report.',
        })
      const shown = displayName(file.name) || 'The file'
      if (file.size === 0)
        return attendancePage(c, call, 400, { uploadError: `${shown} is empty: choose the report itself.` })
      if (file.size > MAX_REPORT_BYTES) return reportTooLarge(c, file.size)
      let started: Awaited<ReturnType<typeof startImport>>
      try {
        started = await startImport(db, {
          call,
          fileName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
          via: 'web',
          by: by(viewer),
        })
      } catch (error) {
        if (!isAppError(error) || (error.code !== 'BAD_INPUT' && error.code !== 'CONFLICT')) throw error
        return attendancePage(c, call, error.code === 'BAD_INPUT' ? 400 : 409, {
          uploadError: `${shown} was not imported. ${error.userMessage}`,
        })
      }
      const notice = started.kind === 'unchanged' ? '?notice=unchanged' : ''
      return c.redirect(`${importUrl(call.localDate, started.importId)}${notice}`, 303)
    },
  )
}
