import { type Context, Hono } from 'hono'
import { getStoredFile } from '#src/features/files/index.ts'
import { listMetrics } from '#src/features/outcomes/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm, formWithFile } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { importActionRoutes } from '#src/http/import-actions.ts'
import { noticeFlash } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { actingPerson } from '#src/http/viewer.ts'
import { isAppError } from '#src/lib/errors.ts'
import { sheetSizeProblem } from '#src/lib/spreadsheet/read-sheet.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { importFlash } from '#src/ui/import-status.tsx'
import { IMPORT_PATH, ImportListPage, importUrl } from './import-list.views.tsx'
import { ImportPage } from './import-page.views.tsx'
import { importYearForm, importYears } from './import-year.ts'
import {
  commitOutcomeImport,
  discardOutcomeImport,
  importPeriod,
  startOutcomeImport,
  undoOutcomeImport,
} from './outcome-imports.ts'
import { planOutcomes } from './plan.ts'
import { getOutcomeImport, listOutcomeImports, reportsOfImport } from './records.ts'

const notices: Record<string, string> = {
  committed: 'Committed: the reports are verified and count on the impact page and in the rollups.',
  undone: 'Undone: the reports this import wrote are removed.',
  discarded: 'The preview is discarded: nothing was recorded.',
}

/** Staff import a year's outcome figures from a CSV or Excel sheet: upload, preview, commit, undo (or discard a preview). */
export function outcomeImportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const timeZone = deps.clock.timeZone
  const guard = requirePermission('outcomes:manage')

  const listPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 413,
    props: { flash?: FlashMessage; year?: string; errors?: { year?: string; sheet?: string } } = {},
  ) => {
    const years = importYears(deps.clock.today())
    return renderPage(
      c,
      <ImportListPage
        imports={await listOutcomeImports(db)}
        metrics={await listMetrics(db)}
        years={years}
        year={props.year ?? String(years[1] ?? years[0])}
        errors={props.errors ?? {}}
        timeZone={timeZone}
        flash={props.flash}
      />,
      { status },
    )
  }

  const importPage = async (c: Context<AppEnv>, id: string, status: 200 | 409, flash?: FlashMessage) => {
    const item = await getOutcomeImport(db, id)
    if (!item) throw notFound('There is no such outcome import.')
    // Read and checked once per content version: reloading the preview does not read the file again.
    const plan =
      item.status === 'preview'
        ? await deps.pages.remember(
            `outcome-plan|${item.id}|${item.periodStart}|${item.periodEnd}`,
            async () => {
              const file = await getStoredFile(db, item.fileId)
              if (!file) throw notFound('The file of this import is gone.')
              return planOutcomes(db, { bytes: new Uint8Array(file.data), period: importPeriod(item) })
            },
            deps.clock.now(),
          )
        : undefined
    const written = item.status === 'committed' ? await reportsOfImport(db, item.id) : undefined
    if (c.req.header('accept')?.includes('application/json'))
      return c.json(
        {
          importId: item.id,
          status: item.status,
          year: Number(item.periodStart.slice(0, 4)),
          fileName: item.fileName,
          rows: item.rowCount,
          reports: plan
            ? plan.reports.map((r) => ({ organization: r.slug, figures: r.figures }))
            : (written ?? []).map((r) => ({ organization: r.slug })),
          problems: plan?.problems ?? [],
          ...(flash?.isError ? { error: flash.text } : {}),
        },
        status,
        { 'Cache-Control': 'private, no-store' },
      )
    const shown = importFlash(c.req.query('notice'), item, { notices, timeZone, flash })
    return renderPage(
      c,
      <ImportPage item={item} plan={plan} written={written} timeZone={timeZone} flash={shown} />,
      { status },
    )
  }

  app.get(IMPORT_PATH, guard, (c) => listPage(c, 200, { flash: noticeFlash(notices, c.req.query('notice')) }))

  app.post(IMPORT_PATH, guard, async (c) => {
    const who = actingPerson(c.get('viewer'))
    const { fields, file } = await formWithFile(c, 'sheet')
    const form = checkForm(importYearForm(deps.clock.today()), fields)
    const year = fields.year
    if (!form.ok) return listPage(c, 400, { year, errors: { year: form.errors.year } })
    if (!file)
      return listPage(c, 400, {
        year,
        errors: { sheet: 'Choose the spreadsheet to upload: a .csv or .xlsx file.' },
      })
    const tooLarge = sheetSizeProblem(file.bytes.byteLength, 'outcome')
    if (tooLarge)
      return listPage(c, file.bytes.byteLength === 0 ? 400 : 413, { year, errors: { sheet: tooLarge } })
    try {
      const started = await startOutcomeImport(db, {
        fileName: file.name,
        bytes: file.bytes,
        period: form.value.period,
        via: 'web',
        by: who,
      })
      const notice = started.status === 'committed' ? '?notice=already' : ''
      return c.redirect(`${importUrl(started.importId)}${notice}`, 303)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'BAD_INPUT') throw error
      return listPage(c, 400, { year, errors: { sheet: error.userMessage } })
    }
  })

  app.get(`${IMPORT_PATH}/:id`, guard, (c) => importPage(c, c.req.param('id'), 200))

  importActionRoutes(app, {
    base: IMPORT_PATH,
    url: importUrl,
    guard,
    page: importPage,
    commit: (id, who) => commitOutcomeImport(db, { importId: id, by: who, timeZone }),
    undo: (id, who) => undoOutcomeImport(db, { importId: id, by: who }),
    discard: (id, who) => discardOutcomeImport(db, { importId: id, by: who }),
  })
  return app
}
