import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { readExtract } from '../../src/features/grants/extract-reader.ts'
import {
  ExtractSyntaxError,
  importExtract,
  knownElements,
  type Opportunity,
  toOpportunity,
} from '../../src/features/grants/index.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SAMPLE = path.resolve(import.meta.dirname, '../support/fixtures/grants/GrantsDBExtract20250115v2.xml')
const by = { personId: null, actor: 'system' as const }

async function* textSource(text: string) {
  yield new TextEncoder().encode(text)
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

async function storedOpportunities(database: TestDatabase): Promise<Record<string, Record<string, unknown>>> {
  const rows = await queryRows<Record<string, unknown>>(
    database.db,
    sql`select o.*, award_ceiling::text as award_ceiling, award_floor::text as award_floor,
        total_funding::text as total_funding, expected_awards::text as expected_awards,
        post_date::text as post_date, close_date::text as close_date, last_updated::text as last_updated,
        archive_date::text as archive_date, estimated_post_date::text as estimated_post_date,
        estimated_close_date::text as estimated_close_date, estimated_award_date::text as estimated_award_date,
        estimated_project_start::text as estimated_project_start, extract_date::text as extract_date
      from grant_opportunities o order by opportunity_id`,
  )
  return Object.fromEntries(rows.map((row) => [String(row.opportunity_id), row]))
}

describe(`importing a Grants.gov extract on ${testEngine}`, () => {
  let database: TestDatabase
  let sample: string

  beforeAll(async () => {
    database = await createTestDatabase()
    sample = await readFile(SAMPLE, 'utf8')
  })
  afterAll(async () => {
    await database?.drop()
  })

  const run = (fileName: string, text: string) =>
    importExtract(database.db, { fileName, source: textSource(text), via: 'cli', by, today: '2025-02-01' })

  it('keeps every field of every opportunity of the sample exactly', async () => {
    const expected: Opportunity[] = []
    await readExtract(createReadStream(SAMPLE), {
      known: knownElements,
      record: (r) => void expected.push(toOpportunity(r)),
    })
    const result = await run('GrantsDBExtract20250115v2.xml', sample)
    expect(result).toMatchObject({
      extractDate: '2025-01-15',
      records: 4,
      added: 4,
      updated: 0,
      unchanged: 0,
      closed: 0,
    })
    const stored = await storedOpportunities(database)
    expect(Object.keys(stored)).toEqual(['990001', '990002', '990003', '990004'])
    for (const opportunity of expected) {
      const row = stored[opportunity.opportunityId] ?? {}
      const asStored = Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          camel(key),
          typeof value === 'string' && /^\d+$/.test(value) && key !== 'opportunity_id'
            ? Number(value)
            : value,
        ]),
      )
      for (const [field, value] of Object.entries(opportunity))
        expect([field, asStored[field]]).toEqual([field, value])
      expect(row.extract_date).toBe('2025-01-15')
    }
    const [recorded] = await queryRows<{ status: string; records: number; added: number; sha256: string }>(
      database.db,
      sql`select status, records, added, sha256 from grant_imports where id = ${result.importId}::uuid`,
    )
    expect(recorded).toEqual({ status: 'done', records: 4, added: 4, sha256: result.sha256 })
  })

  it('changes nothing when the same extract comes again', async () => {
    const before = await storedOpportunities(database)
    const again = await run('GrantsDBExtract20250115v2.xml', sample)
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4 })
    expect(await storedOpportunities(database)).toEqual(before)
  })

  it('never lets an older extract overwrite a newer version, and takes a newer one', async () => {
    const older = sample
      .replace('<Version>Synopsis 2</Version>', '<Version>Synopsis 1</Version>')
      .replace('Regional Manufacturing Ecosystem Implementation Grants', 'An older title')
    const stale = await run('GrantsDBExtract20250101v2.xml', older)
    expect(stale).toMatchObject({ added: 0, updated: 0, unchanged: 4 })
    expect((await storedOpportunities(database))['990001']?.title).toContain(
      'Regional Manufacturing Ecosystem',
    )
    const newer = sample
      .replace('<Version>Synopsis 2</Version>', '<Version>Synopsis 3</Version>')
      .replace('<CloseDate>04152025</CloseDate>', '<CloseDate>05302025</CloseDate>')
    const fresh = await run('GrantsDBExtract20250301v2.xml', newer)
    expect(fresh).toMatchObject({ added: 0, updated: 1, unchanged: 3, closed: 1 })
    const kept = (await storedOpportunities(database))['990001']
    expect(kept).toMatchObject({
      close_date: '2025-05-30',
      version_label: 'Synopsis 3',
      extract_date: '2025-03-01',
    })
  })

  it('refuses a damaged file with where it broke, writing no opportunity, and records the failure', async () => {
    const before = await storedOpportunities(database)
    const damaged = `${sample.replace('<OpportunityID>990003</OpportunityID>', '<OpportunityID>990099</OpportunityID>').slice(0, -40)}`
    const error = await run('GrantsDBExtract20250401v2.xml', damaged).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExtractSyntaxError)
    expect(await storedOpportunities(database)).toEqual(before)
    const [failed] = await queryRows<{ status: string; problem: string }>(
      database.db,
      sql`select status, problem from grant_imports where extract_date = '2025-04-01'`,
    )
    expect(failed?.status).toBe('failed')
    expect(failed?.problem).toMatch(/^line \d+, column \d+: /)
  })
})
