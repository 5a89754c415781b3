import { CsrfInput, Field, Flash } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { Layout } from '#src/ui/layout.tsx'
import { currentChrome } from '#src/ui/site-chrome.ts'
import type { ComingSeat, RoleLabel } from './account.ts'
import { type NewPasswordErrors, PASSWORD_MAX, PASSWORD_MIN, passwordHint } from './passwords.ts'

export const messages = {
  wrongCredentials: 'The email or password is not right.',
  tooManyAttempts: 'Too many attempts from your address. Wait a minute and try again.',
  linkSent:
    'If an account exists for that address, we have emailed a sign-in link. It works once, for 15 minutes.',
  resetSent:
    'If an account exists for that address, we have emailed a link to choose a new password. It works once, for one hour.',
  passwordReset: 'Your password is changed. Sign in with it.',
  invalidEmail: 'Enter an email address such as name@example.org.',
  missingPassword: 'Enter your password.',
  linkFailed: 'That sign-in link has expired or was already used. Ask for a new one below.',
} as const

export type SignInPageProps = {
  next: string
  email?: string
  /** Shown above the forms: wrong credentials, too many attempts, a failed link. */
  error?: string
  notice?: string
  emailError?: string
  passwordError?: string
  /** An error next to the address of the sign-in link form. */
  linkEmailError?: string
  signedInAs?: string
}

export function SignInPage(props: SignInPageProps) {
  return (
    <Layout title="Sign in">
      <div class="wrap">
        <h1>Sign in</h1>
        <p class="lede">
          Staff, Advisory Board members and the representatives of member organisations sign in here.
        </p>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        {props.signedInAs ? (
          <p class="note">
            You are signed in as {props.signedInAs}. Signing in again replaces that session.{' '}
            <a href="/account">Go to your account</a>.
          </p>
        ) : null}
        <div class="grid-2">
          <section>
            <h2 id="password-heading">With your password</h2>
            <form method="post" action="/sign-in" class="form-card" aria-labelledby="password-heading">
              <CsrfInput />
              <input type="hidden" name="next" value={props.next} />
              <Field
                id="email"
                name="email"
                type="email"
                label="Email address"
                value={props.email}
                autocomplete="username"
                error={props.emailError}
              />
              <Field
                id="password"
                name="password"
                type="password"
                label="Password"
                autocomplete="current-password"
                error={props.passwordError}
              />
              <p>
                <button type="submit" class="button">
                  Sign in
                </button>
              </p>
              <p>
                <a href="/forgot-password">Forgot your password?</a>
              </p>
            </form>
          </section>
          <section>
            <h2 id="link-heading">Email me a sign-in link</h2>
            <p class="note">
              No password needed: we email you a link that signs you in once, for 15 minutes.
            </p>
            <form method="post" action="/sign-in/link" class="form-card" aria-labelledby="link-heading">
              <CsrfInput />
              <input type="hidden" name="next" value={props.next} />
              <Field
                id="link-email"
                name="email"
                type="email"
                label="Email address"
                value={props.email}
                autocomplete="email"
                error={props.linkEmailError}
              />
              <p>
                <button type="submit" class="button secondary">
                  Email me a sign-in link
                </button>
              </p>
            </form>
          </section>
        </div>
      </div>
    </Layout>
  )
}

/** The answer after asking for an email: the same words whether or not the address has an account. */
export function CheckEmailPage(props: {
  title: string
  message: string
  back: { href: string; label: string }
}) {
  return (
    <Layout title={props.title}>
      <div class="wrap">
        <h1>{props.title}</h1>
        <Flash>{props.message}</Flash>
        <p>
          Nothing arrived after a few minutes? Look in your spam folder, or{' '}
          <a href={props.back.href}>{props.back.label}</a>.
        </p>
      </div>
    </Layout>
  )
}

/** Asks for the address to email a password-reset link to. */
export function ForgotPasswordPage(props: { email?: string; emailError?: string; error?: string }) {
  return (
    <Layout title="Forgot your password?">
      <div class="wrap">
        <h1>Forgot your password?</h1>
        <p class="lede">Give the address of your account and we email you a link to choose a new password.</p>
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        <form method="post" action="/forgot-password" class="form-card">
          <CsrfInput />
          <Field
            id="email"
            name="email"
            type="email"
            label="Email address"
            value={props.email}
            autocomplete="email"
            error={props.emailError}
          />
          <p>
            <button type="submit" class="button">
              Email me a link
            </button>
          </p>
        </form>
        <p>
          <a href="/sign-in">Back to sign in</a>
        </p>
      </div>
    </Layout>
  )
}

export function ResetPasswordPage(props: { token: string; errors?: NewPasswordErrors }) {
  return (
    <Layout title="Choose a new password">
      <div class="wrap">
        <h1>Choose a new password</h1>
        <p class="lede">
          Once it is changed, every session of your account is signed out; sign in with the new password.
        </p>
        <form method="post" action="/reset-password" class="form-card">
          <CsrfInput />
          <input type="hidden" name="token" value={props.token} />
          <NewPasswordFields errors={props.errors} />
          <p>
            <button type="submit" class="button">
              Change my password
            </button>
          </p>
        </form>
      </div>
    </Layout>
  )
}

/** A new password twice, with the rules; used for resets, changes and invitations. */
export function NewPasswordFields(props: { errors?: NewPasswordErrors; label?: string }) {
  return (
    <>
      <Field
        id="new-password"
        name="newPassword"
        type="password"
        label={props.label ?? 'New password'}
        autocomplete="new-password"
        minlength={PASSWORD_MIN}
        maxlength={PASSWORD_MAX}
        hint={passwordHint}
        error={props.errors?.password}
      />
      <Field
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label="The same password again"
        autocomplete="new-password"
        minlength={PASSWORD_MIN}
        maxlength={PASSWORD_MAX}
        error={props.errors?.confirmation}
      />
    </>
  )
}

export function LinkNotValidPage(props: {
  title: string
  message: string
  again: { href: string; label: string }
}) {
  return (
    <Layout title={props.title}>
      <div class="wrap">
        <h1>{props.title}</h1>
        <p class="lede">{props.message}</p>
        <p>
          <a class="button" href={props.again.href}>
            {props.again.label}
          </a>
        </p>
      </div>
    </Layout>
  )
}

export type AccountPageProps = {
  name: string
  email: string
  roles: RoleLabel[]
  /** Seats handed over to the person from a later day. */
  coming?: ComingSeat[]
  notice?: string
  error?: string
  emailForm?: { value?: string; error?: string }
  passwordForm?: { currentError?: string; errors?: NewPasswordErrors }
}

export function AccountPage(props: AccountPageProps) {
  return (
    <Layout title="Your account">
      <div class="wrap">
        <h1>Your account</h1>
        {props.notice ? <Flash>{props.notice}</Flash> : null}
        {props.error ? <Flash isError>{props.error}</Flash> : null}
        <div class="card">
          <dl class="facts">
            <dt>Name</dt>
            <dd>{props.name}</dd>
            <dt>Email address</dt>
            <dd>{props.email}</dd>
            <dt>Roles</dt>
            <dd>
              {props.roles.length > 0
                ? props.roles.map((role, index) => (
                    <>
                      {index > 0 ? <br /> : null}
                      {role.label}
                      {role.editHref ? (
                        <>
                          {' '}
                          (<a href={role.editHref}>edit its profile</a>
                          {role.obligationsHref ? (
                            <>
                              {' · '}
                              <a href={role.obligationsHref}>its obligations</a>
                            </>
                          ) : null}
                          {role.seatsHref ? (
                            <>
                              {' · '}
                              <a href={role.seatsHref}>manage its seats</a>
                            </>
                          ) : null}
                          )
                        </>
                      ) : null}
                    </>
                  ))
                : 'No roles on record today.'}
            </dd>
            {props.coming && props.coming.length > 0 ? (
              <>
                <dt>Coming seats</dt>
                <dd>
                  {props.coming.map((seat, index) => (
                    <>
                      {index > 0 ? <br /> : null}
                      From {formatDate(seat.startsOn)} you will be the {seat.role} of {seat.organization}.
                    </>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href="/account/calendar">Calendar feeds</a>
            {' · '}
            <a href="/account/reminders">Email reminders</a>
          </p>
        </div>
        <div class="grid-2">
          <section>
            <h2 id="email-heading">Change your email address</h2>
            <p class="note">
              We email a confirmation link to your current address, then a second link to the new one. The
              change is made when you open the second link.
            </p>
            <form method="post" action="/account/email" class="form-card" aria-labelledby="email-heading">
              <CsrfInput />
              <Field
                id="new-email"
                name="newEmail"
                type="email"
                label="New email address"
                value={props.emailForm?.value}
                autocomplete="email"
                error={props.emailForm?.error}
              />
              <p>
                <button type="submit" class="button">
                  Change email address
                </button>
              </p>
            </form>
          </section>
          <section>
            <h2 id="password-heading">Change your password</h2>
            <p class="note">Your other sessions are signed out when the password changes.</p>
            <form
              method="post"
              action="/account/password"
              class="form-card"
              aria-labelledby="password-heading"
            >
              <CsrfInput />
              <Field
                id="current-password"
                name="currentPassword"
                type="password"
                label="Current password"
                autocomplete="current-password"
                error={props.passwordForm?.currentError}
              />
              <NewPasswordFields errors={props.passwordForm?.errors} />
              <p>
                <button type="submit" class="button">
                  Change password
                </button>
              </p>
            </form>
          </section>
        </div>
      </div>
    </Layout>
  )
}

export function SignOutPage(props: { isSignedIn: boolean }) {
  return (
    <Layout title="Sign out">
      <div class="wrap">
        <h1>Sign out</h1>
        {props.isSignedIn ? (
          <form method="post" action="/sign-out" class="form-card">
            <CsrfInput />
            <p>Sign out of the {currentChrome().name} on this browser?</p>
            <p>
              <button type="submit" class="button">
                Sign out
              </button>
            </p>
          </form>
        ) : (
          <p class="lede">
            You are signed out. <a href="/sign-in">Sign in again</a> or go to the <a href="/">home page</a>.
          </p>
        )}
      </div>
    </Layout>
  )
}
