/** Who may contribute to the library besides staff: seat holders staff allowed, one row each. */
import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { libraryContributors } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'

/** Whether staff allowed this person to submit items. */
export async function isContributor(db: DbOrTx, personId: string | null): Promise<boolean> {
  if (!personId) return false
  const [row] = await db
    .select({ personId: libraryContributors.personId })
    .from(libraryContributors)
    .where(eq(libraryContributors.personId, personId))
  return Boolean(row)
}

export type SeatHolderChoice = {
  personId: string
  fullName: string
  organizationName: string
  role: string
  allowed: boolean
}

/** Today's representatives and alternates of admitted organisations, with whether each may contribute, by organisation. */
export async function contributorChoices(db: DbOrTx, today: string): Promise<SeatHolderChoice[]> {
  return queryRows<SeatHolderChoice>(
    db,
    sql`select p.id::text as "personId", p.full_name as "fullName", o.name as "organizationName", s.role,
        (lc.person_id is not null) as allowed
      from seats s join people p on p.id = s.person_id join organizations o on o.id = s.organization_id
      left join library_contributors lc on lc.person_id = p.id
      where s.starts_on <= ${today}::date and (s.ends_on is null or s.ends_on > ${today}::date)
        and ${isAdmittedSql(sql`o.id`, today)}
      order by o.name, s.role desc, p.full_name`,
  )
}

/** Allows or stops a person contributing. */
export async function setContributor(
  db: Db,
  actor: Actor,
  options: { personId: string; allowed: boolean; grantedBy: string | null },
): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    if (options.allowed)
      await tx
        .insert(libraryContributors)
        .values({ personId: options.personId, grantedBy: options.grantedBy })
        .onConflictDoNothing()
    else await tx.delete(libraryContributors).where(eq(libraryContributors.personId, options.personId))
  })
}
