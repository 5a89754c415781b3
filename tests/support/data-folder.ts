import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { openDatabase } from '../../src/db/client.ts'
import { createTestDatabase, testEngine } from './test-database.ts'

export type DataFolder = { dir: string; env: { DATA_DIR: string }; drop: () => Promise<void> }

/**
 * A data folder for a child `hub` process, holding the migrated, empty database every test file
 * starts from (the run's snapshot, tests/support/global-setup.ts): the same start a fresh server
 * database gets from its template. The child then skips PGlite's first start in a new folder, which
 * costs about 15 seconds and 860 MB each time.
 */
export async function migratedDataFolder(prefix = 'hub-data-'): Promise<DataFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  const snapshot = await readFile(inject('pgliteSnapshot'))
  const database = await openDatabase({
    kind: 'pglite',
    dataDir: path.join(dir, 'pglite'),
    loadDataDir: new Blob([snapshot]),
  })
  await database.close()
  return { dir, env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * The database a child `hub` command works on, on this run's engine: a fresh server database
 * (DATABASE_URL) or a migrated PGlite data folder (DATA_DIR), so that the child's work and memory
 * are its own and not a new database's; with its drop.
 */
export async function commandDatabase(
  prefix: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testEngine === 'postgres') {
    const server = await createTestDatabase()
    return { env: { DATABASE_URL: server.url as string }, drop: () => server.drop() }
  }
  const folder = await migratedDataFolder(prefix)
  return { env: folder.env, drop: folder.drop }
}
