/** What the seat routes share: the organisation of the address, who may change its seats, the seats page. */
import type { Context } from 'hono'
import { z } from 'zod'
import { admissionStateOn, isAdmittedState } from '#src/features/admission/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { canManageSeats } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatDate } from '#src/ui/format.ts'
import { findOrganization, type OrganizationRef } from './organization-ref.ts'
import { SeatChangeDonePage } from './seat-change-done.views.tsx'
import { seatHistory } from './seat-history.ts'
import { representativeOf, seatHoldersOn } from './seat-holders.ts'
import { organizationSeatStatus } from './seat-status.ts'
import { SeatsPage, type SeatsPageProps } from './seats-page.views.tsx'

const notYours =
  'Only staff and the representative who holds this organisation’s seat today can change its seats.'

export const inviteOutcomes = ['sent', 'account', 'pending', 'failed', 'none'] as const
export type InviteOutcome = (typeof inviteOutcomes)[number]

export const inviteNotes: Record<Exclude<InviteOutcome, 'failed'>, string> = {
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

/** The organisation of the address's slug: 404 when there is none. */
export async function organizationOf(deps: AppDeps, slug: string): Promise<OrganizationRef> {
  const org = isUuid(slug) ? undefined : await findOrganization(deps.database.db, slug)
  if (!org) throw notFound('No organisation has this address.')
  return org
}

export type SeatManager = SignedInViewer & { personId: string }

/** The organisation and who changes its seats: staff, or its representative today; 403 for anyone else. */
export async function seatManager(deps: AppDeps, c: Context<AppEnv>) {
  const org = await organizationOf(deps, c.req.param('slug') ?? '')
  const viewer = c.get('viewer')
  const refuse = () => new AppError('FORBIDDEN', { userMessage: notYours })
  if (viewer.kind !== 'user' || !viewer.personId) throw refuse()
  const representing = await representativeOf(deps.database.db, viewer.personId, deps.clock.today())
  if (!canManageSeats(viewer, org.id, representing)) throw refuse()
  return { org, viewer: viewer as SeatManager }
}

/**
 * Where to go after a change: the seats page, or, for someone who handed over their own
 * representative seat from today, a page that says so (the seats page would refuse them now).
 */
export async function afterChange(
  deps: AppDeps,
  c: Context<AppEnv>,
  options: { org: OrganizationRef; viewer: SeatManager; location: string; message: () => Promise<string> },
) {
  const { db } = deps.database
  const { org, viewer } = options
  const representing = await representativeOf(db, viewer.personId, deps.clock.today())
  if (canManageSeats(viewer, org.id, representing)) return c.redirect(options.location, 303)
  const { state } = await admissionStateOn(db, org.id, deps.clock.today())
  return renderPage(
    c,
    <SeatChangeDonePage org={org} message={await options.message()} isListed={isAdmittedState(state)} />,
  )
}

/** The message of the seats page after a change, from the redirect's query. */
function flashFromQuery(c: Context<AppEnv>, history: SeatsPageProps['history']): SeatsPageProps['flash'] {
  const query = pageQuery.parse(c.req.query())
  const handed = query.handed ? history.find((h) => h.seatId === query.handed) : undefined
  if (handed) {
    const text = `${handed.person.fullName} holds the ${handed.role} seat from ${formatDate(handed.startsOn)}.`
    return query.invite === 'failed'
      ? {
          isError: true,
          text: `${text} The handover is recorded, but the invitation email could not be sent: try again in a moment from the staff invitations page.`,
        }
      : { text: `${text}${inviteNotes[query.invite ?? 'none']}` }
  }
  if (query.swapped)
    return { text: `The representative and the alternate swap roles from ${formatDate(query.swapped)}.` }
  return undefined
}

/** The seats page, with the forms as sent back (or empty) and a message. */
export async function renderSeatsPage(
  deps: AppDeps,
  c: Context<AppEnv>,
  org: OrganizationRef,
  status: 200 | 400 | 409,
  props: Partial<Pick<SeatsPageProps, 'handover' | 'swap' | 'flash'>> & { flashFromQuery?: boolean },
) {
  const { db } = deps.database
  const today = deps.clock.today()
  const [holders, history, admission, seatStatus] = await Promise.all([
    seatHoldersOn(db, org.id, today),
    seatHistory(db, org.id),
    admissionStateOn(db, org.id, today),
    organizationSeatStatus(db, [org.id], today),
  ])
  const flash = props.flashFromQuery ? (flashFromQuery(c, history) ?? props.flash) : props.flash
  const vacant = seatStatus.get(org.id)
  const viewer = c.get('viewer')
  const defaultRole = vacant?.vacantSeats.length === 1 ? (vacant.vacantSeats[0] ?? '') : ''
  return renderPage(
    c,
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
    />,
    { status },
  )
}
