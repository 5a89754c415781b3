import { type SQL, sql } from 'drizzle-orm'
import { ADMITTED_STATES } from './states.ts'

/** The admitted states as an SQL list, from the one rule in states.ts. */
const admittedList = sql.raw(`(${ADMITTED_STATES.map((state) => `'${state}'`).join(', ')})`)

/** SQL: whether an admission event kind (a column or value) admits, e.g. sql`e.kind`. */
export const isAdmittingKindSql = (kind: SQL): SQL => sql`${kind} in ${admittedList}`

/** SQL for the organisation's admission state on `onDate`: the kind of the latest event on or before it. */
export function admissionStateSql(organizationId: SQL, onDate: string): SQL {
  return sql`(select e.kind from admission_events e where e.organization_id = ${organizationId}
    and e.effective_on <= ${onDate}::date order by e.effective_on desc, e.recorded_at desc, e.id desc limit 1)`
}

/**
 * SQL: whether the organisation is admitted on `onDate` (false before its first event).
 * @example sql`select o.id from organizations o where ${isAdmittedSql(sql`o.id`, today)}`
 */
export const isAdmittedSql = (organizationId: SQL, onDate: string): SQL =>
  sql`coalesce(${isAdmittingKindSql(admissionStateSql(organizationId, onDate))}, false)`

/**
 * SQL joining each organisation (alias `orgAlias`) admitted on `onDate` to its state as `adm`,
 * with columns kind, effective_on and admitted_on (its latest admission or reinstatement).
 */
export function admissionStateJoin(orgAlias: SQL, onDate: string): SQL {
  return sql`join lateral (
    select e.kind, e.effective_on::text as effective_on,
      (select max(a.effective_on)::text from admission_events a
        where a.organization_id = ${orgAlias}.id and ${isAdmittingKindSql(sql`a.kind`)} and a.effective_on <= ${onDate}::date
      ) as admitted_on
    from admission_events e
    where e.organization_id = ${orgAlias}.id and e.effective_on <= ${onDate}::date
    order by e.effective_on desc, e.recorded_at desc, e.id desc
    limit 1
  ) adm on ${isAdmittingKindSql(sql`adm.kind`)}`
}
