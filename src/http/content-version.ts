import { sql } from 'drizzle-orm'
import type { Database } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { logger } from '#src/lib/logger.ts'

export const CONTENT_CHANNEL = 'hub_content_changed'

export type ContentVersionWatcher = {
  /** The newest content version this process knows of; undefined while it cannot know (do not cache). */
  current: () => number | undefined
  stop: () => Promise<void>
}

async function readVersion(database: Database): Promise<number> {
  const rows = await queryRows<{ v: number }>(
    database.db,
    sql`select version::float8 as v from content_version`,
  )
  return rows[0]?.v ?? 0
}

/**
 * Follows the database's content version: triggers bump it on every write and
 * NOTIFY every listening process, so a page cached under an older version is
 * never served again, whichever process made the change. If the listening
 * connection is lost, caching stops until it is back (docs/decisions/003): the
 * watcher reconnects with backoff (retryMs, doubling up to maxRetryMs) and reads
 * the version again once it listens.
 */
export async function watchContentVersion(
  database: Database,
  options: { retryMs?: number; maxRetryMs?: number } = {},
): Promise<ContentVersionWatcher> {
  const firstDelay = options.retryMs ?? 1000
  const maxDelay = options.maxRetryMs ?? 15_000
  let delay = firstDelay
  let known: number | undefined
  let stopListening: (() => Promise<void>) | undefined
  let isStopped = false
  let retry: NodeJS.Timeout | undefined
  // Each listener gets a number: a loss reported by an older one, or a version read while a newer
  // loss happened, must not make the watcher believe it knows the version.
  let generation = 0

  const onNotify = (payload: string) => {
    const version = Number(payload)
    if (Number.isFinite(version) && known !== undefined) known = Math.max(known, version)
  }
  const connect = async () => {
    const mine = ++generation
    let stop: (() => Promise<void>) | undefined
    try {
      stop = await database.listen(CONTENT_CHANNEL, onNotify, (error) => onLost(mine, error))
      if (isStopped || mine !== generation) {
        await stop()
        return
      }
      stopListening = stop
      // Read after listening, so that no change falls between the two.
      const version = await readVersion(database)
      if (isStopped || mine !== generation) return
      known = version
      delay = firstDelay
    } catch (error) {
      if (mine !== generation) return
      known = undefined
      stopListening = undefined
      await stop?.().catch(() => {})
      logger.warn({ err: error }, 'cannot follow content changes; pages are not cached until it can')
      scheduleRetry()
    }
  }
  const scheduleRetry = () => {
    if (isStopped || retry) return
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, delay)
    retry.unref()
    delay = Math.min(delay * 2, maxDelay)
  }
  function onLost(which: number, error: Error) {
    if (which !== generation) return
    generation++
    known = undefined
    stopListening = undefined
    logger.warn({ err: error }, 'lost the content-change listener; reconnecting')
    scheduleRetry()
  }

  await connect()
  return {
    current: () => known,
    stop: async () => {
      isStopped = true
      generation++
      if (retry) clearTimeout(retry)
      await stopListening?.().catch(() => {})
      stopListening = undefined
    },
  }
}
