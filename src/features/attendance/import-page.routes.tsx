import type { Hono, MiddlewareHandler } from 'hono'
import { attachmentDisposition, getStoredFile } from '#src/features/files/index.ts'
import type { AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { formatDayIn, plural } from '#src/ui/format.ts'
import type { ImportPageProps } from './import-preview.views.tsx'
import type { ImportRouteParts } from './import-route-parts.tsx'
import { reportDownloadName } from './report-download-name.ts'

/** An import's page (with what the last change did) and the download of its source file. */
/** `keepPage` keeps the rendered page for the session while nothing changes (src/http/viewer-pages.ts). */
export function importPageRoutes(
  app: Hono<AppEnv>,
  parts: ImportRouteParts,
  keepPage: MiddlewareHandler<AppEnv>,
) {
  const { db, loadImport, importPage } = parts

  app.get(
    '/staff/calls/:date/attendance/imports/:id',
    requirePermission('attendance:manage'),
    keepPage,
    async (c) => {
      const loaded = await loadImport(c)
      const { call, imp } = loaded
      const query = c.req.query()
      let notice: ImportPageProps['notice']
      if (query.notice === 'unchanged' && imp.committedAt)
        notice = {
          text: `This file was already imported for this call on ${formatDayIn(imp.committedAt, call.timeZone)} by ${imp.committedBy ?? 'the command line'}: nothing changed.`,
        }
      else if (query.notice === 'committed')
        notice = { text: 'The import is committed: the attendance of the matched people is recorded.' }
      else if (query.notice === 'undone')
        notice = { text: 'The import is undone: the attendance it recorded is removed.' }
      else if (query.reviewed && /^\d{1,6}$/.test(query.reviewed)) {
        const saved = Number(query.reviewed)
        const left = imp.summary.unmatched
        notice = {
          text: `${saved} ${plural(saved, 'choice')} saved${imp.status === 'committed' ? ': the call’s attendance is updated' : ''}. ${left === 0 ? 'Every participant is decided.' : `${left} ${plural(left, 'participant')} still ${plural(left, 'needs', 'need')} a decision.`}`,
        }
      } else if (query.matched && /^\d{1,6}$/.test(query.matched)) {
        const row = imp.rows.find((r) => r.position === Number(query.matched))
        if (row?.match === 'guest') notice = { text: `${row.name} is marked as a guest.` }
        else if (row?.personName)
          notice = {
            text: `${row.name} is matched to ${row.personName}${imp.status === 'committed' ? ': the call’s attendance is updated' : ''}.`,
          }
      }
      return importPage(c, call, imp, 200, { notice })
    },
  )

  app.get(
    '/staff/calls/:date/attendance/imports/:id/source',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      const file = await getStoredFile(db, loaded.imp.fileId)
      if (!file) throw notFound('The source file of this import is no longer kept.')
      return c.body(new Uint8Array(file.data), 200, {
        'Content-Type': 'text/csv',
        'Content-Length': String(file.data.length),
        'Content-Disposition': attachmentDisposition(reportDownloadName(loaded.imp.fileName)),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      })
    },
  )
}
