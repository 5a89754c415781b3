import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { uploadQuotas } from '../../src/features/files/quota.ts'
import { addEvidence } from '../../src/features/membership/evidence.ts'
import { startApplication } from '../../src/features/membership/start-application.ts'
import { recordSharing } from '../../src/features/sharing/record-sharing.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const MB = 1024 * 1024
/** A small PDF (the content decides the kind). */
const pdf = (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 32)])

describe(`upload quotas on ${testEngine}`, () => {
  let database: TestDatabase
  const count = async (table: string) =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
    )[0]?.n

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
  })
  afterAll(async () => {
    await database.drop()
  })

  /** A new applicant's member draft, with no evidence yet. */
  async function emptyDraft(key: string) {
    const started = await startApplication(database.db, {
      category: 'member',
      organizationName: `Quota Works ${key}`,
      applicant: { fullName: `Quota Tester ${key}`, email: `quota-${key}@example.org` },
    })
    if (started.kind !== 'started') throw new Error('the draft was not started')
    return { applicationId: started.applicationId, personId: started.personId }
  }

  const addFile = (draft: { applicationId: string; personId: string }, bytes: Buffer, name = 'plan.pdf') =>
    addEvidence(database.db, { ...draft, criterion: 'plan', evidence: { file: { name, bytes } } })

  it("refuses an application's evidence file past the count, saying the limit and what is used", async () => {
    const draft = await emptyDraft('count')
    for (let i = 0; i < uploadQuotas.applicationEvidence.files; i++)
      expect((await addFile(draft, pdf(), `plan-${i}.pdf`)).ok).toBe(true)
    const before = [await count('stored_files'), await count('application_evidence')]
    const refused = await addFile(draft, pdf())
    expect(refused).toEqual({
      ok: false,
      status: 413,
      message:
        'The file was not added: this application already has 20 files (0.0 MB), and the limit is 20 files and 100.0 MB for this application. Remove a file first.',
    })
    expect([await count('stored_files'), await count('application_evidence')]).toEqual(before)
    // A link is not a file: it still goes in.
    const link = await addEvidence(database.db, {
      ...draft,
      criterion: 'plan',
      evidence: { link: 'https://example.org/plan.pdf' },
    })
    expect(link.ok).toBe(true)
  })

  it("refuses an application's evidence file past the total size, and writes nothing", async () => {
    const draft = await emptyDraft('size')
    for (let i = 0; i < 5; i++) expect((await addFile(draft, pdf(), `part-${i}.pdf`)).ok).toBe(true)
    // What is stored counts by its recorded size: 99.5 MB in five files.
    await database.db.execute(
      sql`update stored_files set size = ${Math.floor((99.5 * MB) / 5)} where id in
        (select file_id from application_evidence where application_id = ${draft.applicationId})`,
    )
    const before = [await count('stored_files'), await count('application_evidence')]
    const refused = await addFile(draft, pdf(MB))
    expect(refused.ok).toBe(false)
    expect(refused.ok ? '' : refused.message).toBe(
      'The file was not added: it is 1.0 MB and this application already has 5 files using 99.5 MB; the limit is 20 files and 100.0 MB for this application.',
    )
    expect([await count('stored_files'), await count('application_evidence')]).toEqual(before)
    expect((await addFile(draft, pdf(MB / 4))).ok).toBe(true)
  })

  describe('sharing records', () => {
    const organization = async (slug: string) =>
      (
        await queryRows<{ id: string }>(database.db, sql`select id from organizations where slug = ${slug}`)
      )[0]?.id as string
    const record = async (organizationId: string, sharedOn: string, bytes: Buffer) =>
      recordSharing(database.db, 'system', {
        organizationId,
        recordedBy: (
          await queryRows<{ id: string }>(database.db, sql`select id from people order by id limit 1`)
        )[0]?.id as string,
        value: {
          sharedOn,
          audience: 'Partners',
          channel: 'Newsletter',
          description: null,
          evidenceUrl: null,
          briefingIds: [],
        },
        file: { name: 'newsletter.pdf', kind: 'pdf', bytes },
      })

    it("refuses an organisation's eleventh evidence file in one quarter, and takes it in another", async () => {
      const org = await organization('amp-socal')
      for (let i = 0; i < uploadQuotas.sharingEvidence.files; i++)
        await record(org, `2026-10-0${(i % 9) + 1}`, pdf())
      const before = [await count('stored_files'), await count('sharing_attestations')]
      await expect(record(org, '2026-12-20', pdf())).rejects.toThrow(
        'The file was not added: one quarter of sharing records already has 10 files (0.0 MB), and the limit is 10 files and 50.0 MB for one quarter of sharing records. Remove a file first.',
      )
      expect([await count('stored_files'), await count('sharing_attestations')]).toEqual(before)
      await expect(record(org, '2026-09-30', pdf())).resolves.toMatch(/^[0-9a-f-]{36}$/)
    })

    it("refuses an organisation's evidence file past the quarter's total size", async () => {
      const org = await organization('south-kansas')
      for (let i = 0; i < 3; i++) await record(org, `2026-04-1${i}`, pdf())
      await database.db.execute(
        sql`update stored_files set size = ${(49.5 * MB) / 3} where id in (select evidence_file_id
          from sharing_attestations where organization_id = ${org} and shared_on between '2026-04-01' and '2026-06-30')`,
      )
      const before = [await count('stored_files'), await count('sharing_attestations')]
      await expect(record(org, '2026-05-02', pdf(MB))).rejects.toThrow(
        /it is 1\.0 MB and one quarter of sharing records already has \d+ files using 49\.5 MB; the limit is 10 files and 50\.0 MB/,
      )
      expect([await count('stored_files'), await count('sharing_attestations')]).toEqual(before)
    })
  })
})
