import type { Context, Hono } from 'hono'
import { formatCallDate } from '#src/features/calls/index.ts'
import type { OrganizationRef } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { isAppError } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { monthName } from '#src/ui/format.ts'
import { type PresentationRow, presentationsOf } from './find-presentations.ts'
import { checkRequestForm, type RequestField, type RequestValues } from './forms.ts'
import { OrganizationPresentationPage, type YearSection } from './organization-presentation.views.tsx'
import { ownOrganization } from './presentation-route-parts.ts'
import { requestPresentation } from './request-presentation.ts'
import { plannableYears, yearOf } from './slot-state.ts'

type RequestForms = Map<number, { values: RequestValues; errors: Partial<Record<RequestField, string>> }>

/** What the form shows for a presentation on record: the month asked for ('any', or '' for none yet). */
const askedMonth = (p: PresentationRow | null): string => {
  if (!p) return ''
  if (p.requestedMonth !== null) return String(p.requestedMonth)
  return p.status === 'requested' ? 'any' : ''
}

/** An organisation asks for a month for its presentation: /organizations/:slug/presentation. */
export function organizationPresentationRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const organizationPage = async (
    c: Context<AppEnv>,
    org: OrganizationRef,
    status: 200 | 400 | 409,
    props: { forms?: RequestForms; flash?: FlashMessage },
  ) => {
    const today = deps.clock.today()
    const years = plannableYears(today)
    const [settings, rows] = await Promise.all([getSettings(db), presentationsOf(db, org.id, years)])
    const sections: YearSection[] = years.map((year) => {
      const p = rows.get(year) ?? null
      return {
        year,
        presentation: p,
        firstMonth: year === yearOf(today) ? Number(today.slice(5, 7)) : 1,
        form: props.forms?.get(year) ?? {
          values: { year: String(year), requestedMonth: askedMonth(p), title: p?.title ?? '' },
          errors: {},
        },
      }
    })
    return renderPage(
      c,
      <OrganizationPresentationPage
        org={org}
        today={today}
        range={settings}
        years={sections}
        flash={props.flash}
      />,
      { status },
    )
  }

  app.get('/organizations/:slug/presentation', requirePermission('obligations:own'), async (c) => {
    const own = await ownOrganization(db, c)
    const saved = Number(c.req.query('saved'))
    const rows = Number.isInteger(saved) ? await presentationsOf(db, own.org.id, [saved]) : new Map()
    const p: PresentationRow | undefined = rows.get(saved)
    let flash: FlashMessage | undefined
    if (p) {
      const asked = p.requestedMonth ? `${monthName(p.requestedMonth)} ${p.year}` : `any month of ${p.year}`
      flash = {
        text:
          p.status === 'planned' && p.call
            ? `Saved: you asked for ${asked}. Your slot stays on ${formatCallDate(p.call.date)} unless staff move it.`
            : `Saved: you asked for ${asked}. Staff will plan the slot and it will show here.`,
      }
    }
    return organizationPage(c, own.org, 200, { flash })
  })

  app.post('/organizations/:slug/presentation', requirePermission('obligations:own'), async (c) => {
    const own = await ownOrganization(db, c)
    const fields = await formFields(c)
    const today = deps.clock.today()
    const checked = checkRequestForm(fields, today)
    const values: RequestValues = {
      year: (fields.year ?? '').trim(),
      requestedMonth: (fields.requestedMonth ?? '').trim(),
      title: (fields.title ?? '').trim(),
    }
    if (!checked.ok) {
      if (checked.message)
        return organizationPage(c, own.org, 400, { flash: { isError: true, text: checked.message } })
      const forms: RequestForms = new Map([[Number(values.year), { values, errors: checked.errors }]])
      return organizationPage(c, own.org, 400, { forms })
    }
    try {
      await requestPresentation(db, own.actor, {
        organizationId: own.org.id,
        year: checked.year,
        requestedMonth: checked.requestedMonth,
        title: checked.title,
        today,
      })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      return organizationPage(c, own.org, 409, { flash: { isError: true, text: error.userMessage } })
    }
    return c.redirect(`/organizations/${own.org.slug}/presentation?saved=${checked.year}`, 303)
  })
}
