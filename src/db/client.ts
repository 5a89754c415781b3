import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type { Notification } from 'pg'
import { type Clock, clockOffsetMs } from '#src/lib/clock.ts'
import { AppError } from '#src/lib/errors.ts'
import { withTextTypes } from './pglite-parsers.ts'
import * as schema from './schema/index.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type DbOrTx = Db | Tx
export type DatabaseKind = 'pglite' | 'postgres'

export type Database = {
  db: Db
  kind: DatabaseKind
  /** Where the data lives, for the start-up message (a folder or a server without its password). */
  location: string
  /** Calls `onNotify` for every NOTIFY on `channel`; returns a function that stops listening. */
  listen: (
    channel: string,
    onNotify: (payload: string) => void,
    onLost?: (error: Error) => void,
  ) => Promise<() => Promise<void>>
  /** Runs `work` while holding a PostgreSQL advisory lock, so only one process at a time does it. */
  withAdvisoryLock: <T>(key: number, work: () => Promise<T>) => Promise<T>
  close: () => Promise<void>
}

export type OpenOptions = (
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; bufferPool?: BufferPool }
  | {
      kind: 'postgres'
      url: string
      maxConnections?: number
      /** Open without checking that the server answers (tests of a server that is gone). */
      isLazy?: boolean
    }
) & {
  /** The Hub's clock: every connection's hub_now() follows it (the machine's clock when absent). */
  clock?: Clock
}

/** The one place that opens a database connection. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.kind === 'pglite' ? openPglite(options) : openPostgres(options)
}

/** Sets this connection's hub_now() to the clock (see migration 0010); PGlite has one connection. */
const SET_CLOCK = "select set_config('hub.clock_offset_ms', $1, false)"
const offsetOf = (clock: Clock | undefined) => String(clock ? clockOffsetMs(clock) : 0)

/**
 * PGlite's buffer pool. Its engine lives in WebAssembly memory that grows and never shrinks, and
 * the pool (128 MB by default) fills on the first big write: a 200 MB WordPress import grew it to
 * about 400 MB. So a command (an import, an export, a report) runs with 16 MB, which keeps the
 * engine within its initial 128 MB; the files it reads are in the operating system's cache anyway.
 * A Hub that serves pages keeps PGlite's default: with 16 MB a phrase search over 10,000 documents
 * read some 8,000 pages back through the file system on every search (108 ms against 77).
 */
export const BUFFER_POOLS = { small: '16MB', serving: '128MB' } as const
export type BufferPool = keyof typeof BUFFER_POOLS

async function openPglite(options: {
  dataDir?: string
  loadDataDir?: Blob
  bufferPool?: BufferPool
  clock?: Clock
}): Promise<Database> {
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true })
  // Each engine's driver is loaded only when it is opened: PGlite's alone is about 48 MB of RSS,
  // which a Hub or a `hub grants import` on the server never needs.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ])
  const client: PGlite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${BUFFER_POOLS[options.bufferPool ?? 'small']}`,
    ],
  })
  await client.query(SET_CLOCK, [offsetOf(options.clock)])
  const db = drizzlePglite({ client: withTextTypes(client), schema }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    location: options.dataDir ? path.resolve(options.dataDir) : 'memory',
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, onNotify)
      return async () => stop()
    },
    // One process owns a PGlite data folder, so there is nobody to lock against.
    withAdvisoryLock: (_key, work) => work(),
    close: () => client.close(),
  }
}

async function openPostgres(options: {
  url: string
  maxConnections?: number
  isLazy?: boolean
  clock?: Clock
}): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzlePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
  ])
  const pool = new pg.Pool({
    connectionString: options.url, // Two at least: an advisory lock holds one connection while the work uses another.
    max: Math.max(2, options.maxConnections ?? 10),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: STATEMENT_TIMEOUT_MS,
    keepAlive: true,
    // Every connection's hub_now() follows the clock from its start (a start-up parameter, so
    // no extra query runs before the first one a connection is lent for).
    options: `-c hub.clock_offset_ms=${offsetOf(options.clock)}`,
  })
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {})
  try {
    if (!options.isLazy) (await pool.connect()).release()
  } catch (error) {
    await pool.end().catch(() => {})
    throw new AppError('DATABASE_UNAVAILABLE', {
      userMessage: `cannot reach the PostgreSQL server at ${redactUrl(options.url)}: ${(error as Error).message}`,
      cause: error,
    })
  }
  const db = drizzlePg({ client: pool, schema }) as unknown as Db
  return {
    db,
    kind: 'postgres',
    location: redactUrl(options.url),
    listen: async (channel, onNotify, onLost) => {
      const client = await pool.connect()
      let isReleased = false
      // A broken client goes back with its error, so that the pool discards it instead of keeping
      // it checked out for ever (nine lost listeners used to fill the pool and hang every request).
      const release = (error?: Error) => {
        if (isReleased) return
        isReleased = true
        client.off('notification', notify)
        client.off('error', lose)
        client.off('end', ended)
        // A discarded client may still report its dying socket: that must not crash the process.
        if (error) client.on('error', () => {})
        client.release(error)
      }
      const notify = (message: Notification) => {
        if (message.channel === channel) onNotify(message.payload ?? '')
      }
      const lose = (error: Error) => {
        if (isReleased) return
        release(error)
        onLost?.(error)
      }
      const ended = () => lose(new Error('Connection terminated'))
      client.on('notification', notify)
      client.on('error', lose)
      client.on('end', ended)
      try {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      } catch (error) {
        release(error as Error)
        throw error
      }
      return async () => {
        if (isReleased) return
        try {
          await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`)
          release()
        } catch (error) {
          release(error as Error)
        }
      }
    },
    withAdvisoryLock: async (key, work) => {
      // Session-level locks belong to one connection: hold one for the whole duration.
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock($1)', [key])
        return await work()
      } finally {
        await client.query('select pg_advisory_unlock($1)', [key]).catch(() => {})
        client.release()
      }
    },
    close: () => pool.end(),
  }
}

// Timeouts of the server pool, so that a lost server makes requests fail fast (503) instead of
// queueing for ever. Connecting: a healthy server answers in milliseconds, and a person waiting for
// a page should hear "try again" within seconds. Idle: connections unused for 30 s are closed, so
// dead sockets from a restarted server do not linger. Statements: the slowest legitimate work (an
// import of a whole network, a migration) takes seconds; a minute means something is stuck, and the
// server cancels it. The client-side query timeout is a little longer, for a server that stopped
// answering without closing the socket (the server's own, clearer error wins when it can speak).
const CONNECT_TIMEOUT_MS = 5_000
const IDLE_TIMEOUT_MS = 30_000
const STATEMENT_TIMEOUT_MS = 60_000
const QUERY_TIMEOUT_MS = 65_000

/** A connection string without its password, fit for logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'the configured DATABASE_URL'
  }
}
