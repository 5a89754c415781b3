import type { Hono } from 'hono'
import { personByEmail } from '#src/http/accounts.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { isAppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import { formatDate } from '#src/ui/format.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { handOverSeat } from './hand-over-seat.ts'
import { sendHandoverEmails } from './handover-emails.ts'
import { inviteSeatHolder } from './invite-seat-holder.ts'
import { checkHandoverForm, emailProblem, type HandoverErrors, readHandoverForm } from './seat-forms.ts'
import { seatHistory } from './seat-history.ts'
import {
  afterChange,
  type InviteOutcome,
  inviteNotes,
  renderSeatsPage,
  seatManager,
} from './seat-route-parts.tsx'

/** The refusals of a handover by the form field they are about. */
const handoverFields = {
  person: 'email',
  fullName: 'fullName',
  effectiveOn: 'effectiveOn',
  role: 'role',
} as const

/** A seat handed over to someone else: POST /organizations/:slug/seats/handover. */
export function handOverSeatRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  app.post('/organizations/:slug/seats/handover', requirePermission('seats:manage'), async (c) => {
    const { org, viewer } = await seatManager(deps, c)
    const form = readHandoverForm(await formFields(c))
    const known = emailProblem(form.email) ? undefined : await personByEmail(db, form.email)
    const checked = checkHandoverForm(form, Boolean(known))
    if (!checked.ok)
      return renderSeatsPage(deps, c, org, 400, { handover: { values: form, errors: checked.errors } })
    let result: Awaited<ReturnType<typeof handOverSeat>>
    try {
      result = await handOverSeat(db, `person:${viewer.personId}`, {
        organizationId: org.id,
        role: checked.role,
        effectiveOn: checked.effectiveOn,
        today: deps.clock.today(),
        ...(known
          ? { personId: known.id }
          : { newPerson: { fullName: checked.fullName, email: checked.email } }),
      })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      const field = handoverFields[error.field as keyof typeof handoverFields]
      if (!field)
        return renderSeatsPage(deps, c, org, 409, {
          handover: { values: form, errors: {} },
          flash: { isError: true, text: error.userMessage },
        })
      const errors: HandoverErrors = { [field]: error.userMessage }
      return renderSeatsPage(deps, c, org, 409, { handover: { values: form, errors } })
    }
    await sendHandoverEmails(deps.mailer, result.handover, {
      network: currentChrome().name,
      origin: deps.origin,
    })
    let invite: InviteOutcome
    try {
      const outcome = await inviteSeatHolder(db, deps.mailer, {
        personId: result.personId,
        invitedBy: { personId: viewer.personId, name: viewer.name },
        origin: deps.origin,
      })
      invite = outcome === 'invited' ? 'sent' : outcome === 'has-account' ? 'account' : 'pending'
    } catch (error) {
      if (isAppError(error)) throw error
      logger.error({ err: error }, 'seat holder invitation not sent')
      invite = 'failed'
    }
    return afterChange(deps, c, {
      org,
      viewer,
      location: `/organizations/${org.slug}/seats?handed=${result.seatId}&invite=${invite}`,
      message: async () => {
        const holder = (await seatHistory(db, org.id)).find((h) => h.seatId === result.seatId)
        return `${holder?.person.fullName ?? 'The new holder'} holds the ${checked.role} seat from ${formatDate(checked.effectiveOn)}.${invite === 'failed' ? ' The invitation email could not be sent: ask staff to invite them.' : inviteNotes[invite]}`
      },
    })
  })
}
