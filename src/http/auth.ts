import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { magicLink } from 'better-auth/plugins'
import type { Db } from '#src/db/client.ts'
import {
  authAccounts,
  authRateLimits,
  authSessions,
  authUsers,
  authVerifications,
} from '#src/db/schema/index.ts'
import { logger } from '#src/lib/logger.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { currentChrome, defaultChrome } from '#src/ui/site-chrome.ts'
import { syncPersonEmail } from './accounts.ts'

/** The header our server sets from the socket address; any value a client sends is dropped first. */
export const CLIENT_IP_HEADER = 'x-hub-client-ip'

export type AuthOptions = {
  db: Db
  /** Where people reach the Hub, such as http://localhost:3000. */
  baseUrl: string
  secret: string
  mailer: Mailer
  /** Sign-in attempts allowed per client address a minute (tests raise it). */
  signInPerMinute?: number
}

/** The network's name for emails: set by staff, read from the request being answered. */
const networkName = () => currentChrome().name

/**
 * The better-auth instance: email + password and magic links, password reset and
 * change of email by email, sessions in the database, and a rate limiter kept in
 * the database (so it holds across processes) keyed by the real client address.
 * Nobody signs up: accounts come from invitations (staff) and from admissions.
 */
export function createAuth(options: AuthOptions) {
  const { mailer } = options
  const perMinute = options.signInPerMinute ?? 5
  return betterAuth({
    // The network's name as staff set it (the request's chrome); outside a request, the neutral default.
    appName: defaultChrome.name,
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [new URL(options.baseUrl).origin],
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 200,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await mailer.send({
          to: user.email,
          subject: `Reset your ${networkName()} password`,
          text: `Someone asked to reset the password of your ${networkName()} account.\n\nChoose a new password here (the link works for one hour):\n${url}\n\nIf it was not you, ignore this email: your password stays as it is.\n`,
        })
      },
    },
    emailVerification: {
      sendVerificationEmail: async ({ user, url }) => {
        await mailer.send({
          to: user.email,
          subject: `Confirm your email address for the ${networkName()}`,
          text: `Confirm this address for your ${networkName()} account:\n${url}\n`,
        })
      },
    },
    user: {
      changeEmail: {
        enabled: true,
        sendChangeEmailConfirmation: async ({ user, newEmail, url }) => {
          await mailer.send({
            to: user.email,
            subject: `Confirm the change of your ${networkName()} email address`,
            text: `Someone asked to change the email address of your ${networkName()} account to ${newEmail}.\n\nTo confirm, open:\n${url}\n\nIf it was not you, ignore this email and nothing changes.\n`,
          })
        },
      },
    },
    plugins: [
      magicLink({
        disableSignUp: true,
        expiresIn: 15 * 60,
        sendMagicLink: async ({ email, url }) => {
          await mailer.send({
            to: email,
            subject: `Your sign-in link for the ${networkName()}`,
            text: `Open this link to sign in to the ${networkName()} (it works once, for 15 minutes):\n${url}\n\nIf you did not ask for it, ignore this email.\n`,
          })
        },
      }),
    ],
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 120,
      customRules: {
        '/sign-in/email': { window: 60, max: perMinute },
        '/sign-in/magic-link': { window: 60, max: perMinute },
        '/request-password-reset': { window: 60, max: perMinute },
        '/forget-password': { window: 60, max: perMinute },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      useSecureCookies: options.baseUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    // The person record follows the account's address whichever way the change came in.
    databaseHooks: {
      user: {
        update: {
          after: async (user) => {
            await syncPersonEmail(options.db, { userId: user.id, email: user.email })
          },
        },
      },
    },
    // better-auth's own messages (failed sign-ins among them) go to the app's log, not the console.
    logger: {
      log: (level, message, ...args) => logger[level]({ args }, `better-auth: ${message}`),
    },
    telemetry: { enabled: false },
  })
}

export type Auth = ReturnType<typeof createAuth>
