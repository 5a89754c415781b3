import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { storeFile } from '../../src/features/files/index.ts'
import { postUpload, signedInApplicant, startDraft } from '../support/fixtures/applications.ts'
import { sampleFiles } from '../support/fixtures/sample-files.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`downloading evidence files on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let applicant: Session
  let applicationId: string

  /** Uploads a sample as the applicant and returns the stored file's id. */
  async function upload(file: { name: string; bytes: Uint8Array }): Promise<string> {
    const response = await postUpload(
      applicant,
      `/applications/${applicationId}/evidence`,
      { criterion: 'plan' },
      file,
    )
    expect(response.status).toBe(303)
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`select f.id from stored_files f join application_evidence e on e.file_id = f.id
        where e.application_id = ${applicationId} order by f.created_at desc, e.created_at desc limit 1`,
    )
    return row?.id ?? ''
  }

  async function sessionOf(email: string): Promise<Session> {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    return session
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    applicant = new Session(t.app)
    await signedInApplicant(applicant, database.db, t.auth)
    applicationId = await startDraft(applicant)
  })

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('serves the applicant their file as a download, byte for byte, under headers that keep it from running', async () => {
    const sample = sampleFiles.pdf()
    const id = await upload(sample)
    const response = await applicant.get(`/files/${id}`)
    expect(response.status).toBe(200)
    expect(Buffer.from(await response.arrayBuffer()).equals(sample.bytes)).toBe(true)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="agreement.pdf"; filename*=UTF-8''agreement.pdf`,
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(response.headers.get('cache-control')).toBe('private, no-store')
  })

  it('offers a download under the safe name, in plain ASCII and exactly in UTF-8', async () => {
    const id = await upload({
      name: '../../Plan d’action "final" été\u202e.pdf',
      bytes: sampleFiles.png().bytes,
    })
    const response = await applicant.get(`/files/${id}`)
    expect(response.headers.get('content-type')).toBe('image/png')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Plan d_action _final_ _t_.png"; filename*=UTF-8''Plan%20d%E2%80%99action%20_final_%20%C3%A9t%C3%A9.png`,
    )
  })

  it('lets staff and Advisory Board members download any evidence, and nobody else', async () => {
    const id = await upload(sampleFiles.docx())
    for (const email of ['staff@example.org', 'board@example.org']) {
      const response = await (await sessionOf(email)).get(`/files/${id}`)
      expect(response.status, email).toBe(200)
      expect(response.headers.get('content-disposition'), email).toMatch(/^attachment; filename="swot\.docx"/)
    }
    const [representative] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join people p on p.id = s.person_id
        where s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date) limit 1`,
    )
    const stranger = new Session(t.app)
    await signedInApplicant(stranger, database.db, t.auth)
    for (const session of [stranger, await sessionOf(representative?.email ?? '')]) {
      const response = await session.get(`/files/${id}`)
      expect(response.status).toBe(403)
      const html = await response.text()
      expect(html).toContain('only its applicant, staff and the Advisory Board can download it')
      expect(response.headers.get('content-disposition')).toBeNull()
    }
  })

  it('keeps files that are not evidence (an import, a logo) from the Advisory Board at this address', async () => {
    const [uploader] = await queryRows<{ id: string }>(database.db, sql`select id::text from people limit 1`)
    const other = await writeAs(database.db, 'system', (tx) =>
      storeFile(tx, {
        name: 'kept.pdf',
        kind: 'pdf',
        bytes: sampleFiles.pdf().bytes,
        uploadedBy: uploader?.id ?? null,
      }),
    )
    expect((await (await sessionOf('board@example.org')).get(`/files/${other}`)).status).toBe(403)
    expect((await (await sessionOf('staff@example.org')).get(`/files/${other}`)).status).toBe(200)
  })

  it('sends anonymous visitors to sign in, and answers 404 for an unknown or malformed address', async () => {
    const id = await upload(sampleFiles.jpeg())
    const anonymous = await t.app.request(`/files/${id}`)
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(`/files/${id}`)}`)
    expect((await applicant.get('/files/00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await applicant.get('/files/..%2F..%2Fetc%2Fpasswd')).status).toBe(404)
  })
})
