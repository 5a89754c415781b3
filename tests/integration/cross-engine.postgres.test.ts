import { readFile } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { exportNetworkText } from '../../src/features/transfer/export-network.ts'
import { textSource } from '../../src/features/transfer/format.ts'
import { importNetwork } from '../../src/features/transfer/import-network.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { createTestApp, eventually } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/** A migrated PGlite beside the server: the snapshot the pglite project uses is made on demand here. */
async function createPglite(): Promise<Database> {
  const snapshot = inject('pgliteSnapshot')
  if (snapshot) return openDatabase({ kind: 'pglite', loadDataDir: new Blob([await readFile(snapshot)]) })
  const { migrateDatabase } = await import('../../src/db/migrate.ts')
  const database = await openDatabase({ kind: 'pglite' })
  await migrateDatabase(database)
  return database
}

describe('PGlite and PostgreSQL hold the same network', () => {
  let server: TestDatabase
  let embedded: Database

  beforeAll(async () => {
    server = await createTestDatabase()
    embedded = await createPglite()
  })
  afterAll(async () => {
    await server.drop()
    await embedded.close()
  })

  it('gives the same API answers after loading the demo into each', async () => {
    await loadDemo(server.db, { isProduction: false, today: DEMO_TODAY })
    await loadDemo(embedded.db, { isProduction: false, today: DEMO_TODAY })
    const onServer = await createTestApp(server)
    const onEmbedded = await createTestApp(embedded)
    try {
      for (const path of [
        '/api/v1/organizations',
        '/api/v1/organizations/amp-socal',
        '/api/v1/organizations?state=CA',
      ]) {
        const a = await (await onServer.app.request(path)).text()
        const b = await (await onEmbedded.app.request(path)).text()
        expect(a.length).toBeGreaterThan(100)
        expect(a).toBe(b)
      }
    } finally {
      await onServer.stop()
      await onEmbedded.stop()
    }
  })

  it('moves a network from PGlite to the server and back without losing anything', async () => {
    const fromEmbedded = await exportNetworkText(embedded.db)
    const target = await createTestDatabase()
    try {
      await importNetwork(target.db, textSource(fromEmbedded))
      const fromServer = await exportNetworkText(target.db)
      expect(fromServer).toBe(fromEmbedded)
      expect(fromServer).toBe(await exportNetworkText(server.db))
    } finally {
      await target.drop()
    }
  })
})

describe('page caches in two processes on one server', () => {
  let first: TestDatabase

  beforeAll(async () => {
    first = await createTestDatabase()
    await loadDemo(first.db, { isProduction: false, today: DEMO_TODAY })
  })
  afterAll(async () => {
    await first.drop()
  })

  it('drops a page in every process when another process changes the data', async () => {
    // A second pool on the same database stands for a second Hub process.
    const url = new URL(process.env.TEST_DATABASE_URL ?? '')
    const rows = await first.db.execute(sql`select current_database() as name`)
    url.pathname = `/${(rows as unknown as { rows: { name: string }[] }).rows[0]?.name}`
    const second = await openDatabase({ kind: 'postgres', url: url.toString() })
    const reader = await createTestApp(second)
    try {
      await reader.app.request('/organizations/amp-socal')
      expect((await reader.app.request('/organizations/amp-socal')).headers.get('x-cache')).toBe('hit')
      const before = reader.watcher.current() ?? 0
      await first.db.execute(
        sql`update organizations set short_name = 'AMP SoCal (renamed)' where slug = 'amp-socal'`,
      )
      await eventually(() => (reader.watcher.current() ?? 0) > before)
      const res = await reader.app.request('/organizations/amp-socal')
      expect(res.headers.get('x-cache')).toBe('miss')
      expect(await res.text()).toContain('AMP SoCal (renamed)')
    } finally {
      await reader.stop()
      await second.close()
    }
  })
})
