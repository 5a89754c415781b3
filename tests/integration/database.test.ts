import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectedMigrations, migrationState } from '../../src/db/migrate.ts'
import { queryRows } from '../../src/db/sql.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`a fresh test database on ${testEngine}`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database.drop()
  })

  it('has every migration applied', async () => {
    const shipped = expectedMigrations().length
    expect(shipped).toBeGreaterThan(2)
    expect(await migrationState(database)).toEqual({ applied: shipped, expected: shipped, isCurrent: true })
  })

  it('bumps the content version when an organisation is written', async () => {
    const before = await queryRows<{ v: number }>(
      database.db,
      sql`select version::int as v from content_version`,
    )
    await database.db.execute(
      sql`insert into organizations (slug, name, category) values ('test-org', 'Test Org', 'member')`,
    )
    const after = await queryRows<{ v: number }>(
      database.db,
      sql`select version::int as v from content_version`,
    )
    expect(after[0]?.v).toBe((before[0]?.v ?? 0) + 1)
  })
})
