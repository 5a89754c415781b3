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
