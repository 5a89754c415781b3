import { Hono } from 'hono'
import { downloadHeaders, getStoredFile } from '#src/features/files/index.ts'
import { PinnedFunding, pinsOn } from '#src/features/grants/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canSeeMembersContent, visibleTo } from '#src/http/permissions.ts'
import { conditionalGet, hasDemoData, sendCached } from '#src/http/respond.ts'
import { hasRole, type Viewer } from '#src/http/viewer.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { contributeRoutes } from './contribute.routes.tsx'
import { isContributor } from './contributors.ts'
import { canRead, findItem } from './find-item.ts'
import { filtersQuery, readLibraryFilters } from './library-filters.ts'
import { LibraryItemPage } from './library-item.views.tsx'
import { LibraryPage } from './library-page.views.tsx'
import { libraryFacets, listLibrary } from './list-library.ts'
import { staffLibraryRoutes } from './staff-library.routes.tsx'

const missing = () => notFound('There is no library item at this address.')

/** The library of briefings and resources: the list, each item and its files, contributions, and staff's pages. */
export function libraryRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const mayContribute = async (viewer: Viewer) =>
    hasRole(viewer, 'staff') || (viewer.kind === 'user' && (await isContributor(db, viewer.personId)))

  contributeRoutes(app, deps)
  staffLibraryRoutes(app, deps)

  app.get('/library', requirePermission('public'), conditionalGet, async (c) => {
    const viewer = c.get('viewer')
    const canSeeMembers = canSeeMembersContent(viewer)
    const filters = readLibraryFilters(c.req.query(), canSeeMembers)
    return sendCached(c, deps, {
      key: `library|${filtersQuery(filters)}`,
      type: 'html',
      render: async () => {
        const visibilities = visibleTo(viewer)
        const [list, facets, demo, canContribute] = await Promise.all([
          listLibrary(db, visibilities, filters),
          libraryFacets(db, visibilities),
          hasDemoData(db),
          mayContribute(viewer),
        ])
        return renderDocument(
          <LibraryPage
            {...list}
            filters={filters}
            facets={facets}
            canSeeMembers={canSeeMembers}
            canContribute={canContribute}
            hasDemoData={demo}
          />,
        )
      },
    })
  })

  app.get('/library/:slug', requirePermission('public'), conditionalGet, async (c) => {
    const viewer = c.get('viewer')
    const slug = c.req.param('slug')
    return sendCached(c, deps, {
      key: `library-item|${slug}`,
      type: 'html',
      render: async () => {
        const item = await findItem(db, slug)
        if (!item || item.slug !== slug || !canRead(viewer, item, visibleTo(viewer))) throw missing()
        const pins = await pinsOn(db, { briefingId: item.id }, visibleTo(viewer))
        return renderDocument(
          <LibraryItemPage
            item={item}
            canSeeMembers={canSeeMembersContent(viewer)}
            canManage={hasRole(viewer, 'staff')}
            hasDemoData={await hasDemoData(db)}
            pinnedFunding={<PinnedFunding pins={pins} canSeeMembers={canSeeMembersContent(viewer)} />}
          />,
        )
      },
    })
  })

  // A public item's files to anyone; a members-only item's to members; an unpublished item's to staff and its submitter.
  app.get('/library/:slug/files/:fileId', requirePermission('public'), async (c) => {
    const viewer = c.get('viewer')
    const item = await findItem(db, c.req.param('slug'))
    if (!item || item.slug !== c.req.param('slug') || !canRead(viewer, item, visibleTo(viewer)))
      throw missing()
    const attachment = item.attachments.find((a) => a.fileId === c.req.param('fileId'))
    const file = attachment ? await getStoredFile(db, attachment.fileId) : undefined
    if (!file) throw notFound('This item has no such file.')
    const isPublic = item.status === 'published' && item.visibility === 'public'
    return c.body(new Uint8Array(file.data), 200, downloadHeaders(file, { isPublic }))
  })

  return app
}
