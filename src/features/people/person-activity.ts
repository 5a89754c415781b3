import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { isoSql } from './person-sql.ts'

export type ActivityEntry = {
  id: string
  at: string
  action: 'insert' | 'update' | 'delete' | 'api_call'
  tableName: string | null
  /** The names of the fields an update changed (never their values: the page shows no secrets). */
  changed: string[] | null
  /** Who did it: a person's name, or the recorded actor ('system', 'cli', an API token). */
  actor: string
  /** Whether the person did it themselves (else it was done about them). */
  isOwn: boolean
}

/** How many entries the person page shows. */
export const ACTIVITY_LIMIT = 20

/**
 * The newest audit entries by the person (their actor) or about them (their person record,
 * account, seats, staff and board terms and invitations), newest first. Each branch reads
 * through an index of the log (actor, or table and record), then the newest are kept.
 */
export async function personActivity(
  db: DbOrTx,
  person: { id: string; userId: string | null; recordIds: { table: string; id: string }[] },
): Promise<ActivityEntry[]> {
  const actors = [`person:${person.id}`, ...(person.userId ? [`user:${person.userId}`] : [])]
  const records = [
    { table: 'people', id: person.id },
    ...(person.userId ? [{ table: 'auth_users', id: person.userId }] : []),
    ...person.recordIds,
  ]
  const branch = (where: ReturnType<typeof sql>) =>
    sql`(select a.id from audit_log a where ${where} order by a.at desc, a.id desc limit ${ACTIVITY_LIMIT})`
  const ids = sql.join(
    [
      branch(
        sql`a.actor in (${sql.join(
          actors.map((a) => sql`${a}`),
          sql`, `,
        )})`,
      ),
      ...records.map((r) => branch(sql`a.table_name = ${r.table} and a.record_id = ${r.id}`)),
    ],
    sql` union `,
  )
  return queryRows<ActivityEntry>(
    db,
    sql`select a.id, ${isoSql(sql`a.at`)} as at, a.action, a.table_name as "tableName", a.changed,
        coalesce(actor.full_name, a.actor) as actor,
        a.actor in (${sql.join(
          actors.map((a) => sql`${a}`),
          sql`, `,
        )}) as "isOwn"
      from audit_log a
        left join people actor on a.actor = 'person:' || actor.id::text
          or (a.actor like 'user:%' and actor.user_id = substr(a.actor, 6))
      where a.id in (${ids})
      order by a.at desc, a.id desc limit ${ACTIVITY_LIMIT}`,
  )
}
