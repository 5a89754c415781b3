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
 * connection is lost, caching stops until it is back (docs/decisions/003).
 */
export async function watchContentVersion(
  database: Database,
  options: { retryMs?: number } = {},
): Promise<ContentVersionWatcher> {
  let known: number | undefined
  let stopListening: (() => Promise<void>) | undefined
  let isStopped = false
  let retry: NodeJS.Timeout | undefined

  const onNotify = (payload: string) => {
    const version = Number(payload)
    if (Number.isFinite(version) && known !== undefined) known = Math.max(known, version)
  }
  const connect = async () => {
    try {
      stopListening = await database.listen(CONTENT_CHANNEL, onNotify, onLost)
      // Read after listening, so that no change falls between the two.
      known = await readVersion(database)
    } catch (error) {
      known = undefined
      logger.warn({ err: error }, 'cannot follow content changes; pages are not cached until it can')
      scheduleRetry()
    }
  }
  const scheduleRetry = () => {
    if (isStopped || retry) return
    retry = setTimeout(() => {
      retry = undefined
      void connect()
    }, options.retryMs ?? 1000)
    retry.unref()
  }
  function onLost(error: Error) {
    known = undefined
    logger.warn({ err: error }, 'lost the content-change listener; reconnecting')
    stopListening = undefined
    scheduleRetry()
  }

  await connect()
  return {
    current: () => known,
    stop: async () => {
      isStopped = true
      if (retry) clearTimeout(retry)
      await stopListening?.().catch(() => {})
    },
  }
}
