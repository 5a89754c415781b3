import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { listAuditEntries, parseAuditQuery } from '../../src/features/audit/audit.ts'
import { NETWORK_TIME_ZONE } from '../../src/lib/clock.ts'
import { createOrganization } from '../support/factories.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** 9:30 pm on November 26 in New York, already November 27 in UTC. */
const LATE_EVENING = Date.parse('2026-11-27T02:30:00Z')

describe(`the audit log's days are the network's days, on ${testEngine}`, () => {
  let database: TestDatabase
  let organizationId: string

  beforeAll(async () => {
    database = await createTestDatabase()
    organizationId = (await createOrganization(database.db)).id
    // One change stamped late in the network's evening: hub_now() follows this transaction's offset.
    await writeAs(database.db, 'person:00000000-0000-4000-8000-000000000001', async (tx) => {
      await tx.execute(
        sql`select set_config('hub.clock_offset_ms', ${String(LATE_EVENING - Date.now())}, true)`,
      )
      await tx
        .update(organizations)
        .set({ summary: 'Changed late in the evening' })
        .where(eq(organizations.id, organizationId))
    })
  })
  afterAll(async () => {
    await database?.drop()
  })

  const entriesOn = async (query: Record<string, string>) =>
    (
      await listAuditEntries(database.db, {
        ...parseAuditQuery({ ...query, record: organizationId }),
        timeZone: NETWORK_TIME_ZONE,
      })
    ).entries.filter((e) => e.action === 'update')

  it('finds a change made at 9:30 pm on November 26 under that day, not the UTC one', async () => {
    expect(await entriesOn({ from: '2026-11-26', to: '2026-11-26' })).toHaveLength(1)
    expect(await entriesOn({ from: '2026-11-27', to: '2026-11-27' })).toHaveLength(0)
  })
})
