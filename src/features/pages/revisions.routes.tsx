import type { Hono } from 'hono'
import { serveClientScript } from '#src/http/client-script.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf } from '#src/http/viewer.ts'
import { renderMarkdown } from '#src/lib/markdown.ts'
import { lineDiff } from './line-diff.ts'
import { brokenInternalLinks } from './link-check.ts'
import { loadPage } from './page-editor.ts'
import { previewScript } from './preview-script.ts'
import { getRevision, listRevisions, restoreRevision } from './revisions.ts'
import { ComparePage, RevisionsPage } from './revisions.views.tsx'

/** Revisions (list, compare, restore), the live preview's endpoint and its script. */
export function revisionRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database
  const timeZone = deps.clock.timeZone

  app.get('/staff/pages/:id/revisions', requirePermission('site:manage'), async (c) => {
    const page = await loadPage(db, c.req.param('id'))
    const restored = c.req.query('restored')
    const flash =
      restored && /^\d+$/.test(restored)
        ? { text: `Revision ${restored} is restored, as a new revision.` }
        : undefined
    return renderPage(
      c,
      <RevisionsPage
        page={page}
        revisions={await listRevisions(db, page.id)}
        timeZone={timeZone}
        flash={flash}
      />,
    )
  })

  app.get('/staff/pages/:id/compare', requirePermission('site:manage'), async (c) => {
    const page = await loadPage(db, c.req.param('id'))
    const number = (name: string) => {
      const value = c.req.query(name) ?? ''
      return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN
    }
    const [a, b] = [number('from'), number('to')]
    const from = Number.isNaN(a) ? undefined : await getRevision(db, page.id, Math.min(a, b || a))
    const to = Number.isNaN(b) ? undefined : await getRevision(db, page.id, Math.max(a || b, b))
    if (!from || !to) throw notFound('Choose two revisions of this page to compare.')
    const diffs = {
      title: lineDiff(from.title, to.title),
      summary: lineDiff(from.summary, to.summary),
      body: lineDiff(from.bodyMarkdown, to.bodyMarkdown),
    }
    return renderPage(c, <ComparePage page={page} from={from} to={to} diffs={diffs} timeZone={timeZone} />)
  })

  app.post('/staff/pages/:id/revisions/:number/restore', requirePermission('site:manage'), async (c) => {
    const page = await loadPage(db, c.req.param('id'))
    const number = c.req.param('number')
    if (!/^\d{1,6}$/.test(number)) throw notFound('There is no such revision.')
    if (!(await getRevision(db, page.id, Number(number)))) throw notFound('There is no such revision.')
    await restoreRevision(db, page.id, Number(number), editorOf(c.get('viewer')))
    return c.redirect(`/staff/pages/${page.id}/revisions?restored=${number}`, 303)
  })

  /** The live preview: the body as visitors would see it, and the links that lead nowhere. */
  app.post('/staff/pages/preview', requirePermission('site:manage'), async (c) => {
    const body = (await formFields(c)).bodyMarkdown ?? ''
    c.header('Cache-Control', 'private, no-store')
    return c.json({ html: renderMarkdown(body), brokenLinks: await brokenInternalLinks(db, body) })
  })

  serveClientScript(app, previewScript)
}
