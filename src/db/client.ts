import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { AppError } from '#src/lib/errors.ts'
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

export type OpenOptions =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number }

/** The one place that opens a database connection. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.kind === 'pglite' ? openPglite(options) : openPostgres(options)
}

async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true })
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir })
  const db = drizzlePglite({ client, schema }) as unknown as Db
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

async function openPostgres(options: { url: string; maxConnections?: number }): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url, // Two at least: an advisory lock holds one connection while the work uses another.
    max: Math.max(2, options.maxConnections ?? 10),
  })
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {})
  try {
    const probe = await pool.connect()
    probe.release()
  } catch (error) {
    await pool.end().catch(() => {})
    throw new AppError('DATABASE_UNREACHABLE', {
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
      let isStopped = false
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify(message.payload ?? '')
      })
      client.on('error', (error) => {
        if (!isStopped) onLost?.(error)
      })
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
      return async () => {
        isStopped = true
        await client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {})
        client.release()
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
