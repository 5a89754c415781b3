import { Hono } from 'hono'
import { organizationArchive } from '#src/features/presentations/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization, visibleTo } from '#src/http/permissions.ts'
import { conditionalGet, hasDemoData, sendCached } from '#src/http/respond.ts'
import { hasRole } from '#src/http/viewer.ts'
import { AppError } from '#src/lib/errors.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import {
  directoryFacets,
  directoryFiltersSchema,
  listAdmittedOrganizations,
  listDesignationPrograms,
  type OrganizationSummary,
} from './directory.ts'
import { DirectoryPage } from './directory.view.tsx'
import { directoryShapes, renderDirectoryMap, renderProfileMap } from './organization-maps.ts'
import { getOrganizationProfile } from './profile.ts'
import { ProfilePage } from './profile.view.tsx'

/** Public pages: the directory with its map, and each organisation's profile. */
export function organizationPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  /** The shapes of every admitted organisation's region on `today`, built once per content version. */
  const shapesOn = (today: string, admitted?: readonly OrganizationSummary[]) =>
    deps.pages.remember(
      `${today}|map-shapes`,
      async () => directoryShapes(admitted ?? (await listAdmittedOrganizations(db, { onDate: today }))),
      deps.clock.now(),
    )

  app.get('/directory', requirePermission('public'), conditionalGet, async (c) => {
    const filters = directoryFiltersSchema.parse(c.req.query())
    // The key is built from the parsed filters, so junk query strings share one entry.
    const key = `directory|${filters.category ?? ''}|${filters.state ?? ''}|${filters.program ?? ''}|${filters.focus ?? ''}`
    return sendCached(c, deps, {
      key,
      type: 'html',
      render: async () => {
        const onDate = deps.clock.today()
        const organizations = await listAdmittedOrganizations(db, { onDate, filters })
        const admitted = await listAdmittedOrganizations(db, { onDate })
        const viewer = c.get('viewer')
        const page = (
          <DirectoryPage
            organizations={organizations}
            filters={filters}
            facets={directoryFacets(admitted, await listDesignationPrograms(db))}
            map={renderDirectoryMap(organizations, await shapesOn(onDate, admitted))}
            hasDemoData={await hasDemoData(db)}
            canSeeSeats={(organizationId) => canEditOrganization(viewer, organizationId)}
          />
        )
        return renderDocument(page)
      },
    })
  })

  // The map's shapes, apart from the page: the address names the content, so browsers keep it a year.
  // An address from before the last change gets today's shapes, without the long cache.
  app.get(
    '/map/:file{shapes-[A-Za-z0-9_-]+\\.svg}',
    requirePermission('public'),
    conditionalGet,
    async (c) => {
      const asked = c.req.param('file').slice('shapes-'.length, -'.svg'.length)
      const shapes = await shapesOn(deps.clock.today())
      return c.body(shapes.body, 200, {
        'Content-Type': 'image/svg+xml; charset=utf-8',
        ETag: `"${shapes.hash}"`,
        'Cache-Control': shapes.hash === asked ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
    },
  )

  app.get('/organizations/:slug', requirePermission('public'), conditionalGet, (c) => {
    const slug = c.req.param('slug')
    return sendCached(c, deps, {
      key: `profile|${slug}`,
      type: 'html',
      render: async () => {
        const org = await getOrganizationProfile(db, { slugOrId: slug, onDate: deps.clock.today() })
        if (!org)
          throw new AppError('NOT_FOUND', { userMessage: 'No admitted organisation has this address.' })
        const archived = await organizationArchive(db, org.id, visibleTo(c.get('viewer')))
        const page = (
          <ProfilePage
            org={org}
            presentations={archived}
            mapSvg={renderProfileMap(org)}
            hasDemoData={await hasDemoData(db)}
            canEdit={canEditOrganization(c.get('viewer'), org.id)}
            canManageSeats={hasRole(c.get('viewer'), 'staff')}
          />
        )
        return renderDocument(page)
      },
    })
  })

  return app
}
