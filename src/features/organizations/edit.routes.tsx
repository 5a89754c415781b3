import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { AppError } from '#src/lib/errors.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  type EditableField,
  getEditableOrganization,
  type OrganizationEditForm,
  parseOrganizationEdit,
  toEditForm,
  updateOrganizationProfile,
} from './edit.ts'
import { EditOrganizationPage } from './edit.views.tsx'

const notYours =
  'Only staff and the representative or alternate who holds this organisation’s seat today can edit its profile.'

/** Editing an organisation's profile: staff any, a seat holder their own (checked per record). */
export function organizationEditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const findOrganization = async (slug: string) => {
    const org = await getEditableOrganization(db, slug)
    if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this address.' })
    return org
  }

  app.get('/organizations/:slug/edit', requirePermission('organization:edit-own'), async (c) => {
    const org = await findOrganization(c.req.param('slug'))
    if (!canEditOrganization(c.get('viewer'), org.id)) return renderErrorPage(c, 403, notYours)
    c.header('Cache-Control', 'private, no-store')
    const page = <EditOrganizationPage org={org} values={toEditForm(org)} errors={{}} />
    return c.html(await renderDocument(page))
  })

  app.post('/organizations/:slug/edit', requirePermission('organization:edit-own'), async (c) => {
    const viewer = c.get('viewer')
    const org = await findOrganization(c.req.param('slug'))
    if (viewer.kind !== 'user' || !viewer.personId || !canEditOrganization(viewer, org.id))
      return renderErrorPage(c, 403, notYours)
    const body = await c.req.parseBody()
    const result = parseOrganizationEdit(body)
    if (!result.ok) {
      const typed = (field: EditableField) => (typeof body[field] === 'string' ? body[field] : '')
      const values: OrganizationEditForm = {
        summary: typed('summary'),
        website: typed('website'),
        focusIndustries: typed('focusIndustries'),
        partners: typed('partners'),
      }
      c.header('Cache-Control', 'private, no-store')
      const page = <EditOrganizationPage org={org} values={values} errors={result.errors} />
      return c.html(await renderDocument(page), 400)
    }
    await updateOrganizationProfile(db, {
      organizationId: org.id,
      actor: `person:${viewer.personId}`,
      values: result.value,
    })
    // The triggers tell other processes; this one drops its pages at once.
    return c.redirect(`/organizations/${org.slug}`, 303)
  })

  return app
}
