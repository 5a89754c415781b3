import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'

/**
 * Results computed from the records, kept per process for as long as the database's content
 * version (bumped by a trigger in the same transaction as every write to a content table) has
 * not moved. The version is read from the database on every call, so a result is never served
 * after a write, whichever process made it, and without waiting for a notification.
 */
export class VersionedMemo<T> {
  readonly #entries = new Map<string, { version: number; value: Promise<T> }>()
  readonly #maxEntries: number

  constructor(maxEntries = 20) {
    this.#maxEntries = maxEntries
  }

  async get(db: DbOrTx, key: string, compute: () => Promise<T>): Promise<T> {
    const [row] = await queryRows<{ v: number }>(db, sql`select version::float8 as v from content_version`)
    const version = row?.v
    const hit = this.#entries.get(key)
    if (hit && version !== undefined && hit.version === version) return hit.value
    const value = compute()
    if (version === undefined) return value
    this.#entries.delete(key)
    this.#entries.set(key, { version, value })
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value
      if (oldest !== undefined) this.#entries.delete(oldest)
    }
    // A failed computation is not kept.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key)
    })
    return value
  }
}
