import { type SQL, sql } from 'drizzle-orm'

/**
 * SQL for "the organisation's admission state on a date": the latest event on or
 * before it. Admitted means the latest event admitted or reinstated it.
 * Joins as `adm` with columns kind and effective_on and admitted_on.
 */
export function admissionStateJoin(orgAlias: SQL, onDate: string): SQL {
  return sql`join lateral (
    select e.kind, e.effective_on::text as effective_on,
      (select max(a.effective_on)::text from admission_events a
        where a.organization_id = ${orgAlias}.id and a.kind in ('admitted', 'reinstated') and a.effective_on <= ${onDate}::date
      ) as admitted_on
    from admission_events e
    where e.organization_id = ${orgAlias}.id and e.effective_on <= ${onDate}::date
    order by e.effective_on desc, e.recorded_at desc, e.id desc
    limit 1
  ) adm on adm.kind in ('admitted', 'reinstated')`
}
