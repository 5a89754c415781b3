import { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import {
  type EditableField,
  getEditableOrganization,
  type OrganizationEditForm,
  parseOrganizationEdit,
  toEditForm,
  updateOrganizationProfile,
} from './edit.ts'
import { EditOrganizationPage } from './edit.views.tsx'

const notYours = () =>
  new AppError('FORBIDDEN', {
    userMessage:
      'Only staff and the representative or alternate who holds this organisation’s seat today can edit its profile.',
  })

/** Editing an organisation's profile: staff any, a seat holder their own (checked per record). */
export function organizationEditRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const findOrganization = async (slug: string) => {
    const org = await getEditableOrganization(db, slug)
    if (!org) throw notFound('No organisation has this address.')
    return org
  }

  app.get('/organizations/:slug/edit', requirePermission('organization:edit-own'), async (c) => {
    const org = await findOrganization(c.req.param('slug'))
    if (!canEditOrganization(c.get('viewer'), org.id)) throw notYours()
    return renderPage(c, <EditOrganizationPage org={org} values={toEditForm(org)} errors={{}} />)
  })

  app.post('/organizations/:slug/edit', requirePermission('organization:edit-own'), async (c) => {
    const viewer = c.get('viewer')
    const org = await findOrganization(c.req.param('slug'))
    if (viewer.kind !== 'user' || !viewer.personId || !canEditOrganization(viewer, org.id)) throw notYours()
    const form = parseOrganizationEdit(await formFields(c))
    if (!form.ok) {
      const typed = (field: EditableField) => form.fields[field] ?? ''
      const values: OrganizationEditForm = {
        summary: typed('summary'),
        website: typed('website'),
        focusIndustries: typed('focusIndustries'),
        partners: typed('partners'),
      }
      const page = <EditOrganizationPage org={org} values={values} errors={form.errors} />
      return renderPage(c, page, { status: 400 })
    }
    await updateOrganizationProfile(db, {
      organizationId: org.id,
      actor: `person:${viewer.personId}`,
      values: form.value,
    })
    return c.redirect(`/organizations/${org.slug}`, 303)
  })

  return app
}
