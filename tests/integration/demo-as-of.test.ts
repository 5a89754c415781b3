import path from 'node:path'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { runHub, startHubProcess } from '../support/run-hub.ts'
import { eventually } from '../support/test-app.ts'
import { createTestDatabase, testEngine } from '../support/test-database.ts'

const AS_OF = '2026-03-02'

/**
 * A hub command's empty, migrated database (the run's PGlite snapshot, or a server database from the
 * template), opened again by the test once the command has finished with it.
 */
async function emptyTarget(): Promise<{
  env: Record<string, string>
  open: () => Promise<Database>
  drop: () => Promise<unknown>
}> {
  if (testEngine === 'postgres') {
    const database = await createTestDatabase()
    await database.close()
    const url = database.url ?? ''
    return {
      env: { DATABASE_URL: url },
      open: () => openDatabase({ kind: 'postgres', url }),
      drop: () => database.drop().catch(() => {}),
    }
  }
  const folder = await migratedDataFolder('hub-as-of-')
  return {
    env: folder.env,
    open: () => openDatabase({ kind: 'pglite', dataDir: path.join(folder.dir, 'pglite') }),
    drop: folder.drop,
  }
}

/** What the demo recorded after its day: attendance, given presentations, sharing. */
async function recordsAfter(database: Database, day: string) {
  const [row] = await queryRows<{ attendance: number; before: number; given: number; shared: number }>(
    database.db,
    sql`select
      (select count(*)::int from attendance a join calls c on c.id = a.call_id where c.local_date >= ${day}::date) as attendance,
      (select count(*)::int from attendance a join calls c on c.id = a.call_id where c.local_date < ${day}::date) as before,
      (select count(*)::int from presentations p join calls c on c.id = p.call_id
        where p.status = 'given' and c.local_date >= ${day}::date) as given,
      (select count(*)::int from sharing_attestations where shared_on > ${day}::date) as shared`,
  )
  return row
}

describe(`the demo is built as of the Hub's day (HUB_TODAY) on ${testEngine}`, () => {
  it('hub demo records nothing after HUB_TODAY', async () => {
    const target = await emptyTarget()
    try {
      const run = await runHub(['demo'], { ...target.env, HUB_TODAY: AS_OF })
      expect(run.stderr).toMatch(/^Loaded the demo network/)
      const database = await target.open()
      try {
        const after = await recordsAfter(database, AS_OF)
        expect(after).toMatchObject({ attendance: 0, given: 0, shared: 0 })
        expect(after?.before).toBeGreaterThan(0)
      } finally {
        await database.close()
      }
    } finally {
      await target.drop()
    }
  }, 180_000)

  it('the first start loads the demo as of HUB_TODAY and says so', async () => {
    const target = await emptyTarget()
    try {
      const hub = await startHubProcess({ ...target.env, HUB_TODAY: AS_OF })
      // The line follows "listening on": wait for it before stopping the Hub (a signal could cut it).
      const saysAsOf = () => hub.output().includes(`Working as of ${AS_OF} (HUB_TODAY)`)
      await eventually(saysAsOf, 10_000).catch(() => {})
      await hub.stop()
      expect(hub.output()).toContain(`Working as of ${AS_OF} (HUB_TODAY)`)
      const database = await target.open()
      try {
        expect(await recordsAfter(database, AS_OF)).toMatchObject({ attendance: 0, given: 0, shared: 0 })
      } finally {
        await database.close()
      }
    } finally {
      await target.drop()
    }
  }, 180_000)
})
