import { type SQL, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { seatsHeldOnSql } from '#src/features/seats/index.ts'
import { PEOPLE_PAGE_SIZE, type PeopleFilters, type PersonRole } from './people-filters.ts'
import { type AccountState, accountStateSql, hasEmailSql, hasRoleSql } from './person-sql.ts'

export type PersonListItem = {
  id: string
  fullName: string
  email: string
  hasEmail: boolean
  /** The roles held on the day the list was read, in the filter's order. */
  roles: Exclude<PersonRole, 'none'>[]
  /** The seats held that day: 'Representative of AMP SoCal'. */
  seats: { role: 'representative' | 'alternate'; organization: string; slug: string }[]
  account: AccountState
}

const roleNames = ['staff', 'board', 'representative', 'alternate', 'applicant'] as const

function conditions(filters: PeopleFilters, today: string): SQL {
  const parts: SQL[] = [sql`true`]
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    parts.push(sql`(p.full_name ilike ${pattern} or p.email ilike ${pattern})`)
  }
  if (filters.role === 'none')
    parts.push(
      sql`not (${sql.join(
        roleNames.map((r) => hasRoleSql(r, today)),
        sql` or `,
      )})`,
    )
  else if (filters.role) parts.push(hasRoleSql(filters.role, today))
  if (filters.organization)
    parts.push(sql`(p.organization_id = ${filters.organization}::uuid or exists (select 1 from seats s
      where s.person_id = p.id and s.organization_id = ${filters.organization}::uuid))`)
  if (filters.cannotSignIn) parts.push(sql`p.user_id is null`)
  if (filters.noEmail) parts.push(sql`not (${hasEmailSql})`)
  return sql.join(parts, sql` and `)
}

/** One page of people, by name, with the filters applied, and how many match in all. */
export async function listPeople(
  db: DbOrTx,
  filters: PeopleFilters,
  today: string,
): Promise<{ people: PersonListItem[]; total: number }> {
  const where = conditions(filters, today)
  const offset = (filters.page - 1) * PEOPLE_PAGE_SIZE
  const [rows, counted] = await Promise.all([
    queryRows<Omit<PersonListItem, 'roles'> & Record<(typeof roleNames)[number], boolean>>(
      db,
      sql`select p.id, p.full_name as "fullName", p.email, ${hasEmailSql} as "hasEmail",
          ${sql.join(
            roleNames.map((r) => sql`${hasRoleSql(r, today)} as ${sql.identifier(r)}`),
            sql`, `,
          )},
          coalesce((select json_agg(json_build_object('role', s.role,
              'organization', coalesce(o.short_name, o.name), 'slug', o.slug) order by o.name, s.role desc)
            from ${seatsHeldOnSql(today)} s join organizations o on o.id = s.organization_id
            where s.person_id = p.id), '[]') as seats,
          ${accountStateSql} as account
        from people p where ${where}
        order by lower(p.full_name), p.id
        limit ${PEOPLE_PAGE_SIZE} offset ${offset}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from people p where ${where}`),
  ])
  return {
    people: rows.map(({ staff, board, representative, alternate, applicant, ...row }) => ({
      ...row,
      roles: roleNames.filter((_, i) => [staff, board, representative, alternate, applicant][i]),
    })),
    total: counted[0]?.total ?? 0,
  }
}

/** Every organisation, by name, for the filter. */
export function organizationChoices(db: DbOrTx): Promise<{ id: string; name: string }[]> {
  return queryRows(db, sql`select id, name from organizations order by lower(name), id`)
}
