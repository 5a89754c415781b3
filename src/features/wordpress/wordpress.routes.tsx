import type { Context } from 'hono'
import { Hono } from 'hono'
import { serveClientScript } from '#src/http/client-script.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { uploadedFileName } from '#src/http/uploaded-file-name.ts'
import { editorOf } from '#src/http/viewer.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { plural } from '#src/ui/format.ts'
import type { PreviewRow } from './apply-import.ts'
import { importWordpress } from './import-wordpress.ts'
import { PreviewPage, WordpressPage } from './staff.views.tsx'
import { listImports, undoImport } from './undo-import.ts'
import { uploadScript } from './upload-script.ts'
import { discardUpload, readPreview, savePreview, saveUpload, uploadFile } from './upload-store.ts'
import { WxrFormatError, WxrSyntaxError } from './wxr-types.ts'

const FIRST_ROWS = 20

const who = (c: Context<AppEnv>) => editorOf(c.get('viewer'))

/** Importing a WordPress export (WXR): the staff page with its upload, preview, commit and undo. */
export function wordpressRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db
  const timeZone = deps.clock.timeZone

  const page = async (
    c: Context<AppEnv>,
    options: {
      flash?: { text: string; isError?: boolean }
      uploadError?: string
      status?: 200 | 400 | 409
    } = {},
  ) =>
    renderPage(c, <WordpressPage imports={await listImports(db)} timeZone={timeZone} {...options} />, {
      status: options.status,
    })

  serveClientScript(app, uploadScript)

  app.get('/staff/wordpress', requirePermission('site:manage'), (c) => {
    const done = c.req.query('done')
    const text =
      done === 'imported'
        ? 'Imported. The old addresses now redirect to the new ones.'
        : done === 'unchanged'
          ? 'Nothing changed: everything in the file was already in the Hub.'
          : done === 'discarded'
            ? 'The upload is discarded: nothing was written.'
            : undefined
    return page(c, { flash: text ? { text } : undefined })
  })

  // The export arrives as the file itself (the page's script sends it; the body limit refuses a
  // form here) and is streamed to a temporary file, then read twice there: never whole in memory.
  app.post('/staff/wordpress/uploads', requirePermission('site:manage'), async (c) => {
    const body = c.req.raw.body
    if (
      /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c.req.header('Content-Type') ?? '')
    )
      return page(c, {
        uploadError:
          'The export must be sent as the file itself, by this page’s upload (JavaScript), or imported with hub wordpress import FILE.xml. Nothing was written.',
        status: 400,
      })
    if (!body) return page(c, { uploadError: 'Choose an export file to upload.', status: 400 })
    const token = await saveUpload(body as never)
    const fileName = uploadedFileName(c.req.header('X-File-Name'), 'export.xml')
    const firstRows: PreviewRow[] = []
    try {
      const summary = await importWordpress(db, {
        file: uploadFile(token),
        fileName,
        dryRun: true,
        timeZone,
        ...who(c),
        onRow: (row) => {
          if (firstRows.length < FIRST_ROWS) firstRows.push(row)
        },
      })
      await savePreview(token, { fileName, summary, firstRows })
    } catch (error) {
      await discardUpload(token)
      if (error instanceof WxrSyntaxError || error instanceof WxrFormatError)
        return page(c, { uploadError: `${fileName}: ${error.message} Nothing was written.`, status: 400 })
      throw error
    }
    return c.redirect(`/staff/wordpress/uploads/${token}`, 303)
  })

  const loadPreview = async (c: Context<AppEnv>) => {
    const token = c.req.param('token') ?? ''
    const preview = isUuid(token) ? await readPreview(token) : undefined
    if (!preview)
      throw new AppError('NOT_FOUND', {
        userMessage:
          'This upload is no longer waiting: it was committed or discarded. Upload the file again.',
      })
    return { token, preview }
  }

  app.get('/staff/wordpress/uploads/:token', requirePermission('site:manage'), async (c) => {
    const { token, preview } = await loadPreview(c)
    return renderPage(c, <PreviewPage token={token} preview={preview} />)
  })

  app.post('/staff/wordpress/uploads/:token/commit', requirePermission('site:manage'), async (c) => {
    const { token, preview } = await loadPreview(c)
    const summary = await importWordpress(db, {
      file: uploadFile(token),
      fileName: preview.fileName,
      dryRun: false,
      timeZone,
      ...who(c),
    })
    await discardUpload(token)
    return c.redirect(
      `/staff/wordpress?done=${summary.result === 'unchanged' ? 'unchanged' : 'imported'}`,
      303,
    )
  })

  app.post('/staff/wordpress/uploads/:token/discard', requirePermission('site:manage'), async (c) => {
    await discardUpload(c.req.param('token'))
    return c.redirect('/staff/wordpress?done=discarded', 303)
  })

  app.post('/staff/wordpress/imports/:id/undo', requirePermission('site:manage'), async (c) => {
    const id = c.req.param('id')
    if (!isUuid(id)) throw new AppError('NOT_FOUND', { userMessage: 'There is no such import.' })
    try {
      const undone = await undoImport(db, id, who(c).actor)
      const text = `Undone: ${undone.posts} posts, ${undone.pages} pages and ${undone.redirects} redirects removed.${
        undone.keptUpdated > 0
          ? ` ${undone.keptUpdated} ${plural(undone.keptUpdated, 'item')} it only updated ${plural(undone.keptUpdated, 'keeps its', 'keep their')} changes.`
          : ''
      }`
      return page(c, { flash: { text } })
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT')
        return page(c, { flash: { text: error.userMessage, isError: true }, status: 409 })
      throw error
    }
  })
  return app
}
