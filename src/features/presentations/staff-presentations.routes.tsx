import type { Context, Hono } from 'hono'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { presentationsOfYear, type YearLine } from './find-presentations.ts'
import { checkPlanForm } from './forms.ts'
import { planYear } from './plan-year.ts'
import { staffActor } from './presentation-route-parts.ts'
import { type SlotOptOut, sendSlotEmails, slotEmailContext } from './slot-emails.ts'
import { plannableYears, yearOf } from './slot-state.ts'
import { StaffPresentationsPage } from './staff-year.views.tsx'

/** Staff see a year's presentations and plan it: /staff/presentations and /staff/presentations/plan. */
export function staffPresentationsRoutes(app: Hono<AppEnv>, deps: AppDeps, slotOptOut: SlotOptOut) {
  const { db } = deps.database

  const staffYearPage = async (c: Context<AppEnv>, year: number, status: 200 | 400, flash?: FlashMessage) => {
    const today = deps.clock.today()
    const [settings, lines] = await Promise.all([getSettings(db), presentationsOfYear(db, { year, today })])
    const first = `${year}-01-01`
    return renderPage(
      c,
      <StaffPresentationsPage
        year={year}
        today={today}
        range={settings}
        lines={lines}
        plannable={plannableYears(today)}
        planFrom={today > first ? today : first}
        flash={flash ?? planFlash(c, lines)}
      />,
      { status },
    )
  }

  app.get('/staff/presentations', requirePermission('obligations:manage'), async (c) => {
    const asked = c.req.query('year') ?? ''
    const year = /^\d{4}$/.test(asked) ? Number(asked) : yearOf(deps.clock.today())
    return staffYearPage(c, year, 200)
  })

  app.post('/staff/presentations/plan', requirePermission('obligations:manage'), async (c) => {
    const actor = staffActor(c)
    const checked = checkPlanForm(await formFields(c), deps.clock.today())
    if (!checked.ok)
      return staffYearPage(c, yearOf(deps.clock.today()), 400, {
        isError: true,
        text: checked.errors.year ?? '',
      })
    const plan = await planYear(db, actor, { year: checked.year, today: deps.clock.today() })
    const changes = plan.placed.map((p) => ({ ...p, previousCallDate: null }))
    await sendSlotEmails(db, deps.mailer, changes, await slotEmailContext(deps, slotOptOut))
    const query = new URLSearchParams({
      year: String(checked.year),
      planned: String(plan.placed.length),
      honoured: String(plan.placed.filter((p) => p.isRequestHonoured).length),
      notPlaced: plan.unplaced.map((o) => o.slug).join(','),
    })
    return c.redirect(`/staff/presentations?${query}`, 303)
  })
}

/** The message after a plan, from the redirect's query: how many were planned, and who could not be. */
function planFlash(c: Context<AppEnv>, lines: YearLine[]): FlashMessage | undefined {
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
