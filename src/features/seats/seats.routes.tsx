import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { admissionStateOn, isAdmittedState } from '#src/features/admission/index.ts'
import { personByEmail } from '#src/http/accounts.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canManageSeats } from '#src/http/permissions.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { logger } from '#src/lib/logger.ts'
import { formatDate } from '#src/ui/format.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  admissionHistory,
  allowedStatusActions,
  changeOrganizationStatus,
  isChangeRefused,
  organizationSeatStatus,
  reasonProblem,
  type StatusAction,
  statusActions,
} from './organization-status.ts'
import {
  checkHandoverForm,
  checkSwapForm,
  findOrganization,
  type HandoverErrors,
  type HandoverForm,
  handOverSeat,
  inviteSeatHolder,
  type OrganizationRef,
  readHandoverForm,
  representativeOf,
  seatHistory,
  seatHoldersOn,
  swapSeats,
} from './seats.ts'
import {
  type FlashMessage,
  SeatChangeDonePage,
  SeatsPage,
  type SeatsPageProps,
  type StatusErrors,
  type StatusForm,
  StatusPage,
} from './seats.views.tsx'

const notYours =
  'Only staff and the representative who holds this organisation’s seat today can change its seats.'

const inviteOutcomes = ['sent', 'account', 'pending', 'failed', 'none'] as const
type InviteOutcome = (typeof inviteOutcomes)[number]

const inviteNotes: Record<Exclude<InviteOutcome, 'failed'>, string> = {
  sent: ' We emailed them an invitation to choose a password.',
  account: ' They already have an account on the Hub.',
  pending: ' Their earlier invitation to the Hub is still open.',
  none: '',
}

const pageQuery = z.object({
  handed: z.string().refine(isUuid).optional().catch(undefined),
  invite: z.enum(inviteOutcomes).optional().catch(undefined),
  swapped: z.string().refine(isIsoDate).optional().catch(undefined),
})

const statusFields = z.object({
  action: z.string().max(50).catch(''),
  reason: z.string().max(100_000).catch(''),
  effectiveOn: z.string().max(50).catch(''),
})

/**
 * An organisation's seats (staff, or its representative today) and, for staff, its admission
 * status: suspension, reinstatement and withdrawal with a reason and a date.
 */
export function seatRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const findBySlug = async (slug: string): Promise<OrganizationRef> => {
    const org = isUuid(slug) ? undefined : await findOrganization(db, slug)
    if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this address.' })
    return org
  }

  /** The organisation and who acts, or undefined when the viewer may not change its seats. */
  const seatManager = async (c: Context<AppEnv>) => {
    const org = await findBySlug(c.req.param('slug') ?? '')
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId) return { org, viewer: undefined }
    const representing = await representativeOf(db, viewer.personId, deps.clock.today())
    if (!canManageSeats(viewer, org.id, representing)) return { org, viewer: undefined }
    return { org, viewer: viewer as SignedInViewer & { personId: string } }
  }

  /**
   * Where to go after a change: the seats page, or, for someone who handed over their own
   * representative seat from today, a page that says so (the seats page would refuse them now).
   */
  const afterChange = async (
    c: Context<AppEnv>,
    org: OrganizationRef,
    viewer: SignedInViewer & { personId: string },
    location: string,
    message: () => Promise<string>,
  ) => {
    const representing = await representativeOf(db, viewer.personId, deps.clock.today())
    if (canManageSeats(viewer, org.id, representing)) return c.redirect(location, 303)
    const { state } = await admissionStateOn(db, org.id, deps.clock.today())
    c.header('Cache-Control', 'private, no-store')
    const page = <SeatChangeDonePage org={org} message={await message()} isListed={isAdmittedState(state)} />
    return c.html(await renderDocument(page))
  }

  const seatsPage = async (
    c: Context<AppEnv>,
    org: OrganizationRef,
    status: 200 | 400 | 409,
    props: Partial<Pick<SeatsPageProps, 'handover' | 'swap' | 'flash'>> & { flashFromQuery?: boolean },
  ) => {
    const today = deps.clock.today()
    const [holders, history, admission, seatStatus] = await Promise.all([
      seatHoldersOn(db, org.id, today),
      seatHistory(db, org.id),
      admissionStateOn(db, org.id, today),
      organizationSeatStatus(db, [org.id], today),
    ])
    let flash = props.flash
    if (props.flashFromQuery) {
      const query = pageQuery.parse(c.req.query())
      const handed = query.handed ? history.find((h) => h.seatId === query.handed) : undefined
      if (handed) {
        const text = `${handed.person.fullName} holds the ${handed.role} seat from ${formatDate(handed.startsOn)}.`
        flash =
          query.invite === 'failed'
            ? {
                isError: true,
                text: `${text} The handover is recorded, but the invitation email could not be sent: try again in a moment from the staff invitations page.`,
              }
            : { text: `${text}${inviteNotes[query.invite ?? 'none']}` }
      } else if (query.swapped)
        flash = { text: `The representative and the alternate swap roles from ${formatDate(query.swapped)}.` }
    }
    const vacant = seatStatus.get(org.id)
    const viewer = c.get('viewer')
    const defaultRole = vacant?.vacantSeats.length === 1 ? (vacant.vacantSeats[0] ?? '') : ''
    c.header('Cache-Control', 'private, no-store')
    const page = (
      <SeatsPage
        org={org}
        today={today}
        admission={admission}
        holders={holders}
        incomplete={vacant?.isIncomplete ? vacant.vacantSeats : []}
        history={history}
        handover={
          props.handover ?? {
            values: { role: defaultRole, email: '', fullName: '', effectiveOn: today },
            errors: {},
          }
        }
        swap={props.swap ?? { values: { effectiveOn: today } }}
        flash={flash}
        isStaff={viewer.kind === 'user' && viewer.roles.includes('staff')}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  app.get('/organizations/:slug/seats', requirePermission('seats:manage'), async (c) => {
    const { org, viewer } = await seatManager(c)
    if (!viewer) return renderErrorPage(c, 403, notYours)
    return seatsPage(c, org, 200, { flashFromQuery: true })
  })

  app.post('/organizations/:slug/seats/handover', requirePermission('seats:manage'), async (c) => {
    const { org, viewer } = await seatManager(c)
    if (!viewer) return renderErrorPage(c, 403, notYours)
    const form: HandoverForm = readHandoverForm(await formFields(c))
    const emailShape = form.email.length <= 320 && z.email().safeParse(form.email).success
    const known = emailShape ? await personByEmail(db, form.email) : undefined
    const checked = checkHandoverForm(form, Boolean(known))
    if (!checked.ok) return seatsPage(c, org, 400, { handover: { values: form, errors: checked.errors } })
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
      if (!isChangeRefused(error)) throw error
      const field = (
        { person: 'email', fullName: 'fullName', effectiveOn: 'effectiveOn', role: 'role' } as const
      )[error.field as 'person']
      if (!field)
        return seatsPage(c, org, 409, {
          handover: { values: form, errors: {} },
          flash: { isError: true, text: error.userMessage },
        })
      const errors: HandoverErrors = { [field]: error.userMessage }
      return seatsPage(c, org, 409, { handover: { values: form, errors } })
    }
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
    return afterChange(
      c,
      org,
      viewer,
      `/organizations/${org.slug}/seats?handed=${result.seatId}&invite=${invite}`,
      async () => {
        const holder = (await seatHistory(db, org.id)).find((h) => h.seatId === result.seatId)
        return `${holder?.person.fullName ?? 'The new holder'} holds the ${checked.role} seat from ${formatDate(checked.effectiveOn)}.${invite === 'failed' ? ' The invitation email could not be sent: ask staff to invite them.' : inviteNotes[invite]}`
      },
    )
  })

  app.post('/organizations/:slug/seats/swap', requirePermission('seats:manage'), async (c) => {
    const { org, viewer } = await seatManager(c)
    if (!viewer) return renderErrorPage(c, 403, notYours)
    const form = checkSwapForm(await formFields(c))
    const swap = { values: { effectiveOn: form.effectiveOn }, error: form.error }
    if (form.error) return seatsPage(c, org, 400, { swap })
    try {
      await swapSeats(db, `person:${viewer.personId}`, {
        organizationId: org.id,
        effectiveOn: form.effectiveOn,
        today: deps.clock.today(),
      })
    } catch (error) {
      if (!isChangeRefused(error)) throw error
      return seatsPage(c, org, 409, { swap: { ...swap, error: error.userMessage } })
    }
    return afterChange(
      c,
      org,
      viewer,
      `/organizations/${org.slug}/seats?swapped=${form.effectiveOn}`,
      async () => `The representative and the alternate swap roles from ${formatDate(form.effectiveOn)}.`,
    )
  })

  const statusPage = async (
    c: Context<AppEnv>,
    org: OrganizationRef,
    status: 200 | 400 | 409,
    props: { form?: { values: StatusForm; errors: StatusErrors }; flash?: FlashMessage; recorded?: string },
  ) => {
    const today = deps.clock.today()
    const [admission, history, seatStatus] = await Promise.all([
      admissionStateOn(db, org.id, today),
      admissionHistory(db, org.id),
      organizationSeatStatus(db, [org.id], today),
    ])
    let flash = props.flash
    const recorded = props.recorded ? history.find((e) => e.id === props.recorded) : undefined
    if (recorded) flash = { text: `Recorded: ${recorded.kind} from ${formatDate(recorded.effectiveOn)}.` }
    const vacant = seatStatus.get(org.id)
    c.header('Cache-Control', 'private, no-store')
    const page = (
      <StatusPage
        org={org}
        today={today}
        admission={admission}
        allowed={allowedStatusActions(admission.state)}
        history={history}
        incomplete={vacant?.isIncomplete ? vacant.vacantSeats : []}
        form={props.form ?? { values: { action: '', reason: '', effectiveOn: today }, errors: {} }}
        flash={flash}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  app.get('/staff/organizations/:slug/status', requirePermission('organization:admin'), async (c) => {
    const org = await findBySlug(c.req.param('slug'))
    const recorded = c.req.query('recorded')
    return statusPage(c, org, 200, { recorded: recorded && isUuid(recorded) ? recorded : undefined })
  })

  app.post('/staff/organizations/:slug/status', requirePermission('organization:admin'), async (c) => {
    const viewer = c.get('viewer') as SignedInViewer
    const org = await findBySlug(c.req.param('slug'))
    const fields = statusFields.parse(await formFields(c))
    const values: StatusForm = {
      action: fields.action.trim(),
      reason: fields.reason.trim(),
      effectiveOn: fields.effectiveOn.trim(),
    }
    const errors: StatusErrors = {}
    const action = statusActions.find((a) => a === values.action)
    if (!action) errors.action = 'Choose the change to record: suspend, reinstate or withdraw.'
    const reasonError = reasonProblem(values.reason)
    if (reasonError) errors.reason = reasonError
    if (!isIsoDate(values.effectiveOn))
      errors.effectiveOn = 'Enter a date such as 2026-12-01 (year, month, day).'
    if (!action || Object.keys(errors).length > 0)
      return statusPage(c, org, 400, { form: { values, errors } })
    if (!viewer.personId) return renderErrorPage(c, 403, 'Your account is not linked to a person record.')
    let eventId: string
    try {
      ;({ eventId } = await changeOrganizationStatus(db, `person:${viewer.personId}`, {
        organizationId: org.id,
        action: action as StatusAction,
        reason: values.reason,
        effectiveOn: values.effectiveOn,
        today: deps.clock.today(),
      }))
    } catch (error) {
      if (!isChangeRefused(error)) throw error
      const field = (['action', 'reason', 'effectiveOn'] as const).find((f) => f === error.field)
      if (!field)
        return statusPage(c, org, 409, {
          form: { values, errors: {} },
          flash: { isError: true, text: error.userMessage },
        })
      return statusPage(c, org, 409, { form: { values, errors: { [field]: error.userMessage } } })
    }
    // The triggers tell other processes; this one drops its pages at once.
    return c.redirect(`/staff/organizations/${org.slug}/status?recorded=${eventId}`, 303)
  })

  return app
}
