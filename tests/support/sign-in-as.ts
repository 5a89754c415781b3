import { ensureAccount, personByEmail } from '#src/http/accounts.ts'
import type { Auth } from '#src/http/auth.ts'
import type { Db } from '../../src/db/client.ts'
import type { Session } from './http.ts'
import { TEST_ORIGIN } from './test-app.ts'

/** A password long enough for better-auth's rule, for test accounts. */
export const TEST_PASSWORD = 'correct-horse-battery-staple'

/**
 * Signs a demo person in by calling better-auth's email sign-in directly (our own
 * /sign-in page is not needed) and returns the cookies it set, as name/value pairs.
 * First makes sure the person has an account that signs in with `password`.
 */
export async function signInCookies(
  db: Db,
  auth: Auth,
  options: { email: string; password?: string; origin?: string },
): Promise<{ name: string; value: string }[]> {
  const person = await personByEmail(db, options.email)
  if (!person) throw new Error(`no person has the email ${options.email}`)
  const password = options.password ?? TEST_PASSWORD
  const { userId } = await ensureAccount(db, auth, { personId: person.id, password })
  // A person who already had an account (the hub gives demo people one) gets this password too.
  const ctx = await auth.$context
  const credential = await ctx.internalAdapter.findCredentialAccount(userId)
  const hash = await ctx.password.hash(password)
  if (!credential)
    await ctx.internalAdapter.linkAccount({
      userId,
      providerId: 'credential',
      accountId: userId,
      password: hash,
    })
  else if (!(credential.password && (await ctx.password.verify({ hash: credential.password, password }))))
    await ctx.internalAdapter.updatePassword(userId, hash)
  const origin = options.origin ?? TEST_ORIGIN
  const response = await auth.handler(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'x-hub-client-ip': '127.0.0.1' },
      body: JSON.stringify({ email: options.email, password }),
    }),
  )
  if (!response.ok)
    throw new Error(`sign-in as ${options.email} failed: ${response.status} ${await response.text()}`)
  return response.headers.getSetCookie().map((line) => {
    const [pair = ''] = line.split(';')
    const eq = pair.indexOf('=')
    return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() }
  })
}

/** Signs `session` in as the demo person with this email (see signInCookies). */
export async function signInAs(
  session: Session,
  db: Db,
  auth: Auth,
  options: { email: string; password?: string },
): Promise<void> {
  for (const { name, value } of await signInCookies(db, auth, options)) session.cookies.set(name, value)
}
