import { type Context, Hono } from 'hono'
import { getStoredFile } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formWithFile } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { importActionRoutes } from '#src/http/import-actions.ts'
import { noticeFlash } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { actingPerson } from '#src/http/viewer.ts'
import { isAppError } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { importFlash } from '#src/ui/import-status.tsx'
import { HistoryImportPage } from './history-import.views.tsx'
import {
  commitHistoryImport,
  discardHistoryImport,
  previewHistoryFile,
  startHistoryImport,
  undoHistoryImport,
} from './history-imports.ts'
import { HISTORY_PATH, HistoryPage, historyUrl } from './history-page.views.tsx'
import { historySizeProblem } from './history-sheet.ts'
import { getHistoryImport, listHistoryImports } from './records.ts'

/** Staff bring in past attendance from a spreadsheet: upload, preview, commit, undo (or discard a preview). */
export function attendanceHistoryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const timeZone = deps.clock.timeZone

  const listPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 413,
    props: { flash?: FlashMessage; uploadError?: string } = {},
  ) =>
    renderPage(c, <HistoryPage imports={await listHistoryImports(db)} timeZone={timeZone} {...props} />, {
      status,
    })

  const notices: Record<string, string> = {
    committed: 'Committed: the attendance is recorded and counts on the obligations pages.',
    undone: 'Undone: the attendance this import wrote is removed.',
    discarded: 'The preview is discarded: nothing was recorded.',
  }

  const importPage = async (c: Context<AppEnv>, id: string, status: 200 | 409, flash?: FlashMessage) => {
    const item = await getHistoryImport(db, id)
    if (!item) throw notFound('There is no such history import.')
    let plan: Awaited<ReturnType<typeof previewHistoryFile>>['plan'] | undefined
    if (item.status === 'preview') {
      const today = deps.clock.today()
      // Read and checked once per content version: reloading the preview does not read the file again.
      plan = await deps.pages.remember(
        `${today}|history-plan|${item.id}`,
        async () => {
          const file = await getStoredFile(db, item.fileId)
          if (!file) throw notFound('The file of this import is gone.')
          return (
            await previewHistoryFile(db, { fileName: file.name, bytes: new Uint8Array(file.data), today })
          ).plan
        },
        deps.clock.now(),
      )
    }
    const shown = importFlash(c.req.query('notice'), item, { notices, timeZone, flash })
    return renderPage(c, <HistoryImportPage item={item} plan={plan} timeZone={timeZone} flash={shown} />, {
      status,
    })
  }

  app.get(HISTORY_PATH, requirePermission('attendance:manage'), (c) =>
    listPage(c, 200, { flash: noticeFlash(notices, c.req.query('notice')) }),
  )

  app.post(HISTORY_PATH, requirePermission('attendance:manage'), async (c) => {
    const who = actingPerson(c.get('viewer'))
    const { file } = await formWithFile(c, 'sheet')
    if (!file)
      return listPage(c, 400, { uploadError: 'Choose the spreadsheet to upload: a .csv or .xlsx file.' })
    const tooLarge = historySizeProblem(file.bytes.byteLength)
    if (tooLarge) return listPage(c, file.bytes.byteLength === 0 ? 400 : 413, { uploadError: tooLarge })
    try {
      const started = await startHistoryImport(db, {
        fileName: file.name,
        bytes: file.bytes,
        via: 'web',
        by: who,
        today: deps.clock.today(),
      })
      const notice = started.status === 'committed' ? '?notice=already' : ''
      return c.redirect(`${historyUrl(started.importId)}${notice}`, 303)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'BAD_INPUT') throw error
      return listPage(c, 400, { uploadError: error.userMessage })
    }
  })

  app.get(`${HISTORY_PATH}/:id`, requirePermission('attendance:manage'), (c) =>
    importPage(c, c.req.param('id'), 200),
  )

  importActionRoutes(app, {
    base: HISTORY_PATH,
    url: historyUrl,
    guard: requirePermission('attendance:manage'),
    page: importPage,
    commit: (id, who) =>
      commitHistoryImport(db, { importId: id, by: who, today: deps.clock.today(), timeZone }),
    undo: (id, who) => undoHistoryImport(db, { importId: id, by: who }),
    discard: (id, who) => discardHistoryImport(db, { importId: id, by: who }),
  })
  return app
}
