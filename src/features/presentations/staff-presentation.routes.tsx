import type { Context, Hono } from 'hono'
import { formatCallDate } from '#src/features/calls/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { isAppError } from '#src/lib/errors.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatNumber, plural } from '#src/ui/format.ts'
import { callsOfYear, findPresentation, type PresentationRow } from './find-presentations.ts'
import { checkMoveForm, checkOutcomeForm, type OutcomeField, type OutcomeValues } from './forms.ts'
import { moveSlot } from './move-slot.ts'
import { presentationOf, staffActor } from './presentation-route-parts.ts'
import { recordOutcome } from './record-outcome.ts'
import { type SlotOptOut, sendSlotEmails, slotEmailContext } from './slot-emails.ts'
import { isLengthWarning } from './slot-state.ts'
import { StaffPresentationPage } from './staff-presentation.views.tsx'

/** Staff move one presentation and record how it went: /staff/presentations/:id, /move and /outcome. */
export function staffPresentationRoutes(app: Hono<AppEnv>, deps: AppDeps, slotOptOut: SlotOptOut) {
  const { db } = deps.database

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
    return renderPage(
      c,
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
      />,
      { status },
    )
  }

  app.get('/staff/presentations/:id', requirePermission('obligations:manage'), async (c) => {
    const p = await presentationOf(db, c)
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
    const p = await presentationOf(db, c)
    const actor = staffActor(c)
    const fields = await formFields(c)
    const value = (fields.callDate ?? '').trim()
    const checked = checkMoveForm(fields)
    if (!checked.ok)
      return staffPresentationPage(c, p, 400, { move: { value, error: checked.errors.callDate } })
    let moved: Awaited<ReturnType<typeof moveSlot>>
    try {
      moved = await moveSlot(db, actor, {
        presentationId: p.id,
        callDate: checked.callDate,
        today: deps.clock.today(),
      })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      const fresh = (await findPresentation(db, p.id)) ?? p
      if (error.field === 'callDate')
        return staffPresentationPage(c, fresh, 409, { move: { value, error: error.userMessage } })
      return staffPresentationPage(c, fresh, 409, {
        move: { value },
        flash: { isError: true, text: error.userMessage },
      })
    }
    await sendSlotEmails(db, deps.mailer, [moved], await slotEmailContext(deps, slotOptOut))
    return c.redirect(`/staff/presentations/${p.id}?moved`, 303)
  })

  app.post('/staff/presentations/:id/outcome', requirePermission('obligations:manage'), async (c) => {
    const p = await presentationOf(db, c)
    const actor = staffActor(c)
    const fields = await formFields(c)
    const values: OutcomeValues = {
      outcome: (fields.outcome ?? '').trim(),
      actualMinutes: (fields.actualMinutes ?? '').trim(),
    }
    const checked = checkOutcomeForm(fields)
    if (!checked.ok) return staffPresentationPage(c, p, 400, { outcome: { values, errors: checked.errors } })
    const { ok: _, ...outcome } = checked
    try {
      await recordOutcome(db, actor, { presentationId: p.id, today: deps.clock.today(), ...outcome })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      return staffPresentationPage(c, p, 409, {
        outcome: { values, errors: {} },
        flash: { isError: true, text: error.userMessage },
      })
    }
    return c.redirect(`/staff/presentations/${p.id}?recorded`, 303)
  })
}
