import { and, asc, desc, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '#src/db/client.ts'
import { organizations, people, seats } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { ensurePasswordAccount } from '#src/features/auth/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { personByEmail } from '#src/http/accounts.ts'
import type { Auth } from '#src/http/auth.ts'
import { todayIn } from '#src/lib/dates.ts'

/** The password of every demo account (printed at start-up; never in production). */
export const DEMO_PASSWORD = 'demo-password-2026'

/** The organisation whose seat holders get demo accounts, besides one other. */
const DEMO_ORGANIZATION = 'amp-socal'

type DemoAccount = { role: string; email: string; personId: string }

/**
 * Gives the demo's typical people a password account: a staff member, an Advisory Board
 * member, the representative and the alternate of AMP SoCal on `today`, the representative
 * of one other member organisation, then every other demo staff member and Advisory Board
 * member of `today` (so that a board decision can be reached with the demo accounts alone).
 * Idempotent: a person who already signs in with a password keeps it. Returns who they are,
 * in that order, for the start-up lines.
 */
export async function ensureDemoAccounts(
  db: Db,
  auth: Auth,
  options: { today?: string } = {},
): Promise<{ role: string; email: string }[]> {
  const today = options.today ?? todayIn((await getSettings(db)).callTimeZone)
  const accounts = await demoAccountHolders(db, today)
  for (const account of accounts)
    await ensurePasswordAccount(db, auth, {
      personId: account.personId,
      password: DEMO_PASSWORD,
      actor: 'system',
    })
  return accounts.map(({ role, email }) => ({ role, email }))
}

async function demoAccountHolders(db: Db, today: string): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = []
  for (const [email, role] of [
    ['staff@example.org', 'staff'],
    ['board@example.org', 'Advisory Board'],
  ] as const) {
    const person = await personByEmail(db, email)
    if (person) accounts.push({ role, email: person.email, personId: person.id })
  }
  const heldToday = and(
    sql`${seats.startsOn} <= ${today}::date`,
    sql`(${seats.endsOn} is null or ${seats.endsOn} > ${today}::date)`,
  )
  const holder = {
    personId: people.id,
    email: people.email,
    seatRole: seats.role,
    organization: sql<string>`coalesce(${organizations.shortName}, ${organizations.name})`,
  }
  const amp = await db
    .select(holder)
    .from(seats)
    .innerJoin(organizations, eq(organizations.id, seats.organizationId))
    .innerJoin(people, eq(people.id, seats.personId))
    .where(and(eq(organizations.slug, DEMO_ORGANIZATION), heldToday))
    .orderBy(desc(seats.role))
  const [other] = await db
    .select(holder)
    .from(seats)
    .innerJoin(organizations, eq(organizations.id, seats.organizationId))
    .innerJoin(people, eq(people.id, seats.personId))
    .where(
      and(
        ne(organizations.slug, DEMO_ORGANIZATION),
        eq(organizations.category, 'member'),
        eq(organizations.isDemo, true),
        eq(seats.role, 'representative'),
        heldToday,
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(1)
  for (const seat of [...amp, ...(other ? [other] : [])])
    accounts.push({
      role: `${seat.seatRole} of ${seat.organization}`,
      email: seat.email,
      personId: seat.personId,
    })
  const listed = new Set(accounts.map((a) => a.personId))
  for (const member of await demoStaffAndBoard(db, today))
    if (!listed.has(member.personId)) accounts.push(member)
  return accounts
}

/** The demo's staff members, then its Advisory Board members, on `today`, by email. */
async function demoStaffAndBoard(db: Db, today: string): Promise<DemoAccount[]> {
  const current = (table: 'staff_members' | 'board_members') =>
    sql`exists (select 1 from ${sql.raw(table)} t where t.person_id = p.id and t.starts_on <= ${today}::date
      and (t.ends_on is null or t.ends_on > ${today}::date))`
  return queryRows<DemoAccount>(
    db,
    sql`select p.id as "personId", p.email, case when ${current('staff_members')} then 'staff'
        else 'Advisory Board' end as role
      from people p
      where p.is_demo and (${current('staff_members')} or ${current('board_members')})
      order by 3 desc, lower(p.email)`,
  )
}
