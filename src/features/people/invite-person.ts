import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { invitePerson } from '#src/features/auth/index.ts'
import { refused } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { hasEmailSql } from './person-sql.ts'

/**
 * Invites a person from their page, or invites them again: the new link is sent through the
 * invitations module first, then every older link still open stops working (its expiry set to
 * now, audited), so only the newest email lets them in. Refused for someone who already has an
 * account or has no address to write to. Returns how many old links were cancelled.
 */
export async function inviteFromPersonPage(
  db: Db,
  mailer: Mailer,
  options: { personId: string; invitedBy: { personId: string; name: string }; origin: string },
): Promise<{ invitationId: string; cancelled: number }> {
  const [person] = await queryRows<{
    fullName: string
    email: string
    hasAccount: boolean
    hasEmail: boolean
  }>(
    db,
    sql`select p.full_name as "fullName", trim(p.email) as email, p.user_id is not null as "hasAccount",
        ${hasEmailSql} as "hasEmail" from people p where p.id = ${options.personId}::uuid`,
  )
  if (!person) throw refused(null, 'No person on record has this address.')
  if (person.hasAccount) throw refused(null, `${person.fullName} already has an account and can sign in.`)
  if (!person.hasEmail)
    throw refused(null, `${person.fullName} has no email address on record: an invitation needs one.`)
  const { invitationId } = await invitePerson(db, mailer, {
    fullName: person.fullName,
    email: person.email,
    invitedBy: options.invitedBy,
    origin: options.origin,
  })
  const cancelled = await writeAs(db, `person:${options.invitedBy.personId}`, (tx) =>
    queryRows<{ id: string }>(
      tx,
      sql`update invitations set expires_at = hub_now()
        where person_id = ${options.personId}::uuid and id <> ${invitationId}::uuid
          and accepted_at is null and expires_at > hub_now() returning id`,
    ),
  )
  return { invitationId, cancelled: cancelled.length }
}
