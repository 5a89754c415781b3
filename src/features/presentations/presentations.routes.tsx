import type { Context } from 'hono'
import { Hono } from 'hono'
import { formatCallDate } from '#src/features/calls/index.ts'
import { findOrganization, isChangeRefused, type OrganizationRef } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, monthName, plural } from '#src/ui/format.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  checkMoveForm,
  checkOutcomeForm,
  checkPlanForm,
  checkRequestForm,
  type OutcomeField,
  type OutcomeValues,
  type RequestField,
  type RequestValues,
} from './forms.ts'
import {
  callsOfYear,
  findPresentation,
  isLengthWarning,
  moveSlot,
  type PresentationRow,
  plannableYears,
  planYear,
  presentationsOf,
  presentationsOfYear,
  recordOutcome,
  requestPresentation,
  yearOf,
} from './presentations.ts'
import { OrganizationPresentationPage, type YearSection } from './presentations.views.tsx'
import { StaffPresentationPage, StaffPresentationsPage } from './staff.views.tsx'

const notYours =
  'Only staff and the representative or alternate of this organisation can see and ask for its presentation.'
const noPerson = 'Your account is not linked to a person record, so the change could not be recorded.'

type RequestForms = Map<number, { values: RequestValues; errors: Partial<Record<RequestField, string>> }>

/** Presentations: organisations ask for a month, staff plan the year, move slots, mark them given or missed. */
export function presentationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  /** The organisation of the address and the acting person, or a reason to refuse. */
  const ownOrganization = async (c: Context<AppEnv>) => {
    const slug = c.req.param('slug') ?? ''
    const org = isUuid(slug) ? undefined : await findOrganization(db, slug)
    if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this address.' })
    const viewer = c.get('viewer')
    if (!canEditOrganization(viewer, org.id)) return { org, refused: notYours }
    const personId = viewer.kind === 'user' ? viewer.personId : null
    return personId ? { org, personId } : { org, refused: noPerson }
  }

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
          values: {
            year: String(year),
            requestedMonth: p
              ? p.requestedMonth === null
                ? p.status === 'requested'
                  ? 'any'
                  : ''
                : String(p.requestedMonth)
              : '',
            title: p?.title ?? '',
          },
          errors: {},
        },
      }
    })
    c.header('Cache-Control', 'private, no-store')
    const page = (
      <OrganizationPresentationPage
        org={org}
        today={today}
        range={settings}
        years={sections}
        flash={props.flash}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  app.get('/organizations/:slug/presentation', requirePermission('obligations:own'), async (c) => {
    const own = await ownOrganization(c)
    if (own.refused) return renderErrorPage(c, 403, own.refused)
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
    const own = await ownOrganization(c)
    if (own.refused) return renderErrorPage(c, 403, own.refused)
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
      await requestPresentation(db, `person:${own.personId}`, {
        organizationId: own.org.id,
        year: checked.year,
        requestedMonth: checked.requestedMonth,
        title: checked.title,
        today,
      })
    } catch (error) {
      if (!isChangeRefused(error)) throw error
      return organizationPage(c, own.org, 409, { flash: { isError: true, text: error.userMessage } })
    }
    return c.redirect(`/organizations/${own.org.slug}/presentation?saved=${checked.year}`, 303)
  })

  const staffYearPage = async (c: Context<AppEnv>, year: number, status: 200 | 400, flash?: FlashMessage) => {
    const today = deps.clock.today()
    const [settings, lines] = await Promise.all([getSettings(db), presentationsOfYear(db, { year, today })])
    const first = `${year}-01-01`
    c.header('Cache-Control', 'private, no-store')
    const page = (
      <StaffPresentationsPage
        year={year}
        today={today}
        range={settings}
        lines={lines}
        plannable={plannableYears(today)}
        planFrom={today > first ? today : first}
        flash={flash ?? planFlash(c, lines)}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  app.get('/staff/presentations', requirePermission('obligations:manage'), async (c) => {
    const asked = c.req.query('year') ?? ''
    const year = /^\d{4}$/.test(asked) ? Number(asked) : yearOf(deps.clock.today())
    return staffYearPage(c, year, 200)
  })

  app.post('/staff/presentations/plan', requirePermission('obligations:manage'), async (c) => {
    const personId = staffPerson(c)
    if (!personId) return renderErrorPage(c, 403, noPerson)
    const checked = checkPlanForm(await formFields(c), deps.clock.today())
    if (!checked.ok)
      return staffYearPage(c, yearOf(deps.clock.today()), 400, {
        isError: true,
        text: checked.errors.year ?? '',
      })
    const plan = await planYear(db, `person:${personId}`, { year: checked.year, today: deps.clock.today() })
    const query = new URLSearchParams({
      year: String(checked.year),
      planned: String(plan.placed.length),
      honoured: String(plan.placed.filter((p) => p.isRequestHonoured).length),
      notPlaced: plan.unplaced.map((o) => o.slug).join(','),
    })
    return c.redirect(`/staff/presentations?${query}`, 303)
  })

  const staffPresentationPage = async (
    c: Context<AppEnv>,
    p: PresentationRow,
    status: 200 | 400 | 409,
    props: {
      move?: { value: string; error?: string }
      outcome?: { values: OutcomeValues; errors: Partial<Record<OutcomeField, string>> }
      flash?: FlashMessage
    },
  ) => {
    const today = deps.clock.today()
    const [settings, calls] = await Promise.all([getSettings(db), callsOfYear(db, p.year)])
    c.header('Cache-Control', 'private, no-store')
    const page = (
      <StaffPresentationPage
        presentation={p}
        today={today}
        range={settings}
        calls={calls.filter((call) => call.date >= today)}
        move={props.move ?? { value: '' }}
        outcome={
          props.outcome ?? {
            values: {
              outcome: p.status === 'given' || p.status === 'missed' ? p.status : '',
              actualMinutes: p.actualMinutes === null ? '' : String(p.actualMinutes),
            },
            errors: {},
          }
        }
        flash={props.flash}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  const presentationOf = async (c: Context<AppEnv>) => {
    const p = await findPresentation(db, c.req.param('id') ?? '')
    if (!p) throw new AppError('NOT_FOUND', { userMessage: 'No presentation has this address.' })
    return p
  }

  app.get('/staff/presentations/:id', requirePermission('obligations:manage'), async (c) => {
    const p = await presentationOf(c)
    const settings = await getSettings(db)
    let flash: FlashMessage | undefined
    if (c.req.query('moved') !== undefined && p.call)
      flash = { text: `Moved to the call of ${formatCallDate(p.call.date)}.` }
    else if (c.req.query('recorded') !== undefined && (p.status === 'given' || p.status === 'missed'))
      flash =
        p.status === 'missed'
          ? { text: 'Recorded as missed. Move it to another call if they can present later this year.' }
          : {
              text: `Recorded as given, ${formatNumber(p.actualMinutes ?? 0)} ${plural(p.actualMinutes ?? 0, 'minute')}.`,
              warning: isLengthWarning(p.actualMinutes, settings)
                ? `Warning: that is outside the ${settings.presentationMinMinutes} to ${settings.presentationMaxMinutes} minutes a presentation should last; the length is kept as recorded.`
                : undefined,
            }
    return staffPresentationPage(c, p, 200, { flash })
  })

  app.post('/staff/presentations/:id/move', requirePermission('obligations:manage'), async (c) => {
    const p = await presentationOf(c)
    const personId = staffPerson(c)
    if (!personId) return renderErrorPage(c, 403, noPerson)
    const fields = await formFields(c)
    const value = (fields.callDate ?? '').trim()
    const checked = checkMoveForm(fields)
    if (!checked.ok)
      return staffPresentationPage(c, p, 400, { move: { value, error: checked.errors.callDate } })
    try {
      await moveSlot(db, `person:${personId}`, {
        presentationId: p.id,
        callDate: checked.callDate,
        today: deps.clock.today(),
      })
    } catch (error) {
      if (!isChangeRefused(error)) throw error
      const fresh = (await findPresentation(db, p.id)) ?? p
      if (error.field === 'callDate')
        return staffPresentationPage(c, fresh, 409, { move: { value, error: error.userMessage } })
      return staffPresentationPage(c, fresh, 409, {
        move: { value },
        flash: { isError: true, text: error.userMessage },
      })
    }
    return c.redirect(`/staff/presentations/${p.id}?moved`, 303)
  })

  app.post('/staff/presentations/:id/outcome', requirePermission('obligations:manage'), async (c) => {
    const p = await presentationOf(c)
    const personId = staffPerson(c)
    if (!personId) return renderErrorPage(c, 403, noPerson)
    const fields = await formFields(c)
    const values: OutcomeValues = {
      outcome: (fields.outcome ?? '').trim(),
      actualMinutes: (fields.actualMinutes ?? '').trim(),
    }
    const checked = checkOutcomeForm(fields)
    if (!checked.ok) return staffPresentationPage(c, p, 400, { outcome: { values, errors: checked.errors } })
    try {
      await recordOutcome(db, `person:${personId}`, {
        presentationId: p.id,
        today: deps.clock.today(),
        ...checked,
      })
    } catch (error) {
      if (!isChangeRefused(error)) throw error
      return staffPresentationPage(c, p, 409, {
        outcome: { values, errors: {} },
        flash: { isError: true, text: error.userMessage },
      })
    }
    return c.redirect(`/staff/presentations/${p.id}?recorded`, 303)
  })

  return app
}

/** The signed-in staff member's person id (null for an account without a person record). */
function staffPerson(c: Context<AppEnv>): string | null {
  const viewer = c.get('viewer')
  return viewer.kind === 'user' ? viewer.personId : null
}

/** The message after a plan, from the redirect's query: how many were planned, and who could not be. */
function planFlash(
  c: Context<AppEnv>,
  lines: Awaited<ReturnType<typeof presentationsOfYear>>,
): FlashMessage | undefined {
  const planned = c.req.query('planned')
  if (planned === undefined || !/^\d+$/.test(planned)) return undefined
  const n = Number(planned)
  const honoured = Number(c.req.query('honoured') ?? '0') || 0
  const slugs = new Set((c.req.query('notPlaced') ?? '').split(',').filter(Boolean))
  const names = lines
    .filter((l) => slugs.has(l.organization.slug))
    .map((l) => l.organization.name)
    .sort((a, b) => a.localeCompare(b, 'en'))
  let text =
    n === 0 && slugs.size === 0
      ? 'Every admitted organisation already has a slot: nothing to plan.'
      : `Planned ${formatNumber(n)} ${plural(n, 'presentation')}${
          honoured > 0 ? ` (${formatNumber(honoured)} in the month asked for)` : ''
        }`
  if (slugs.size > 0) text += `; ${formatNumber(slugs.size)} could not be placed: ${names.join(', ')}.`
  else if (n > 0) text += '.'
  return { text, isError: slugs.size > 0 }
}
