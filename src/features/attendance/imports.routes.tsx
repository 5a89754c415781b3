import type { Context } from 'hono'
import { Hono } from 'hono'
import { attendanceRefusal } from '#src/features/calls/index.ts'
import { attachmentDisposition, displayName, getStoredFile } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { isAppError } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  commitImport,
  discardImport,
  findCallByDate,
  findCommittedImport,
  getImport,
  type ImportBy,
  type ImportCall,
  type ImportRow,
  type ImportView,
  listImports,
  matchCandidates,
  resolveParticipant,
  startImport,
  undoImport,
} from './imports.ts'
import {
  AttendancePage,
  type AttendancePageProps,
  callUrl,
  formatDayIn,
  ImportPage,
  type ImportPageProps,
  importUrl,
  ParticipantPage,
} from './imports.views.tsx'
import { MAX_REPORT_BYTES } from './report-size.ts'
import { uploadScript } from './upload-progress.ts'

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'private, no-store')

/** Why a call takes no new attendance: cancelled, or not held yet (the calls feature's rule). Undefined when it does. */
const closedBecause = (call: ImportCall, today: string): string | undefined =>
  attendanceRefusal(call, { by: 'report', today }) ?? undefined

/**
 * A name to offer in the download of a source file: the name it was uploaded under, without
 * a path or characters file systems refuse, ending in .csv, .tsv or .txt.
 */
export function reportDownloadName(name: string): string {
  let stem = displayName(name)
    .replace(/["*:<>?|]/g, '_')
    .replace(/^[.\s]+/, '')
  const extension = /\.(csv|tsv|txt)$/i.exec(stem)?.[1]?.toLowerCase()
  if (extension) stem = stem.slice(0, -extension.length - 1)
  stem = Array.from(stem)
    .slice(0, 120)
    .join('')
    .replace(/[.\s]+$/, '')
  return `${stem || 'attendance-report'}.${extension ?? 'csv'}`
}

type Loaded = { call: ImportCall; viewer: SignedInViewer & { personId: string } }

/**
 * Staff pages to import Zoom, Teams and Meet attendance reports for a call: the upload form and
 * the list of imports, the preview with its matching by hand, and commit, discard and undo.
 */
export function attendanceImportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  /** The call the path names, and the staff member asking; or the page that refuses. */
  const loadCall = async (c: Context<AppEnv>): Promise<Loaded | Response> => {
    const date = c.req.param('date') ?? ''
    if (!isIsoDate(date))
      return renderErrorPage(
        c,
        400,
        'A call is named by its date in the address, written year-month-day, such as /staff/calls/2026-11-23/attendance.',
      )
    const call = await findCallByDate(db, date)
    if (!call) return renderErrorPage(c, 404, `There is no call on ${formatDate(date)}.`)
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId)
      return renderErrorPage(
        c,
        403,
        'Your account is not linked to a person on record, so it cannot do this.',
      )
    return { call, viewer: viewer as SignedInViewer & { personId: string } }
  }

  /** The call, and the import the path names when it belongs to that call; or the page that refuses. */
  const loadImport = async (c: Context<AppEnv>): Promise<(Loaded & { imp: ImportView }) | Response> => {
    const loaded = await loadCall(c)
    if (loaded instanceof Response) return loaded
    const id = c.req.param('id') ?? ''
    const imp = uuidShape.test(id) ? await getImport(db, id) : undefined
    if (!imp || imp.call.id !== loaded.call.id)
      return renderErrorPage(c, 404, 'There is no such import for this call.')
    return { ...loaded, imp }
  }

  const by = (viewer: { personId: string }): ImportBy => ({
    personId: viewer.personId,
    actor: `person:${viewer.personId}`,
  })

  const attendancePage = async (
    c: Context<AppEnv>,
    call: ImportCall,
    status: 200 | 400 | 409 | 413,
    props: Pick<AttendancePageProps, 'notice' | 'uploadError'> = {},
  ) => {
    const imports = await listImports(db, call.id)
    noStore(c)
    const page = (
      <AttendancePage
        call={call}
        imports={imports}
        closed={closedBecause(call, deps.clock.today())}
        {...props}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  const importPage = async (
    c: Context<AppEnv>,
    call: ImportCall,
    imp: ImportView,
    status: 200 | 400 | 409,
    props: Pick<ImportPageProps, 'notice' | 'resolveError'> = {},
  ) => {
    const candidates = imp.status === 'undone' ? [] : await matchCandidates(db, call.localDate)
    noStore(c)
    const page = (
      <ImportPage
        call={call}
        imp={imp}
        candidates={candidates}
        closed={closedBecause(call, deps.clock.today())}
        {...props}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  /** The answer to an upload over the limit: the attendance page with why, and nothing stored. */
  const reportTooLarge = async (c: Context<AppEnv>, size: number | undefined) => {
    const loaded = await loadCall(c)
    if (loaded instanceof Response) return loaded
    const what = size === undefined ? 'over 5 MB' : `${(size / (1024 * 1024)).toFixed(1)} MB`
    return attendancePage(c, loaded.call, 413, {
      uploadError: `The upload is ${what}; a report can be at most 5 MB. Nothing was imported.`,
    })
  }

  app.get('/assets/attendance-upload.js', requirePermission('public'), (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8')
    c.header(
      'Cache-Control',
      c.req.query('v') === uploadScript.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    return c.body(uploadScript.body)
  })

  app.get('/staff/calls/:date/attendance', requirePermission('attendance:manage'), async (c) => {
    const loaded = await loadCall(c)
    if (loaded instanceof Response) return loaded
    const notice =
      c.req.query('notice') === 'discarded' ? 'The preview is discarded: nothing was recorded.' : undefined
    return attendancePage(c, loaded.call, 200, { notice })
  })

  app.post(
    '/staff/calls/:date/attendance/imports',
    requirePermission('attendance:manage'),
    // The body is bounded by the upload limit (src/http/route-body-limits.ts); a report's own, below.
    async (c) => {
      const loaded = await loadCall(c)
      if (loaded instanceof Response) return loaded
      const { call, viewer } = loaded
      const closed = closedBecause(call, deps.clock.today())
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

  app.get('/staff/calls/:date/attendance/imports/:id', requirePermission('attendance:manage'), async (c) => {
    const loaded = await loadImport(c)
    if (loaded instanceof Response) return loaded
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
    else if (query.matched && /^\d{1,6}$/.test(query.matched)) {
      const row = imp.rows.find((r) => r.position === Number(query.matched))
      if (row?.match === 'guest') notice = { text: `${row.name} is marked as a guest.` }
      else if (row?.personName)
        notice = {
          text: `${row.name} is matched to ${row.personName}${imp.status === 'committed' ? ': the call’s attendance is updated' : ''}.`,
        }
    }
    return importPage(c, call, imp, 200, { notice })
  })

  app.get(
    '/staff/calls/:date/attendance/imports/:id/source',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      if (loaded instanceof Response) return loaded
      const file = await getStoredFile(db, loaded.imp.fileId)
      if (!file) return renderErrorPage(c, 404, 'The source file of this import is no longer kept.')
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

  /** The participant the path names, with the page that changes its match; or the page that refuses. */
  const participantOf = (imp: ImportView, positionText: string | undefined) =>
    positionText && /^\d{1,6}$/.test(positionText)
      ? imp.rows.find((r) => r.position === Number(positionText))
      : undefined

  const participantPage = async (
    c: Context<AppEnv>,
    loaded: Loaded & { imp: ImportView },
    row: ImportRow,
    status: 200 | 400 | 409,
    error?: { value: string; message: string },
  ) => {
    const candidates = await matchCandidates(db, loaded.call.localDate)
    noStore(c)
    return c.html(
      await renderDocument(
        <ParticipantPage
          call={loaded.call}
          imp={loaded.imp}
          row={row}
          candidates={candidates}
          error={error}
        />,
      ),
      status,
    )
  }

  app.get(
    '/staff/calls/:date/attendance/imports/:id/participants/:position',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      if (loaded instanceof Response) return loaded
      const row = participantOf(loaded.imp, c.req.param('position'))
      if (!row) return renderErrorPage(c, 404, 'This import has no such participant.')
      if (loaded.imp.status === 'undone')
        return renderErrorPage(c, 409, 'This import is undone: its participants can no longer be matched.')
      const closed = closedBecause(loaded.call, deps.clock.today())
      if (closed) return renderErrorPage(c, 409, closed)
      return participantPage(c, loaded, row, 200)
    },
  )

  app.post(
    '/staff/calls/:date/attendance/imports/:id/participants/:position',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      if (loaded instanceof Response) return loaded
      const { call, imp, viewer } = loaded
      const positionText = c.req.param('position')
      const row = /^\d{1,6}$/.test(positionText)
        ? imp.rows.find((r) => r.position === Number(positionText))
        : undefined
      if (!row) return renderErrorPage(c, 404, 'This import has no such participant.')
      if (imp.status === 'undone')
        return importPage(c, call, imp, 409, {
          notice: {
            isError: true,
            text: 'This import is undone: its participants can no longer be matched.',
          },
        })
      const closed = closedBecause(call, deps.clock.today())
      if (closed) return importPage(c, call, imp, 409, { notice: { isError: true, text: closed } })
      const chosen = ((await formFields(c)).personId ?? '').trim()
      // A participant already matched is changed on its own page, which shows the refusal.
      const refuse = (message: string) =>
        row.match === null
          ? importPage(c, call, imp, 400, {
              resolveError: { position: row.position, value: chosen, message },
            })
          : participantPage(c, loaded, row, 400, { value: chosen, message })
      if (chosen === '') return refuse(`Choose who ${row.name} is, or mark them as a guest.`)
      if (chosen !== 'guest') {
        const candidates = uuidShape.test(chosen) ? await matchCandidates(db, call.localDate) : []
        if (!candidates.some((p) => p.id === chosen))
          return refuse('Choose a person from the list, or mark them as a guest.')
      }
      try {
        await resolveParticipant(db, {
          importId: imp.id,
          position: row.position,
          personId: chosen,
          by: by(viewer),
        })
      } catch (error) {
        if (!isAppError(error) || error.code === 'NOT_FOUND') throw error
        return importPage(c, call, imp, error.code === 'BAD_INPUT' ? 400 : 409, {
          resolveError: { position: row.position, value: chosen, message: error.userMessage },
        })
      }
      const after = await getImport(db, imp.id)
      const next = after?.rows.find((r) => r.match === null)
      const anchor = next ? `#resolve-${next.position}` : '#actions'
      return c.redirect(`${importUrl(call.localDate, imp.id)}?matched=${row.position}${anchor}`, 303)
    },
  )

  /** Runs a change on an import; a refusal because of where it stands shows the import with the reason. */
  const change = async (
    c: Context<AppEnv>,
    loaded: Loaded & { imp: ImportView },
    work: () => Promise<Response>,
  ): Promise<Response> => {
    try {
      return await work()
    } catch (error) {
      if (!isAppError(error) || error.code === 'NOT_FOUND') throw error
      const fresh = (await getImport(db, loaded.imp.id)) ?? loaded.imp
      return importPage(c, loaded.call, fresh, 409, { notice: { isError: true, text: error.userMessage } })
    }
  }

  app.post(
    '/staff/calls/:date/attendance/imports/:id/commit',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      if (loaded instanceof Response) return loaded
      const { call, imp, viewer } = loaded
      const closed = closedBecause(call, deps.clock.today())
      if (closed) return importPage(c, call, imp, 409, { notice: { isError: true, text: closed } })
      return change(c, loaded, async () => {
        const result = await commitImport(db, { importId: imp.id, by: by(viewer) })
        if (result === 'unchanged') {
          const twin = await findCommittedImport(db, call.id, imp.sha256)
          return c.redirect(`${importUrl(call.localDate, twin?.id ?? imp.id)}?notice=unchanged`, 303)
        }
        return c.redirect(`${importUrl(call.localDate, imp.id)}?notice=committed`, 303)
      })
    },
  )

  app.post(
    '/staff/calls/:date/attendance/imports/:id/discard',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      if (loaded instanceof Response) return loaded
      return change(c, loaded, async () => {
        await discardImport(db, { importId: loaded.imp.id, by: by(loaded.viewer) })
        return c.redirect(`${callUrl(loaded.call.localDate)}?notice=discarded`, 303)
      })
    },
  )

  app.post(
    '/staff/calls/:date/attendance/imports/:id/undo',
    requirePermission('attendance:manage'),
    async (c) => {
      const loaded = await loadImport(c)
      if (loaded instanceof Response) return loaded
      return change(c, loaded, async () => {
        await undoImport(db, { importId: loaded.imp.id, by: by(loaded.viewer) })
        return c.redirect(`${importUrl(loaded.call.localDate, loaded.imp.id)}?notice=undone`, 303)
      })
    },
  )

  return app
}
