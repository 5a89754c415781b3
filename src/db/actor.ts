import { sql } from 'drizzle-orm'
import type { Db, Tx } from './client.ts'

/** Who a write is recorded against in the audit log. */
export type Actor = `person:${string}` | `token:${string}` | `user:${string}` | 'cli' | 'system' | 'anonymous'

/**
 * Runs `work` in one transaction whose writes the audit log records against `actor`.
 * @example await writeAs(db, `person:${me.id}`, (tx) => tx.update(organizations).set(...))
 */
export function writeAs<T>(db: Db, actor: Actor, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('hub.actor', ${actor}, true)`)
    return work(tx)
  })
}
