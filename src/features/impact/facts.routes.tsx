import type { Context, Hono } from 'hono'
import { listFacts, recordFact, removeFact } from '#src/features/outcomes/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { type FieldErrors, formFields, readForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { editorOf, hasRole, type Viewer } from '#src/http/viewer.ts'
import { AppError, isRefusal } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { FactsPage, type FactValues } from './facts.views.tsx'
import { findFactOrganization, listFactOrganizations } from './facts-data.ts'
import { factForm, factInput } from './facts-form.ts'

export const FACTS_PATH = '/staff/outcomes/facts'

const outcomesBy = (viewer: Viewer) => ({ ...editorOf(viewer), isStaff: hasRole(viewer, 'staff') })

const factsOf = (slug: string) => `${FACTS_PATH}?organization=${encodeURIComponent(slug)}`

/** Staff record a figure taken from a document on an organisation, and remove one recorded in error. */
export function factRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const organizationOf = async (slug: string | undefined) => {
    const org = slug ? await findFactOrganization(db, slug) : undefined
    if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this address.' })
    return org
  }

  const page = async (
    c: Context<AppEnv>,
    slug: string | undefined,
    options: { values?: FactValues; errors?: FieldErrors; status?: 400 | 409 } = {},
  ) => {
    if (!slug) {
      return renderPage(
        c,
        <FactsPage organizations={await listFactOrganizations(db)} today={deps.clock.today()} />,
      )
    }
    const org = await organizationOf(slug)
    const flash = c.req.query('added')
      ? 'Recorded: the fact is on the profile.'
      : c.req.query('removed')
        ? 'Removed.'
        : undefined
    return renderPage(
      c,
      <FactsPage
        organization={org}
        facts={await listFacts(db, org.id)}
        values={options.values}
        errors={options.errors}
        flash={options.errors ? undefined : flash}
        today={deps.clock.today()}
      />,
      { status: options.status },
    )
  }

  app.get(FACTS_PATH, requirePermission('outcomes:manage'), (c) =>
    page(c, c.req.query('organization') || undefined),
  )

  app.post(FACTS_PATH, requirePermission('outcomes:manage'), async (c) => {
    const form = await readForm(c, factForm(deps.clock.today()))
    const org = await organizationOf(form.fields.organization)
    if (!form.ok) return page(c, org.slug, { values: form.fields, errors: form.errors, status: 400 })
    const checked = factInput(form.value)
    if (!checked.ok) return page(c, org.slug, { values: form.fields, errors: checked.errors, status: 400 })
    try {
      await recordFact(db, org.id, checked.input, outcomesBy(c.get('viewer')))
    } catch (error) {
      if (!isRefusal(error) || error.code === 'FORBIDDEN') throw error
      const errors = { [error.field ?? 'form']: error.userMessage }
      return page(c, org.slug, { values: form.fields, errors, status: 400 })
    }
    return c.redirect(`${factsOf(org.slug)}&added=1`, 303)
  })

  app.post(`${FACTS_PATH}/:id/remove`, requirePermission('outcomes:manage'), async (c) => {
    const org = await organizationOf((await formFields(c)).organization)
    const id = c.req.param('id')
    const facts = await listFacts(db, org.id)
    if (!isUuid(id) || !facts.some((f) => f.id === id)) {
      throw new AppError('NOT_FOUND', { userMessage: 'This organisation has no such reported fact.' })
    }
    await removeFact(db, org.id, id, outcomesBy(c.get('viewer')))
    return c.redirect(`${factsOf(org.slug)}&removed=1`, 303)
  })
}
