import { and, eq, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { organizations, seats } from '#src/db/schema/index.ts'
import { personByEmail } from '#src/http/accounts.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'

export type RoleLabel = {
  label: string
  /** Where to edit the organisation of a seat. */
  editHref?: string
  /** Where its representative manages the seats. */
  seatsHref?: string
  /** Where its representative and alternate follow its obligations. */
  obligationsHref?: string
}

/** The roles of an account in words, from the records on `onDate`: "Staff", "Representative of X", … */
export async function describeRoles(
  db: DbOrTx,
  viewer: SignedInViewer,
  onDate: string,
): Promise<RoleLabel[]> {
  const labels: RoleLabel[] = []
  if (viewer.roles.includes('staff')) labels.push({ label: 'Staff' })
  if (viewer.roles.includes('board')) labels.push({ label: 'Advisory Board member' })
  if (!viewer.personId || viewer.seatOrganizationIds.length === 0) return labels
  const held = await db
    .select({ role: seats.role, organization: organizations.name, slug: organizations.slug })
    .from(seats)
    .innerJoin(organizations, eq(organizations.id, seats.organizationId))
    .where(
      and(
        eq(seats.personId, viewer.personId),
        sql`${seats.startsOn} <= ${onDate}::date`,
        sql`(${seats.endsOn} is null or ${seats.endsOn} > ${onDate}::date)`,
      ),
    )
    .orderBy(seats.role, organizations.name)
  for (const seat of held)
    labels.push({
      label: `${seat.role === 'representative' ? 'Representative' : 'Alternate'} of ${seat.organization}`,
      editHref: `/organizations/${seat.slug}/edit`,
      seatsHref: seat.role === 'representative' ? `/organizations/${seat.slug}/seats` : undefined,
      obligationsHref: `/organizations/${seat.slug}/obligations`,
    })
  return labels
}

/** A seat the person will hold, handed over to them from a later day. */
export type ComingSeat = { role: 'representative' | 'alternate'; organization: string; startsOn: string }

/** The seats a person holds from a day after `onDate`, soonest first (an account shows them before they start). */
export async function comingSeats(
  db: DbOrTx,
  personId: string | null,
  onDate: string,
): Promise<ComingSeat[]> {
  if (!personId) return []
  return db
    .select({ role: seats.role, organization: organizations.name, startsOn: seats.startsOn })
    .from(seats)
    .innerJoin(organizations, eq(organizations.id, seats.organizationId))
    .where(and(eq(seats.personId, personId), sql`${seats.startsOn} > ${onDate}::date`))
    .orderBy(seats.startsOn, organizations.name)
}

/** Whether another person record (not the account's own) uses this address. */
export async function isAddressOfAnotherPerson(db: Db, options: { email: string; personId: string | null }) {
  const holder = await personByEmail(db, options.email)
  return Boolean(holder && holder.id !== options.personId)
}

/**
 * What a better-auth email-verification token (a signed JWT) is about, read without checking
 * the signature: it only says whose person record to bring in line with the database and
 * which step of a change of email this is, never what to write.
 */
export function readEmailToken(
  token: string | undefined,
): { userId: string; requestType: string | undefined } | undefined {
  const payload = token?.split('.')[1]
  if (!payload) return undefined
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      userId?: unknown
      requestType?: unknown
    }
    if (typeof parsed.userId !== 'string') return undefined
    return {
      userId: parsed.userId,
      requestType: typeof parsed.requestType === 'string' ? parsed.requestType : undefined,
    }
  } catch {
    return undefined
  }
}
