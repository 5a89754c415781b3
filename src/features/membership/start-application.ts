import { and, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { applicationEvents, applications, people } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Category } from './types.ts'

export type StartResult =
  | { kind: 'started'; applicationId: string; personId: string; isNewPerson: boolean }
  /** The address belongs to someone on record: only they may attach a draft to their account. */
  | { kind: 'owner-must-confirm'; personId: string }

/**
 * Starts a draft application, in one transaction: for a signed-in applicant, or for an address
 * nobody has (recorded as a new person), creates the draft (round 0) and its 'created' event.
 * An anonymous start with the address of someone on record creates nothing: the owner confirms
 * first (apply-confirmations.ts). A signed-in applicant is written as themselves, anyone else
 * as 'anonymous'. The same person starting the same draft again gets the draft they have.
 */
export async function startApplication(
  db: Db,
  options: {
    category: Category
    organizationName: string
    applicant: { personId: string } | { fullName: string; email: string }
  },
): Promise<StartResult> {
  const { applicant } = options
  const actor = 'personId' in applicant ? (`person:${applicant.personId}` as const) : 'anonymous'
  return writeAs(db, actor, async (tx): Promise<StartResult> => {
    let personId: string
    let isNewPerson = false
    if ('personId' in applicant) personId = applicant.personId
    else {
      const email = applicant.email.trim()
      const byEmail = sql`lower(${people.email}) = lower(${email})`
      const [found] = await tx.select({ id: people.id }).from(people).where(byEmail)
      if (found) return { kind: 'owner-must-confirm', personId: found.id }
      // Two first requests at once: the unique index on lower(email) lets one insert win; the
      // other finds the winner's person, whom it must not write into either.
      const [made] = await tx
        .insert(people)
        .values({ fullName: applicant.fullName, email })
        .onConflictDoNothing()
        .returning({ id: people.id })
      if (!made) {
        const [other] = await tx.select({ id: people.id }).from(people).where(byEmail)
        if (!other) throw new AppError('CONFLICT', { userMessage: 'Your details could not be recorded.' })
        return { kind: 'owner-must-confirm', personId: other.id }
      }
      personId = made.id
      isNewPerson = true
    }
    const applicationId = await createDraft(tx, { ...options, personId })
    return { kind: 'started', applicationId, personId, isNewPerson }
  })
}

/**
 * Creates the person's draft (round 0) and its 'created' event in the transaction, or finds
 * the same draft they already have (same category and name, any case): a double click or a
 * second try gives the draft they already have.
 */
export async function createDraft(
  tx: Tx,
  options: { personId: string; category: Category; organizationName: string },
): Promise<string> {
  const { personId } = options
  const [existing] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, personId),
        eq(applications.status, 'draft'),
        eq(applications.category, options.category),
        sql`lower(${applications.organizationName}) = lower(${options.organizationName})`,
      ),
    )
    .limit(1)
  if (existing) return existing.id
  const [app] = await tx
    .insert(applications)
    .values({ category: options.category, applicantId: personId, organizationName: options.organizationName })
    .returning({ id: applications.id })
  if (!app) throw new Error('the application was not created')
  await tx
    .insert(applicationEvents)
    .values({ applicationId: app.id, kind: 'created', actorId: personId, round: 0 })
  return app.id
}
