import type { Actor } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { ensureAccount } from '#src/http/accounts.ts'
import type { Auth } from '#src/http/auth.ts'

/**
 * Gives a person an account that signs in with `password`. ensureAccount creates the
 * account (and its password) for a person who has none; a person who already has one
 * without a password (magic links only) gets the credential added here. An existing
 * password is replaced only when `replace` is set (an invitation), which also ends the
 * account's sessions, as a password reset does.
 */
export async function ensurePasswordAccount(
  db: Db,
  auth: Auth,
  options: {
    personId: string
    password: string
    actor: Extract<Actor, `person:${string}` | 'system' | 'cli'>
    replace?: boolean
  },
): Promise<{ userId: string; email: string }> {
  const { userId } = await ensureAccount(db, auth, {
    personId: options.personId,
    password: options.password,
    actor: options.actor,
  })
  const ctx = await auth.$context
  const credential = await ctx.internalAdapter.findCredentialAccount(userId)
  if (!credential) {
    await ctx.internalAdapter.linkAccount({
      userId,
      providerId: 'credential',
      accountId: userId,
      password: await ctx.password.hash(options.password),
    })
  } else if (!credential.password) {
    await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(options.password))
  } else if (options.replace && !(await isPassword(auth, credential.password, options.password))) {
    // As after a password reset: whoever signed in with the old password is signed out.
    await ctx.internalAdapter.deleteUserSessions(userId)
    await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(options.password))
  }
  const user = await ctx.internalAdapter.findUserById(userId)
  return { userId, email: user?.email ?? '' }
}

async function isPassword(auth: Auth, hash: string, password: string): Promise<boolean> {
  const ctx = await auth.$context
  return ctx.password.verify({ hash, password })
}

/** The lengths a new password may have (better-auth is configured with the same). */
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 200
export const passwordHint = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few unrelated words make a good one.`

export type NewPasswordErrors = { password?: string; confirmation?: string }

/** What is wrong with a new password and its confirmation, field by field (empty when nothing). */
export function checkNewPassword(password: string, confirmation: string): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (password.length < PASSWORD_MIN)
    errors.password = `The password needs at least ${PASSWORD_MIN} characters; this one has ${password.length}.`
  else if (password.length > PASSWORD_MAX)
    errors.password = `The password can have at most ${PASSWORD_MAX} characters; this one has ${password.length}.`
  if (!errors.password && confirmation !== password)
    errors.confirmation = 'The two passwords are not the same. Type the new password again in both fields.'
  return errors
}
