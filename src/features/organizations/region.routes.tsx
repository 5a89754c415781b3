import { Hono } from 'hono'
import { RegionPicker } from '#src/features/organizations/region-picker.tsx'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { CsrfInput } from '#src/ui/form-parts.tsx'
import { Layout } from '#src/ui/layout.tsx'
import {
  getOrganizationRegion,
  type OrganizationRegion,
  parseRegion,
  updateOrganizationRegion,
} from './region.ts'

const notYours = 'Only staff and the representative or alternate of this organisation can change its region.'

function RegionPage(props: {
  org: OrganizationRegion
  states: string[]
  counties: string[]
  errors: { states?: string; counties?: string }
  saved?: boolean
}) {
  const { org } = props
  return (
    <Layout title={`Region of ${org.name}`}>
      <div class="wrap">
        <p>
          <a href={`/organizations/${org.slug}/edit`}>← Edit the profile</a>
        </p>
        <h1>The region of {org.name}</h1>
        {props.saved ? (
          <p class="flash" role="status">
            The region is saved.
          </p>
        ) : null}
        <form method="post" action={`/organizations/${org.slug}/region`} class="form-card wide" novalidate>
          <CsrfInput />
          <RegionPicker
            states={props.states}
            counties={props.counties}
            statesError={props.errors.states}
            countiesError={props.errors.counties}
          />
          <button type="submit" class="button">
            Save the region
          </button>
        </form>
      </div>
    </Layout>
  )
}

/** The region of an organisation (states and counties by name, stored as FIPS), edited like its profile. */
export function organizationRegionRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const find = async (slug: string) => {
    const org = await getOrganizationRegion(db, slug)
    if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this address.' })
    return org
  }

  app.get('/organizations/:slug/region', requirePermission('organization:edit-own'), async (c) => {
    const org = await find(c.req.param('slug'))
    if (!canEditOrganization(c.get('viewer'), org.id))
      throw new AppError('FORBIDDEN', { userMessage: notYours })
    const page = (
      <RegionPage
        org={org}
        states={org.states}
        counties={org.counties}
        errors={{}}
        saved={c.req.query('saved') === '1'}
      />
    )
    return renderPage(c, page)
  })

  app.post('/organizations/:slug/region', requirePermission('organization:edit-own'), async (c) => {
    const viewer = c.get('viewer')
    const org = await find(c.req.param('slug'))
    if (viewer.kind !== 'user' || !viewer.personId || !canEditOrganization(viewer, org.id))
      throw new AppError('FORBIDDEN', { userMessage: notYours })
    const body = await c.req.parseBody({ all: true })
    const parsed = parseRegion(body)
    if (!parsed.ok) {
      const page = (
        <RegionPage org={org} states={parsed.states} counties={parsed.counties} errors={parsed.errors} />
      )
      return renderPage(c, page, { status: 400 })
    }
    await updateOrganizationRegion(db, {
      organizationId: org.id,
      actor: `person:${viewer.personId}`,
      states: parsed.states,
      counties: parsed.counties,
    })
    // "Save and show the counties" comes back here; "Save the region" goes to the public profile.
    if (body._then === 'region') return c.redirect(`/organizations/${org.slug}/region?saved=1#region`, 303)
    return c.redirect(`/organizations/${org.slug}`, 303)
  })

  return app
}
