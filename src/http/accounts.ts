import { and, eq, ne, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { people } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import type { Auth } from './auth.ts'

/**
 * Gives a person a sign-in account (or returns the one they have), linked through
 * people.user_id. With a password, they can sign in with it at once; without one
 * they sign in by magic link or set one through an invitation.
 */
export async function ensureAccount(
  db: Db,
  auth: Auth,
  options: { personId: string; password?: string; actor?: `person:${string}` | 'system' | 'cli' },
): Promise<{ userId: string; isNew: boolean }> {
  const [person] = await db.select().from(people).where(eq(people.id, options.personId))
  if (!person) throw new AppError('NOT_FOUND', { userMessage: 'No such person.' })
  const ctx = await auth.$context
  // Adds a password only where the account has none: an existing password is never replaced here.
  const addPassword = async (userId: string) => {
    if (!options.password || (await ctx.internalAdapter.findCredentialAccount(userId))) return
    await ctx.internalAdapter.linkAccount({
      userId,
      providerId: 'credential',
      accountId: userId,
      password: await ctx.password.hash(options.password),
    })
  }
  if (person.userId) {
    await addPassword(person.userId)
    return { userId: person.userId, isNew: false }
  }
  const email = person.email.toLowerCase()
  const existing = await ctx.internalAdapter.findUserByEmail(email)
  const user =
    existing?.user ??
    (await ctx.internalAdapter.createUser(
      { email, name: person.fullName, emailVerified: true },
      { method: 'admin' },
    ))
  await addPassword(user.id)
  await writeAs(db, options.actor ?? 'system', (tx) =>
    tx.update(people).set({ userId: user.id }).where(eq(people.id, options.personId)),
  )
  return { userId: user.id, isNew: !existing }
}

/** The person record behind a sign-in account, if any. */
export async function personOfUser(db: Db, userId: string) {
  const [person] = await db.select().from(people).where(eq(people.userId, userId))
  return person
}

/** Finds a person by email, any case. */
export async function personByEmail(db: Db, email: string) {
  const [person] = await db.select().from(people).where(sql`lower(${people.email}) = lower(${email.trim()})`)
  return person
}

/**
 * Makes the person record of an account carry the account's email address, after a change
 * of email confirmed through better-auth. Returns whether it changed anything. Left as is
 * (and logged) when another person record already uses the address.
 */
export async function syncPersonEmail(db: Db, options: { userId: string; email: string }): Promise<boolean> {
  const [person] = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(eq(people.userId, options.userId))
  if (!person || person.email.toLowerCase() === options.email.toLowerCase()) return false
  const holder = await personByEmail(db, options.email)
  if (holder && holder.id !== person.id) {
    logger.warn({ personId: person.id, otherPersonId: holder.id }, 'account email is used by another person')
    return false
  }
  const updated = await writeAs(db, `person:${person.id}`, (tx) =>
    tx
      .update(people)
      .set({ email: options.email })
      .where(and(eq(people.id, person.id), ne(people.email, options.email)))
      .returning({ id: people.id }),
  )
  return updated.length > 0
}
