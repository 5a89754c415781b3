import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { inject } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { testClock } from './fixtures.ts'
import { adminQuery, requireServerUrl, withDatabase } from './global-setup.ts'

export type TestDatabase = Database & {
  /** The server database's URL (postgres only), for a child process to connect to. */
  url?: string
  drop: () => Promise<void>
}

/** The engine this test project runs on: the same suite runs once on each. */
export const testEngine = (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite') as
  | 'pglite'
  | 'postgres'

/**
 * A fresh, migrated database of its own for one test file: a PGlite copy of the
 * run's snapshot, or a new PostgreSQL database made from the run's template.
 * `drop()` closes it and, on the server, drops it.
 */
export async function createTestDatabase(options: { today?: string } = {}): Promise<TestDatabase> {
  // The database's hub_now() follows the same clock as the app in tests, whatever the machine's date.
  const clock = testClock(options.today)
  if (testEngine === 'postgres') {
    const url = requireServerUrl()
    const name = `hub_test_${randomBytes(6).toString('hex')}`
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`)
    const database = await openDatabase({
      kind: 'postgres',
      url: withDatabase(url, name),
      maxConnections: 5,
      clock,
    })
    return {
      ...database,
      url: withDatabase(url, name),
      drop: async () => {
        // A test may have closed it already (a second end() of a pool rejects): drop it anyway.
        await database.close().catch(() => {})
        await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      },
    }
  }
  const snapshot = await readFile(inject('pgliteSnapshot'))
  const database = await openDatabase({ kind: 'pglite', loadDataDir: new Blob([snapshot]), clock })
  return { ...database, drop: () => database.close() }
}
