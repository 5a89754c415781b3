import type { Context, Hono } from 'hono'
import { checkUpload, downloadHeaders, getStoredFile } from '#src/features/files/index.ts'
import { findOrganization } from '#src/features/seats/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization, canSeeMembersContent, visibleTo } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { conditionalGet, hasDemoData, sendCached } from '#src/http/respond.ts'
import { AppError } from '#src/lib/errors.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { ArchivedPresentationPage, ArchivePage } from './archive.views.tsx'
import { ArchiveEditPage } from './archive-edit.views.tsx'
import {
  type ArchiveErrors,
  type ArchiveFormValues,
  archiveForm,
  saveArchive,
  slideKinds,
} from './archive-form.ts'
import {
  type ArchivedPresentation,
  archiveFacets,
  archivePath,
  findArchived,
  listArchive,
} from './archive-queries.ts'

const missing = () => notFound('There is no presentation at this address.')
const oneLine = (v: string | undefined) => (v ?? '').trim().slice(0, 100)

/** The presentations archive: /presentations, each given presentation's page, its slides and its edit form. */
export function archiveRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  /** The presentation of the address, if the viewer may see it (404 otherwise: never "it exists"). */
  const presentationOf = async (c: Context<AppEnv>): Promise<ArchivedPresentation> => {
    const year = Number(c.req.param('year'))
    const p = Number.isInteger(year)
      ? await findArchived(db, { year, organizationSlug: c.req.param('slug') ?? '' })
      : undefined
    if (!p || !visibleTo(c.get('viewer')).includes(p.visibility)) throw missing()
    return p
  }
  /** The presentation to edit: the organisation's right first (403), then the presentation (404). */
  const editable = async (c: Context<AppEnv>) => {
    const org = await findOrganization(db, c.req.param('slug') ?? '')
    if (org && !canEditOrganization(c.get('viewer'), org.id))
      throw new AppError('FORBIDDEN', {
        userMessage:
          'Only staff and the representative or alternate of this organisation can edit its archive page.',
      })
    return presentationOf(c)
  }

  app.get('/presentations', requirePermission('public'), conditionalGet, async (c) => {
    const viewer = c.get('viewer')
    const q = c.req.query()
    const filters = {
      topic: oneLine(q.topic),
      focus: oneLine(q.focus),
      year: /^\d{4}$/.test(q.year ?? '') ? (q.year as string) : '',
    }
    return sendCached(c, deps, {
      key: `presentations|${filters.topic}|${filters.focus}|${filters.year}`,
      type: 'html',
      render: async () => {
        const visibilities = visibleTo(viewer)
        const [items, facets, demo] = await Promise.all([
          listArchive(db, visibilities, filters),
          archiveFacets(db, visibilities),
          hasDemoData(db),
        ])
        return renderDocument(
          <ArchivePage
            items={items}
            filters={filters}
            facets={facets}
            canSeeMembers={canSeeMembersContent(viewer)}
            hasDemoData={demo}
          />,
        )
      },
    })
  })

  // /presentations/<id> and /presentations/<year>-<organisation> lead to the one address.
  app.get('/presentations/:key', requirePermission('public'), async (c) => {
    const key = c.req.param('key')
    const dashed = key.match(/^(\d{4})-(.+)$/)
    const p = dashed
      ? await findArchived(db, { year: Number(dashed[1]), organizationSlug: dashed[2] ?? '' })
      : await findArchived(db, { id: key })
    if (!p || !visibleTo(c.get('viewer')).includes(p.visibility)) throw missing()
    return c.redirect(archivePath(p), 301)
  })

  app.get('/presentations/:year/:slug', requirePermission('public'), conditionalGet, async (c) => {
    const viewer = c.get('viewer')
    return sendCached(c, deps, {
      key: `presentation|${c.req.param('year')}|${c.req.param('slug')}`,
      type: 'html',
      render: async () => {
        const p = await presentationOf(c)
        return renderDocument(
          <ArchivedPresentationPage
            p={p}
            canEdit={canEditOrganization(viewer, p.organizationId)}
            canSeeMembers={canSeeMembersContent(viewer)}
            hasDemoData={await hasDemoData(db)}
            saved={viewer.kind === 'user' && c.req.query('saved') !== undefined}
          />,
        )
      },
    })
  })

  app.get('/presentations/:year/:slug/slides', requirePermission('public'), async (c) => {
    const p = await presentationOf(c)
    const file = p.slidesFileId ? await getStoredFile(db, p.slidesFileId) : undefined
    if (!file) throw notFound('This presentation has no slides.')
    return c.body(
      new Uint8Array(file.data),
      200,
      downloadHeaders(file, { isPublic: p.visibility === 'public' }),
    )
  })

  const editPage = (
    c: Context<AppEnv>,
    p: ArchivedPresentation,
    values: ArchiveFormValues,
    errors: ArchiveErrors,
    status: 200 | 400 | 413 = 200,
  ) => renderPage(c, <ArchiveEditPage p={p} values={values} errors={errors} />, { status })

  app.get('/presentations/:year/:slug/edit', requirePermission('organization:edit-own'), async (c) => {
    const p = await editable(c)
    return editPage(
      c,
      p,
      {
        title: p.title ?? '',
        summary: p.summary,
        topics: p.topics.join(', '),
        recordingUrl: p.recordingUrl ?? '',
        visibility: p.visibility,
      },
      {},
    )
  })

  app.post('/presentations/:year/:slug/edit', requirePermission('organization:edit-own'), async (c) => {
    const p = await editable(c)
    const body = await c.req.parseBody()
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '')
    const values: ArchiveFormValues = {
      title: text('title'),
      summary: text('summary'),
      topics: text('topics'),
      recordingUrl: text('recordingUrl'),
      visibility: text('visibility'),
    }
    const checked = checkForm(archiveForm, { ...values })
    const errors: ArchiveErrors = checked.ok ? {} : { ...checked.errors }
    let status: 400 | 413 = 400
    let slides: { name: string; kind: (typeof slideKinds)[number]; bytes: Uint8Array } | undefined
    const file = body.slides
    if (file instanceof File && (file.name !== '' || file.size > 0)) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const result = checkUpload({ name: file.name, bytes })
      if (!result.ok) {
        errors.slides = result.message
        status = result.status
      } else if (!slideKinds.includes(result.kind))
        errors.slides = `${result.name} is not a PDF or PowerPoint file: slides must be one.`
      else slides = { name: result.name, kind: result.kind, bytes }
    }
    if (!checked.ok || errors.slides) return editPage(c, p, values, errors, status)
    const viewer = c.get('viewer')
    const personId = viewer.kind === 'user' ? viewer.personId : null
    await saveArchive(db, personId ? `person:${personId}` : 'system', {
      id: p.id,
      value: checked.value,
      slides,
      uploadedBy: personId,
    })
    return c.redirect(`${archivePath(p)}?saved=1`, 303)
  })
}
