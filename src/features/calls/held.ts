import { type SQL, sql } from 'drizzle-orm'
import type { CallStatus } from '#src/db/schema/index.ts'

/** Held: not cancelled, and its day is over (DOMAIN rule). Nothing stores it. */
export const isHeld = (call: { status: CallStatus; localDate: string }, today: string): boolean =>
  call.status !== 'cancelled' && call.localDate < today

/**
 * The same rule in SQL, for the calls table under `alias`.
 * @example sql`select count(*) from calls c where ${heldCallSql('c', today)}`
 */
export const heldCallSql = (alias: string, today: string): SQL =>
  sql`${sql.raw(alias)}.status <> 'cancelled' and ${sql.raw(alias)}.local_date < ${today}::date`

/**
 * Still ahead at `now`: scheduled (not cancelled) and not yet over (its start plus its length
 * is after `now`). The next call is the first of these: during a call it is that call, with its
 * join details, and the moment it ends the next one.
 * @example sql`select ... from calls c where ${callAheadSql('c', now)} order by c.starts_at limit 1`
 */
export const callAheadSql = (alias: string, now: Date): SQL =>
  sql`${sql.raw(alias)}.status = 'scheduled'
    and ${sql.raw(alias)}.starts_at + make_interval(mins => ${sql.raw(alias)}.duration_minutes) > ${now.toISOString()}::timestamptz`
