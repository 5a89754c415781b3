import type { Context, Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { checkForm, formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeFlash } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { isRefusal } from '#src/lib/errors.ts'
import { renderMarkdown } from '#src/lib/markdown.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { brokenInternalLinks } from './link-check.ts'
import { PageEditPage } from './page-edit.views.tsx'
import { ensureHomePage, fieldsOf, loadPage, pageIsLive } from './page-editor.ts'
import { homeTextForm, type PageFormValues, pageForm } from './page-form.ts'
import { loadPlaces, withDescendants } from './page-places.ts'
import { PagesListPage } from './pages-list.views.tsx'
import { deletePage, reorderPages, saveHomeText, savePage } from './save-page.ts'

const notices: Record<string, string> = {
  saved: 'The page is saved, as a new revision.',
  deleted: 'The page is deleted.',
  order: 'The navigation’s order is saved.',
}
const flashOf = (c: Context<AppEnv>): FlashMessage | undefined => noticeFlash(notices, c.req.query('notice'))

/** Staff's list of pages, the editor (with its preview and link check), delete and the nav's order. */
export function staffPageRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database
  const timeZone = deps.clock.timeZone

  const editor = async (
    c: Context<AppEnv>,
    pageId: string | undefined,
    values: Record<string, string>,
    options: {
      errors?: Record<string, string>
      preview?: boolean
      status?: 400 | 409
      flash?: FlashMessage
    } = {},
  ) => {
    const places = await loadPlaces(db)
    const page = pageId ? await loadPage(db, pageId) : undefined
    const path = places.find((p) => p.id === pageId)?.path ?? ''
    const excluded = new Set(pageId ? withDescendants(places, pageId).map((p) => p.id) : [])
    const body = values.bodyMarkdown ?? ''
    return renderPage(
      c,
      <PageEditPage
        page={
          page
            ? {
                id: page.id,
                path,
                isHome: page.systemKey === 'home',
                isLive: pageIsLive(page, deps.clock.now()),
                hasChildren: places.some((p) => p.parentId === page.id),
              }
            : undefined
        }
        values={values}
        errors={options.errors ?? {}}
        previewHtml={options.preview ? renderMarkdown(body) : undefined}
        brokenLinks={await brokenInternalLinks(db, body)}
        flash={options.flash ?? flashOf(c)}
        parents={places.filter((p) => !p.systemKey && !excluded.has(p.id))}
        timeZone={timeZone}
      />,
      { status: options.status },
    )
  }

  /** A save, or (action=preview) the same form back with the preview: nothing is kept then. */
  const save = async (c: Context<AppEnv>, pageId: string | undefined) => {
    const isHome = pageId ? (await loadPage(db, pageId)).systemKey === 'home' : false
    const fields = await formFields(c)
    if (fields.action === 'preview') return editor(c, pageId, fields, { preview: true })
    const form = checkForm(isHome ? homeTextForm : pageForm, fields)
    if (!form.ok) return editor(c, pageId, fields, { errors: form.errors, status: 400 })
    const by = editorOf(c.get('viewer'))
    try {
      const saved =
        isHome && pageId
          ? await saveHomeText(db, { id: pageId, values: form.value, by })
          : await savePage(db, {
              id: pageId,
              values: form.value as PageFormValues,
              by,
              now: deps.clock.now(),
              timeZone,
            })
      return c.redirect(`/staff/pages/${saved.id}?notice=saved`, 303)
    } catch (error) {
      if (!isRefusal(error)) throw error
      const errors = error.field ? { [error.field]: error.userMessage } : {}
      const flash = error.field ? undefined : { text: error.userMessage, isError: true }
      return editor(c, pageId, fields, { errors, flash, status: 409 })
    }
  }

  app.get('/staff/pages', requirePermission('site:manage'), async (c) => {
    await ensureHomePage(db)
    return renderPage(
      c,
      <PagesListPage places={await loadPlaces(db)} timeZone={timeZone} flash={flashOf(c)} />,
    )
  })

  app.get('/staff/pages/new', requirePermission('site:manage'), async (c) => {
    const places = await loadPlaces(db)
    const last = Math.max(0, ...places.filter((p) => p.depth === 0 && !p.systemKey).map((p) => p.navOrder))
    const parentId = c.req.query('parent') ?? ''
    return editor(c, undefined, {
      title: '',
      slug: '',
      parentId,
      summary: '',
      bodyMarkdown: '',
      status: 'draft',
      visibility: 'public',
      showInNav: parentId ? '' : 'yes',
      navOrder: String(last + 10),
      publishDate: '',
      publishTime: '',
      note: '',
    })
  })
  app.post('/staff/pages/new', requirePermission('site:manage'), (c) => save(c, undefined))

  app.post('/staff/pages/order', requirePermission('site:manage'), async (c) => {
    const fields = await formFields(c)
    const order = Object.entries(fields)
      .filter(([key, value]) => key.startsWith('order.') && /^-?\d{1,4}$/.test(value.trim()))
      .map(([key, value]) => ({ id: key.slice('order.'.length), navOrder: Number(value) }))
    const known = new Set((await loadPlaces(db)).map((p) => p.id))
    await reorderPages(
      db,
      order.filter((o) => known.has(o.id)),
      editorOf(c.get('viewer')),
    )
    return c.redirect('/staff/pages?notice=order', 303)
  })

  app.get('/staff/pages/:id', requirePermission('site:manage'), async (c) => {
    const page = await loadPage(db, c.req.param('id'))
    return editor(c, page.id, fieldsOf(page, timeZone, deps.clock.now()))
  })
  app.post('/staff/pages/:id', requirePermission('site:manage'), (c) => save(c, c.req.param('id')))

  app.post('/staff/pages/:id/delete', requirePermission('site:manage'), async (c) => {
    const page = await loadPage(db, c.req.param('id'))
    try {
      await deletePage(db, page.id, editorOf(c.get('viewer')))
    } catch (error) {
      if (!isRefusal(error)) throw error
      return editor(c, page.id, fieldsOf(page, timeZone, deps.clock.now()), {
        flash: { text: error.userMessage, isError: true },
        status: 409,
      })
    }
    return c.redirect('/staff/pages?notice=deleted', 303)
  })
}
