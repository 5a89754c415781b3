import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { syncPersonEmail } from '#src/http/accounts.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { authHeaders, requirePermission } from '#src/http/guard.ts'
import { noticeText } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { logger } from '#src/lib/logger.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { comingSeats, describeRoles, isAddressOfAnotherPerson, readEmailToken } from './account.ts'
import {
  AccountPage,
  type AccountPageProps,
  CheckEmailPage,
  ForgotPasswordPage,
  LinkNotValidPage,
  messages,
  ResetPasswordPage,
  SignInPage,
  type SignInPageProps,
  SignOutPage,
} from './auth.views.tsx'
import { callAuth, redirectWithCookies } from './forward.ts'
import { landingAfterSignIn } from './landing.ts'
import { checkNewPassword } from './passwords.ts'
import { hasSignInAccount, RESPONSE_FLOOR_MS, safeNext, withResponseFloor } from './sign-in.ts'

const text = (max: number) => z.string().max(max).catch('')
const isEmail = (value: string) => value.length <= 320 && z.email().safeParse(value).success

const signInForm = z.object({ email: text(400), password: text(1000), next: text(2000) })
const emailForm = z.object({ email: text(400), next: text(2000) })
const resetForm = z.object({ token: text(300), newPassword: text(1000), confirmPassword: text(1000) })
const changeEmailForm = z.object({ newEmail: text(400) })
const changePasswordForm = z.object({
  currentPassword: text(1000),
  newPassword: text(1000),
  confirmPassword: text(1000),
})
const resetToken = z.string().regex(/^[\w-]{10,200}$/)

/** Notices our own redirects ask the sign-in page to show (fixed texts: nothing from the URL is shown). */
const signInNotices: Record<string, string> = {
  'password-reset': messages.passwordReset,
  'password-set': 'Your password is set. Sign in with it.',
}

/**
 * Pages never cached anywhere (they show who is signed in, or carry form tokens): renderPage with
 * neverStore. Sign-in (password or emailed link), sign-out, forgotten passwords, and the account page
 * (change of email and password). Every POST forwards to better-auth from the server
 * (callAuth), so its rate limiter, origin check and password rules apply.
 */
export function authPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const db = deps.database.db

  const signInPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 429,
    props: Omit<SignInPageProps, 'signedInAs'>,
  ) => {
    const viewer = c.get('viewer')
    return renderPage(
      c,
      <SignInPage {...props} signedInAs={viewer.kind === 'user' ? viewer.email : undefined} />,
      { status, neverStore: true },
    )
  }

  app.get('/sign-in', requirePermission('public'), (c) => {
    const notice = noticeText(signInNotices, c.req.query('notice'))
    // better-auth sends a failed sign-in link back here with ?error=…
    const error = c.req.query('error') ? messages.linkFailed : undefined
    return signInPage(c, 200, { next: safeNext(c.req.query('next')), notice, error })
  })

  app.post('/sign-in', requirePermission('public'), (c) =>
    withResponseFloor(
      async () => {
        const form = signInForm.parse(await formFields(c))
        const next = safeNext(form.next)
        const email = form.email.trim()
        const emailError = isEmail(email) ? undefined : messages.invalidEmail
        const passwordError = form.password ? undefined : messages.missingPassword
        if (emailError || passwordError) return signInPage(c, 400, { next, email, emailError, passwordError })
        const answer = await callAuth(c, deps, '/sign-in/email', { email, password: form.password })
        if (answer.ok)
          return redirectWithCookies(c, await landingAfterSignIn(deps, email, next), answer.setCookies)
        if (answer.status === 429) return signInPage(c, 429, { next, email, error: messages.tooManyAttempts })
        if (answer.status >= 500) throw new Error(`better-auth answered ${answer.status} to a sign-in`)
        // Unknown address, wrong password, an account without a password: one answer for all.
        return signInPage(c, 400, { next, email, error: messages.wrongCredentials })
      },
      RESPONSE_FLOOR_MS,
      deps.responseTimer,
    ),
  )

  app.post('/sign-in/link', requirePermission('public'), (c) =>
    withResponseFloor(
      async () => {
        const form = emailForm.parse(await formFields(c))
        const next = safeNext(form.next)
        const email = form.email.trim()
        if (!isEmail(email)) return signInPage(c, 400, { next, email, linkEmailError: messages.invalidEmail })
        // better-auth would email a link to any address (the link then fails): ask it only for
        // an address that has an account. An unknown address still spends one attempt of the
        // same rate limit (a request better-auth refuses after counting it), so the limit
        // cannot tell the two apart either.
        const isKnown = await hasSignInAccount(deps.auth, email)
        const answer = await callAuth(
          c,
          deps,
          '/sign-in/magic-link',
          isKnown
            ? {
                email,
                callbackURL: await landingAfterSignIn(deps, email, next),
                errorCallbackURL: `/sign-in?next=${encodeURIComponent(next)}`,
              }
            : {},
        )
        if (answer.status === 429) return signInPage(c, 429, { next, email, error: messages.tooManyAttempts })
        if (isKnown && !answer.ok)
          throw new Error(`better-auth answered ${answer.status} to a sign-in link request`)
        return renderPage(
          c,
          <CheckEmailPage
            title="Check your email"
            message={messages.linkSent}
            back={{ href: `/sign-in?next=${encodeURIComponent(next)}`, label: 'try again' }}
          />,
          { neverStore: true },
        )
      },
      RESPONSE_FLOOR_MS,
      deps.responseTimer,
    ),
  )

  app.get('/sign-out', requirePermission('public'), async (c) => {
    return renderPage(c, <SignOutPage isSignedIn={c.get('viewer').kind === 'user'} />, { neverStore: true })
  })

  app.post('/sign-out', requirePermission('account:self'), async (c) => {
    const answer = await callAuth(c, deps, '/sign-out', {})
    if (!answer.ok) throw new Error(`better-auth answered ${answer.status} to a sign-out`)
    return redirectWithCookies(c, '/', answer.setCookies)
  })

  app.get('/forgot-password', requirePermission('public'), async (c) => {
    return renderPage(c, <ForgotPasswordPage />, { neverStore: true })
  })

  app.post('/forgot-password', requirePermission('public'), (c) =>
    withResponseFloor(
      async () => {
        const email = emailForm.parse(await formFields(c)).email.trim()
        if (!isEmail(email))
          return renderPage(c, <ForgotPasswordPage email={email} emailError={messages.invalidEmail} />, {
            status: 400,
            neverStore: true,
          })
        const answer = await callAuth(c, deps, '/request-password-reset', {
          email,
          redirectTo: '/reset-password',
        })
        if (answer.status === 429)
          return renderPage(c, <ForgotPasswordPage email={email} error={messages.tooManyAttempts} />, {
            status: 429,
            neverStore: true,
          })
        if (!answer.ok) throw new Error(`better-auth answered ${answer.status} to a password reset request`)
        return renderPage(
          c,
          <CheckEmailPage
            title="Check your email"
            message={messages.resetSent}
            back={{ href: '/forgot-password', label: 'ask again' }}
          />,
          { neverStore: true },
        )
      },
      RESPONSE_FLOOR_MS,
      deps.responseTimer,
    ),
  )

  const resetLinkNotValid = async (c: Context<AppEnv>) => {
    return renderPage(
      c,
      <LinkNotValidPage
        title="This link does not work any more"
        message="The password reset link has expired (it works for one hour) or was already used."
        again={{ href: '/forgot-password', label: 'Ask for a new link' }}
      />,
      { status: 400, neverStore: true },
    )
  }

  // better-auth's emailed link (/api/auth/reset-password/<token>) checks the token and lands here.
  app.get('/reset-password', requirePermission('public'), async (c) => {
    const token = resetToken.safeParse(c.req.query('token'))
    if (c.req.query('error') || !token.success) return resetLinkNotValid(c)
    return renderPage(c, <ResetPasswordPage token={token.data} />, { neverStore: true })
  })

  app.post('/reset-password', requirePermission('public'), async (c) => {
    const form = resetForm.parse(await formFields(c))
    if (!resetToken.safeParse(form.token).success) return resetLinkNotValid(c)
    const errors = checkNewPassword(form.newPassword, form.confirmPassword)
    if (errors.password || errors.confirmation)
      return renderPage(c, <ResetPasswordPage token={form.token} errors={errors} />, {
        status: 400,
        neverStore: true,
      })
    const answer = await callAuth(c, deps, '/reset-password', {
      newPassword: form.newPassword,
      token: form.token,
    })
    if (answer.ok) return c.redirect('/sign-in?notice=password-reset', 303)
    if (answer.code === 'INVALID_TOKEN' || answer.code === 'USER_NOT_FOUND') return resetLinkNotValid(c)
    if (answer.status === 429)
      return renderPage(
        c,
        <ResetPasswordPage token={form.token} errors={{ password: messages.tooManyAttempts }} />,
        { status: 429, neverStore: true },
      )
    throw new Error(`better-auth answered ${answer.status} ${answer.code ?? ''} to a password reset`)
  })

  const accountNotices = (viewer: SignedInViewer): Record<string, string> => ({
    'email-change-sent': `We emailed a confirmation link to ${viewer.email}. Open it to confirm the change; we then email a link to the new address, and the change is made when you open that one.`,
    'email-confirmed':
      'Thank you for confirming. We have now emailed a link to the new address: open it to finish the change.',
    'email-changed': `Your email address is now ${viewer.email}.`,
    'password-changed': 'Your password is changed. Your other sessions are signed out.',
    'invitation-accepted':
      'The invitation is accepted. Your password is unchanged: sign in with it as before.',
    welcome: `Welcome to the ${currentChrome().name}, ${viewer.name}. Your password is set: from now on, sign in with it and your address ${viewer.email}.`,
  })
  // better-auth sends a failed email-change link back to /account with ?error=…
  const accountLinkErrors: Record<string, string> = {
    INVALID_USER: 'That confirmation link belongs to another account. Sign out, then open it again.',
  }
  const emailLinkFailed =
    'That email confirmation link has expired or is not valid. Ask for the change again below.'

  const accountPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 429,
    props: Partial<AccountPageProps>,
  ) => {
    const viewer = c.get('viewer') as SignedInViewer
    const [roles, coming] = await Promise.all([
      describeRoles(db, viewer, deps.clock.today()),
      comingSeats(db, viewer.personId, deps.clock.today()),
    ])
    const page = (
      <AccountPage name={viewer.name} email={viewer.email} roles={roles} coming={coming} {...props} />
    )
    return renderPage(c, page, {
      status,
      neverStore: true,
    })
  }

  app.get('/account', requirePermission('account:self'), async (c) => {
    const viewer = c.get('viewer') as SignedInViewer
    // A confirmed change of email updates the account; the person record follows it here
    // (and at the confirmation link, below), so emails to the person go to the new address.
    const isSynced = await syncPersonEmail(db, { userId: viewer.userId, email: viewer.email })
    const notice = isSynced
      ? `Your email address is now ${viewer.email}.`
      : noticeText(accountNotices(viewer), c.req.query('notice'))
    const linkError = c.req.query('error')
    const error = linkError ? (accountLinkErrors[linkError] ?? emailLinkFailed) : undefined
    return accountPage(c, 200, { notice, error })
  })

  app.post('/account/email', requirePermission('account:self'), async (c) => {
    const viewer = c.get('viewer') as SignedInViewer
    const newEmail = changeEmailForm.parse(await formFields(c)).newEmail.trim()
    const formError = (error: string, status: 400 | 429 = 400) =>
      accountPage(c, status, { emailForm: { value: newEmail, error } })
    if (!isEmail(newEmail)) return formError(messages.invalidEmail)
    if (newEmail.toLowerCase() === viewer.email.toLowerCase())
      return formError('This is already your address. Type the new one.')
    // An address another person's record uses would leave the two records clashing. As
    // better-auth does for an address another account uses, answer as if it went through.
    if (!(await isAddressOfAnotherPerson(db, { email: newEmail, personId: viewer.personId }))) {
      const answer = await callAuth(c, deps, '/change-email', { newEmail, callbackURL: '/account' })
      if (answer.status === 429) return formError(messages.tooManyAttempts, 429)
      if (!answer.ok) {
        logger.warn({ status: answer.status, code: answer.code }, 'change of email refused')
        return formError('The address could not be changed. Check it and try again.')
      }
    }
    return c.redirect('/account?notice=email-change-sent', 303)
  })

  app.post('/account/password', requirePermission('account:self'), async (c) => {
    const form = changePasswordForm.parse(await formFields(c))
    const errors = checkNewPassword(form.newPassword, form.confirmPassword)
    const currentError = form.currentPassword ? undefined : 'Enter your current password.'
    if (currentError || errors.password || errors.confirmation)
      return accountPage(c, 400, { passwordForm: { currentError, errors } })
    const answer = await callAuth(c, deps, '/change-password', {
      currentPassword: form.currentPassword,
      newPassword: form.newPassword,
      revokeOtherSessions: true,
    })
    if (answer.ok) return redirectWithCookies(c, '/account?notice=password-changed', answer.setCookies)
    if (answer.status === 429) return accountPage(c, 429, { error: messages.tooManyAttempts })
    if (answer.code === 'INVALID_PASSWORD')
      return accountPage(c, 400, { passwordForm: { currentError: 'That is not your current password.' } })
    if (answer.code === 'CREDENTIAL_ACCOUNT_NOT_FOUND')
      return accountPage(c, 400, {
        error:
          'Your account has no password yet (you sign in with emailed links). To choose one, sign out and use “Forgot your password?”.',
      })
    throw new Error(`better-auth answered ${answer.status} ${answer.code ?? ''} to a change of password`)
  })

  // Both links of a change of email land on better-auth's verify endpoint: the first (sent to
  // the current address) makes it email the new address; the second changes the account's
  // address, and the person record follows here at once. Either way the browser goes on to
  // /account with a notice saying which step is done. (Without this route, the generic
  // /api/auth/* route in app.ts would answer, with no notice and no update of the person.)
  app.get('/api/auth/verify-email', requirePermission('public'), async (c) => {
    const response = await deps.auth.handler(
      new Request(c.req.url, { method: 'GET', headers: authHeaders(c) }),
    )
    const token = readEmailToken(c.req.query('token'))
    if (!token) return response
    const user = await (await deps.auth.$context).internalAdapter.findUserById(token.userId)
    if (user) await syncPersonEmail(db, { userId: token.userId, email: user.email })
    const step = {
      'change-email-confirmation': 'email-confirmed',
      'change-email-verification': 'email-changed',
    }[token.requestType ?? '']
    const location = response.headers.get('location')
    if (!step || !location || new URL(location, deps.origin).href !== `${deps.origin}/account`)
      return response
    const headers = new Headers(response.headers)
    headers.set('location', `/account?notice=${step}`)
    return new Response(null, { status: 303, headers })
  })

  return app
}
