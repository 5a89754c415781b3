import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { exportNetwork, type NetworkExport } from '../../src/features/transfer/export-network.ts'
import { importNetwork } from '../../src/features/transfer/import-network.ts'
import { countRows } from '../../src/features/transfer/tables.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`export and import on ${testEngine}`, () => {
  let source: TestDatabase
  let exported: NetworkExport

  beforeAll(async () => {
    source = await createTestDatabase()
    await loadDemo(source.db, { isProduction: false, today: DEMO_TODAY })
    exported = await exportNetwork(source.db)
  })
  afterAll(async () => {
    await source.drop()
  })

  it('exports every table of the network with its rows', () => {
    const counts = Object.fromEntries(
      Object.entries(exported.tables).map(([name, rows]) => [name, rows.length]),
    )
    expect(counts.organizations).toBeGreaterThan(30)
    expect(counts.calls).toBe(52)
    expect(counts.attendance).toBeGreaterThan(500)
    expect(Object.keys(exported.tables)).not.toContain('content_version')
  })

  it('imports into an empty database and exports the same document again', async () => {
    const target = await createTestDatabase()
    try {
      await importNetwork(target.db, JSON.parse(JSON.stringify(exported)))
      expect(JSON.stringify(await exportNetwork(target.db))).toBe(JSON.stringify(exported))
    } finally {
      await target.drop()
    }
  })

  it('refuses to import into a database that has data, and changes nothing', async () => {
    const before = await countRows(source.db)
    await expect(importNetwork(source.db, exported)).rejects.toThrow(/not empty.*organizations/)
    expect(await countRows(source.db)).toEqual(before)
  })

  it('imports nothing when one row is bad', async () => {
    const target = await createTestDatabase()
    try {
      const broken = structuredClone(exported)
      const calls = broken.tables.calls ?? []
      calls[calls.length - 1] = { ...calls[calls.length - 1], duration_minutes: -5 }
      await expect(importNetwork(target.db, broken)).rejects.toThrow(
        /cannot import calls.*nothing was imported/,
      )
      const rows = await queryRows<{ n: number }>(
        target.db,
        sql`select count(*)::int as n from organizations`,
      )
      expect(rows[0]?.n).toBe(0)
    } finally {
      await target.drop()
    }
  })

  it('refuses a document that is not an export, or from another schema, with the reason', async () => {
    const target = await createTestDatabase()
    try {
      await expect(importNetwork(target.db, { hello: 'world' })).rejects.toThrow(
        /not a Collaborative Hub export: format/,
      )
      await expect(importNetwork(target.db, { ...exported, schema: '0000_other' })).rejects.toThrow(
        /made with schema 0000_other/,
      )
      const extraColumn = structuredClone(exported)
      extraColumn.tables.organizations = [{ ...exported.tables.organizations?.[0], secret: 1 }]
      await expect(importNetwork(target.db, extraColumn)).rejects.toThrow(/organizations row 1 .*secret/)
    } finally {
      await target.drop()
    }
  })

  it('never loads the demo in production, nor into a database that has data', async () => {
    const target = await createTestDatabase()
    try {
      await expect(loadDemo(target.db, { isProduction: true })).rejects.toThrow(
        /never loaded when NODE_ENV=production/,
      )
    } finally {
      await target.drop()
    }
    await expect(loadDemo(source.db, { isProduction: false })).rejects.toThrow(/not empty/)
  })
})
