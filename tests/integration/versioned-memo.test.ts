import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VersionedMemo } from '#src/http/versioned-memo.ts'
import { writeAs } from '../../src/db/actor.ts'
import { settings } from '../../src/db/schema/index.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`results kept until the records change, on ${testEngine}`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })

  it('computes once while nothing changes, and again right after any write', async () => {
    const memo = new VersionedMemo<number>()
    let computed = 0
    const count = () =>
      memo.get(database.db, 'calls', async () => {
        computed++
        const result = (await database.db.execute(
          sql`select count(*)::int as n from settings`,
        )) as unknown as {
          rows: { n: number }[]
        }
        return result.rows[0]?.n ?? -1
      })
    expect(await count()).toBe(0)
    expect(await count()).toBe(0)
    expect(computed).toBe(1)
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values({ key: 'minimumAttendanceMinutes', value: 12 }),
    )
    // No waiting for a notification: the version is read from the database.
    expect(await count()).toBe(1)
    expect(computed).toBe(2)
  })

  it('does not keep a failed computation', async () => {
    const memo = new VersionedMemo<string>()
    await expect(memo.get(database.db, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await memo.get(database.db, 'k', async () => 'fine')).toBe('fine')
  })
})
