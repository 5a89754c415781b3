import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import { invitations, people } from '#src/db/schema/index.ts'
import { invitePerson } from '#src/features/auth/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'

/**
 * Invites a seat's new holder who has no sign-in account and no invitation still open, with the
 * invitations module (one record, then the email with the link to choose a password).
 */
export async function inviteSeatHolder(
  db: Db,
  mailer: Mailer,
  options: { personId: string; invitedBy: { personId: string; name: string }; origin: string },
): Promise<'invited' | 'has-account' | 'already-invited'> {
  const [person] = await db
    .select({ fullName: people.fullName, email: people.email, userId: people.userId })
    .from(people)
    .where(eq(people.id, options.personId))
  if (!person) throw new AppError('NOT_FOUND', { userMessage: 'No person on record has this id.' })
  if (person.userId) return 'has-account'
  const [open] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.personId, options.personId),
        sql`${invitations.acceptedAt} is null and ${invitations.expiresAt} > hub_now()`,
      ),
    )
    .limit(1)
  if (open) return 'already-invited'
  await invitePerson(db, mailer, {
    fullName: person.fullName,
    email: person.email,
    invitedBy: options.invitedBy,
    origin: options.origin,
  })
  return 'invited'
}
