/**
 * Who a report's participant is: matched by email, by a remembered alias or by the folded
 * name (docs/decisions/007), and the seats people held on a call's date.
 */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { attendanceAliases, type MatchMethod, people, type SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isAdmittedSql } from '#src/features/admission/index.ts'
import type { Participant } from './parse/index.ts'
import { foldName } from './parse/names.ts'

/** A seat a person held on the call's date, in an organisation admitted that day. */
export type HeldSeat = { organizationId: string; organizationName: string; slug: string; role: SeatRole }

/** What the matcher knows: people by email, by folded name, and the remembered aliases. */
export type Directory = {
  byEmail: Map<string, string>
  /** Folded full name → person id; null when two people share it (no match by name then). */
  byName: Map<string, string | null>
  emailAlias: Map<string, string | null>
  nameAlias: Map<string, string | null>
  names: Map<string, string>
}

export async function loadDirectory(db: DbOrTx): Promise<Directory> {
  const everyone = await db
    .select({ id: people.id, fullName: people.fullName, email: people.email })
    .from(people)
  const aliases = await db
    .select({
      kind: attendanceAliases.kind,
      key: attendanceAliases.key,
      personId: attendanceAliases.personId,
    })
    .from(attendanceAliases)
  const directory: Directory = {
    byEmail: new Map(),
    byName: new Map(),
    emailAlias: new Map(),
    nameAlias: new Map(),
    names: new Map(),
  }
  for (const person of everyone) {
    directory.byEmail.set(person.email.toLowerCase(), person.id)
    const key = foldName(person.fullName)
    directory.byName.set(key, directory.byName.has(key) ? null : person.id)
    directory.names.set(person.id, person.fullName)
  }
  for (const alias of aliases) {
    ;(alias.kind === 'email' ? directory.emailAlias : directory.nameAlias).set(alias.key, alias.personId)
  }
  return directory
}

export type Matched = { personId: string | null; match: MatchMethod | null }

/** Email (any case), then a remembered alias (email or name), then the name folded; otherwise unmatched. */
export function matchParticipant(
  directory: Directory,
  participant: Pick<Participant, 'name' | 'email'>,
): Matched {
  const email = participant.email?.toLowerCase() ?? null
  if (email) {
    const byEmail = directory.byEmail.get(email)
    if (byEmail) return { personId: byEmail, match: 'email' }
    if (directory.emailAlias.has(email)) {
      const personId = directory.emailAlias.get(email) ?? null
      return { personId, match: personId ? 'alias' : 'guest' }
    }
  }
  const key = foldName(participant.name)
  if (directory.nameAlias.has(key)) {
    const personId = directory.nameAlias.get(key) ?? null
    return { personId, match: personId ? 'alias' : 'guest' }
  }
  const byName = directory.byName.get(key)
  if (byName) return { personId: byName, match: 'name' }
  return { personId: null, match: null }
}

/** Everyone holding a seat on `onDate` in an organisation admitted that day, by person. */
export async function seatsOn(db: DbOrTx, onDate: string): Promise<Map<string, HeldSeat[]>> {
  const rows = await queryRows<{
    person_id: string
    role: SeatRole
    organization_id: string
    name: string
    slug: string
  }>(
    db,
    sql`select s.person_id, s.role, o.id as organization_id, o.name, o.slug
      from seats s join organizations o on o.id = s.organization_id
      where s.starts_on <= ${onDate}::date and (s.ends_on is null or s.ends_on > ${onDate}::date)
        and ${isAdmittedSql(sql`o.id`, onDate)}
      order by o.name, s.role desc`,
  )
  const byPerson = new Map<string, HeldSeat[]>()
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? []
    list.push({
      organizationId: row.organization_id,
      organizationName: row.name,
      slug: row.slug,
      role: row.role,
    })
    byPerson.set(row.person_id, list)
  }
  return byPerson
}
