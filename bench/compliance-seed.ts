/** The network the compliance benchmark measures: 1,000 organisations and ten years of weekly calls. */
import { sql } from 'drizzle-orm'
import type { Database } from '#src/db/client.ts'

export const ORGANIZATIONS = 1000
export const FIRST_YEAR = 2017
export const LAST_YEAR = 2026
export const TODAY = '2026-11-26'

/** Everything in SQL with generate_series: one statement a table, deterministic (no random()). */
export async function seed(database: Database): Promise<void> {
  const { db } = database
  await db.execute(sql`insert into organizations (id, slug, name, category)
    select md5('org' || n)::uuid, 'bench-org-' || n, 'Bench community ' || lpad(n::text, 4, '0'),
      case when n % 10 = 0 then 'bff' else 'member' end
    from generate_series(1, ${ORGANIZATIONS}) n`)
  // Admitted on a day spread over the ten years; one in twenty withdrawn a year later.
  await db.execute(sql`insert into admission_events (organization_id, kind, effective_on)
    select md5('org' || n)::uuid, 'admitted', date '2017-01-02' + (n * 3) % 3600 from generate_series(1, ${ORGANIZATIONS}) n`)
  await db.execute(sql`insert into admission_events (organization_id, kind, effective_on)
    select md5('org' || n)::uuid, 'withdrawn', date '2017-01-02' + (n * 3) % 3600 + 365
    from generate_series(1, ${ORGANIZATIONS}) n where n % 20 = 0`)
  await db.execute(sql`insert into people (id, full_name, email)
    select md5('person' || n)::uuid, 'Bench person ' || n, 'bench' || n || '@example.org'
    from generate_series(1, ${ORGANIZATIONS * 2}) n`)
  await db.execute(sql`insert into seats (organization_id, role, person_id, starts_on)
    select md5('org' || ((n + 1) / 2))::uuid, case when n % 2 = 1 then 'representative' else 'alternate' end,
      md5('person' || n)::uuid, date '2017-01-02' + (((n + 1) / 2) * 3) % 3600
    from generate_series(1, ${ORGANIZATIONS * 2}) n`)
  await db.execute(sql`insert into calls (id, local_date, start_time, time_zone, starts_at, duration_minutes, status,
      cancel_reason, is_series, series_date)
    select md5('call' || d)::uuid, d::date, '13:00', 'America/New_York', d + time '18:00', 30,
      case when extract(doy from d)::int % 97 = 3 then 'cancelled' else 'scheduled' end,
      case when extract(doy from d)::int % 97 = 3 then 'Holiday' end, true, d::date
    from generate_series(date '2017-01-02', date '2026-12-28', interval '7 days') d`)
  // The representative attends about two calls in three while the organisation is admitted.
  await db.execute(sql`insert into attendance (call_id, person_id, seconds, source)
    select c.id, s.person_id, 1200 + (abs(hashtext(c.id::text || s.person_id::text)) % 600), 'demo'
    from calls c join seats s on s.role = 'representative' and s.starts_on <= c.local_date
    where c.status <> 'cancelled' and c.local_date < ${TODAY}::date
      and abs(hashtext(c.id::text || s.person_id::text)) % 3 <> 0`)
  await db.execute(sql`insert into sharing_attestations (organization_id, shared_on, audience, channel)
    select e.organization_id, q, 'Regional partners', 'Email newsletter'
    from admission_events e, generate_series(date '2017-01-15', date '2026-10-15', interval '3 months') q
    where e.kind = 'admitted' and q >= e.effective_on and abs(hashtext(e.organization_id::text || q::text)) % 4 <> 0`)
}
