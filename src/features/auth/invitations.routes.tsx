import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { isAppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { callAuth, redirectWithCookies } from './forward.ts'
import {
  acceptInvitation,
  acceptsSignedIn,
  commitmentsRequired,
  findInvitation,
  invitePerson,
  listInvitations,
  signInToAccept,
} from './invitations.ts'
import {
  AcceptInvitationPage,
  AcceptWithAccountPage,
  InvitationUnusablePage,
  StaffInvitationsPage,
  type StaffInvitationsProps,
} from './invitations.views.tsx'
import { checkNewPassword } from './passwords.ts'

const text = (max: number) => z.string().max(max).catch('')
const inviteForm = z.object({ fullName: text(400), email: text(400) })
const acceptForm = z.object({
  newPassword: text(1000),
  confirmPassword: text(1000),
  confirmCommitments: text(10),
})

const unknownLink = {
  title: 'This invitation link is not known',
  message: 'The link may have been cut short by your email program. Open it again from the email, whole.',
}
const usedLink = {
  title: 'This invitation link does not work any more',
  message: 'The invitation was already used to choose a password, or its 7 days are over.',
}

/** Staff invite people by email; the emailed link lets them choose a password and signs them in. */
export function invitationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db

  const staffPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 500,
    props: Omit<StaffInvitationsProps, 'invitations'> & { sentId?: string },
  ) => {
    const { callTimeZone } = await getSettings(db)
    const invitations = await listInvitations(db, { timeZone: callTimeZone })
    const sent = props.sentId ? invitations.find((i) => i.id === props.sentId) : undefined
    if (sent) props.notice = `We emailed an invitation to ${sent.fullName} at ${sent.email}.`
    return renderPage(c, <StaffInvitationsPage invitations={invitations} {...props} />, {
      status,
      neverStore: true,
    })
  }

  app.get('/staff/invitations', requirePermission('people:invite'), async (c) => {
    return staffPage(c, 200, { sentId: c.req.query('sent') })
  })

  app.post('/staff/invitations', requirePermission('people:invite'), async (c) => {
    const viewer = c.get('viewer') as SignedInViewer
    const form = inviteForm.parse(await formFields(c))
    const fullName = form.fullName.trim()
    const email = form.email.trim()
    const fullNameError =
      singleLineProblem(form.fullName, 'full name') ??
      (fullName.length < 1 || fullName.length > 200 ? 'Enter the full name, 1 to 200 characters.' : undefined)
    const emailError =
      singleLineProblem(form.email, 'email address') ??
      (email.length <= 320 && z.email().safeParse(email).success
        ? undefined
        : 'Enter an email address such as name@example.org.')
    if (fullNameError || emailError)
      return staffPage(c, 400, { form: { fullName, email, fullNameError, emailError } })
    if (!viewer.personId)
      return staffPage(c, 400, { error: 'Your account is not linked to a person record.' })
    try {
      const { invitationId } = await invitePerson(db, deps.mailer, {
        fullName,
        email,
        invitedBy: { personId: viewer.personId, name: viewer.name },
        origin: deps.origin,
      })
      return c.redirect(`/staff/invitations?sent=${invitationId}`, 303)
    } catch (error) {
      if (isAppError(error)) throw error
      logger.error({ err: error }, 'invitation email not sent')
      return staffPage(c, 500, {
        error: 'The invitation is recorded, but its email could not be sent. Try again in a moment.',
        form: { fullName, email },
      })
    }
  })

  const unusable = async (c: Context<AppEnv>, status: 404 | 410) => {
    return renderPage(c, <InvitationUnusablePage {...(status === 404 ? unknownLink : usedLink)} />, {
      status,
      neverStore: true,
    })
  }

  type PendingInvitation = NonNullable<Awaited<ReturnType<typeof findInvitation>>>

  /** The page of an invitation for someone who already has an account: sign in, or accept signed in. */
  const accountHolderPage = (
    c: Context<AppEnv>,
    token: string,
    invitation: PendingInvitation,
    options: { status?: 400 | 403; commitmentsError?: string; error?: string } = {},
  ) => {
    const viewer = c.get('viewer')
    const signedIn =
      viewer.kind === 'user'
        ? { email: viewer.email, isInvited: viewer.personId === invitation.personId }
        : undefined
    return renderPage(
      c,
      <AcceptWithAccountPage
        token={token}
        fullName={invitation.fullName}
        email={invitation.email}
        seat={invitation.seat}
        signedIn={signedIn}
        commitmentsError={options.commitmentsError}
        error={options.error}
      />,
      { status: options.status, neverStore: true },
    )
  }

  app.get('/invitations/:token', requirePermission('public'), async (c) => {
    const token = c.req.param('token')
    const invitation = await findInvitation(db, token)
    if (!invitation) return unusable(c, 404)
    if (invitation.state !== 'pending') return unusable(c, 410)
    if (acceptsSignedIn(invitation)) return accountHolderPage(c, token, invitation)
    return renderPage(
      c,
      <AcceptInvitationPage
        token={token}
        fullName={invitation.fullName}
        email={invitation.email}
        seat={invitation.seat}
      />,
      { neverStore: true },
    )
  })

  app.post('/invitations/:token', requirePermission('public'), async (c) => {
    const token = c.req.param('token')
    const invitation = await findInvitation(db, token)
    if (!invitation) return unusable(c, 404)
    if (invitation.state !== 'pending') return unusable(c, 410)
    const form = acceptForm.parse(await formFields(c))
    if (acceptsSignedIn(invitation))
      return acceptSignedIn(c, token, invitation, form.confirmCommitments === 'yes')
    const errors = checkNewPassword(form.newPassword, form.confirmPassword)
    const commitmentsConfirmed = form.confirmCommitments === 'yes'
    const commitmentsError = invitation.seat && !commitmentsConfirmed ? commitmentsRequired : undefined
    if (errors.password || errors.confirmation || commitmentsError) {
      return renderPage(
        c,
        <AcceptInvitationPage
          token={token}
          fullName={invitation.fullName}
          email={invitation.email}
          seat={invitation.seat}
          errors={errors}
          commitmentsError={commitmentsError}
        />,
        { status: 400, neverStore: true },
      )
    }
    let email: string
    try {
      ;({ email } = await acceptInvitation(db, deps.auth, {
        token,
        password: form.newPassword,
        commitmentsConfirmed,
      }))
    } catch (error) {
      // Another request used the link between our look-up and our claim.
      if (isAppError(error) && error.code === 'CONFLICT') return unusable(c, 410)
      throw error
    }
    const answer = await callAuth(c, deps, '/sign-in/email', { email, password: form.newPassword })
    if (!answer.ok) return c.redirect('/sign-in?notice=password-set', 303)
    return redirectWithCookies(c, '/account?notice=welcome', answer.setCookies)
  })

  /** Someone who already has an account accepts signed in as themselves; their password is not touched. */
  const acceptSignedIn = async (
    c: Context<AppEnv>,
    token: string,
    invitation: PendingInvitation,
    commitmentsConfirmed: boolean,
  ) => {
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || viewer.personId !== invitation.personId)
      return accountHolderPage(c, token, invitation, { status: 403, error: signInToAccept(invitation.email) })
    if (invitation.seat && !commitmentsConfirmed)
      return accountHolderPage(c, token, invitation, { status: 400, commitmentsError: commitmentsRequired })
    try {
      await acceptInvitation(db, deps.auth, {
        token,
        commitmentsConfirmed,
        signedInPersonId: viewer.personId,
      })
    } catch (error) {
      if (isAppError(error) && error.code === 'CONFLICT') return unusable(c, 410)
      throw error
    }
    return c.redirect('/account?notice=invitation-accepted', 303)
  }

  return app
}
