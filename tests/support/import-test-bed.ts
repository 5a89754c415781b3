import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createTestApp, type TestApp } from './test-app.ts'
import { createTestDatabase, type TestDatabase } from './test-database.ts'

export type ImportTestBed = { database: TestDatabase; t: TestApp; dir: string }

/**
 * For a file of import tests: a database of its own, the app over it and a folder for the files
 * it writes, opened before its tests and dropped after. Read the fields inside tests and hooks.
 */
export function importTestBed(folderPrefix: string): ImportTestBed {
  const bed = {} as ImportTestBed
  beforeAll(async () => {
    bed.database = await createTestDatabase()
    bed.t = await createTestApp(bed.database)
    bed.dir = await mkdtemp(path.join(os.tmpdir(), folderPrefix))
  })
  afterAll(async () => {
    await bed.t?.stop()
    await bed.database?.drop()
    if (bed.dir) await rm(bed.dir, { recursive: true, force: true })
  })
  return bed
}
