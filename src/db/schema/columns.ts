import { sql } from 'drizzle-orm'
import { timestamp } from 'drizzle-orm/pg-core'

/**
 * A column that records when a row was written, stamped by the Hub's clock (`hub_now()`,
 * migration 0010; docs/decisions/011) rather than the server's own `now()`.
 * @example createdAt: writtenAt('created_at')
 */
export const writtenAt = (name: string) =>
  timestamp(name, { withTimezone: true, mode: 'string' }).notNull().default(sql`hub_now()`)
