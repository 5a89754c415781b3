import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { signedInApplicant } from '../support/fixtures/applications.ts'
import { samplePdf } from '../support/fixtures/sample-files.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { givenPresentation } from '../support/library-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

function postArchive(
  session: Session,
  path: string,
  fields: Record<string, string>,
  slides?: { name: string; bytes: Uint8Array },
) {
  const form = new FormData()
  form.set('_csrf', TEST_CSRF)
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  if (slides) form.set('slides', new File([new Uint8Array(slides.bytes)], slides.name))
  return session.app.request(path, {
    method: 'POST',
    body: form,
    headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
  })
}

describe(`the presentations archive on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let orgA: TestOrganization
  let orgB: TestOrganization
  let visitor: Session
  let applicant: Session
  let repA: Session
  let repB: Session
  let publicOne: { id: string; path: string }
  let membersOne: { id: string; path: string }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const db = database.db
    orgA = await createOrganization(db, {
      name: 'Open Plains Partnership',
      focusIndustries: ['Aerospace and defense'],
    })
    orgB = await createOrganization(db, {
      name: 'Quiet Valley Partnership',
      focusIndustries: ['Food processing'],
    })
    const signIn = async (person: TestPerson) => {
      const session = new Session(t.app)
      await signInAs(session, db, t.auth, { email: person.email })
      return session
    }
    repA = await signIn(await seatHolder(db, orgA, 'representative'))
    repB = await signIn(await seatHolder(db, orgB, 'representative'))
    await createPerson(db, { role: 'staff' })
    publicOne = await givenPresentation(db, orgA, {
      year: 2025,
      title: 'Apprenticeship ladder',
      topics: ['apprenticeships'],
      visibility: 'public',
      recordingUrl: 'https://video.example.org/ladder',
    })
    membersOne = await givenPresentation(db, orgB, {
      year: 2026,
      title: 'Secret supplier survey',
      topics: ['hidden-topic'],
    })
    await givenPresentation(db, orgA, {
      year: 2026,
      status: 'planned',
      title: 'Not given yet',
      visibility: 'public',
    })
    visitor = new Session(t.app)
    applicant = new Session(t.app)
    await signedInApplicant(applicant, db, t.auth)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows a visitor and an applicant public given presentations only, in the list, the filters and the pages', async () => {
    for (const session of [visitor, applicant]) {
      const html = await (await session.get('/presentations')).text()
      expect(html).toContain('Apprenticeship ladder')
      for (const hidden of [
        'Secret supplier survey',
        'hidden-topic',
        'Food processing',
        'Not given yet',
        '2026',
      ])
        expect(html, hidden).not.toContain(hidden)
      expect((await session.get(membersOne.path)).status).toBe(404)
      expect((await session.get(`/presentations/${membersOne.id}`)).status).toBe(404)
      expect((await session.get(`${membersOne.path}/slides`)).status).toBe(404)
    }
    const page = await visitor.get(publicOne.path)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`href="/organizations/${orgA.slug}"`)
    expect(html).toContain('href="https://video.example.org/ladder"')
    expect(html).toContain('Aerospace and defense')
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000${publicOne.path}"/>`)
  })

  it('leads the id and the year-organisation addresses to the page', async () => {
    const byId = await visitor.get(`/presentations/${publicOne.id}`)
    expect(byId.status).toBe(301)
    expect(byId.headers.get('location')).toBe(publicOne.path)
    const byKey = await visitor.get(`/presentations/2025-${orgA.slug}`)
    expect(byKey.headers.get('location')).toBe(publicOne.path)
  })

  it('filters by topic, focus industry and year for members', async () => {
    const all = await pageText(await repA.get('/presentations'))
    expect(all).toContain('Secret supplier survey')
    const byTopic = await pageText(await repA.get('/presentations?topic=apprenticeships'))
    expect(byTopic).toContain('Apprenticeship ladder')
    expect(byTopic).not.toContain('Secret supplier survey')
    const byFocus = await pageText(await repA.get('/presentations?focus=Food+processing'))
    expect(byFocus).toContain('Secret supplier survey')
    expect(byFocus).not.toContain('Apprenticeship ladder')
    const byYear = await pageText(await repA.get('/presentations?year=2025'))
    expect(byYear).toContain('1 presentation')
  })

  it("lists an organisation's archived presentations on its profile, as the viewer may see them", async () => {
    expect(await pageText(await visitor.get(`/organizations/${orgB.slug}`))).not.toContain(
      'Secret supplier survey',
    )
    expect(await pageText(await repA.get(`/organizations/${orgB.slug}`))).toContain('Secret supplier survey')
    expect(await pageText(await visitor.get(`/organizations/${orgA.slug}`))).toContain(
      'Apprenticeship ladder',
    )
  })

  it("lets the organisation's seat holder edit the archive fields and upload slides, and nobody else's", async () => {
    expect((await repA.get(`${membersOne.path}/edit`)).status).toBe(403)
    const refused = await postArchive(repB, `${membersOne.path}/edit`, {
      title: 'Supplier survey',
      summary: 'What we found.',
      topics: 'supply chain, data',
      recordingUrl: 'http://insecure.example.org/video',
      visibility: 'public',
    })
    expect(refused.status).toBe(400)
    expect(await pageText(refused)).toContain('starting with https://')
    const html = await postArchive(
      repB,
      `${membersOne.path}/edit`,
      {
        title: 'Supplier survey',
        summary: 'What we found.',
        topics: 'supply chain',
        recordingUrl: '',
        visibility: 'public',
      },
      { name: 'slides.html', bytes: new TextEncoder().encode('<html></html>') },
    )
    expect(html.status).toBe(400)
    const saved = await postArchive(
      repB,
      `${membersOne.path}/edit`,
      {
        title: 'Supplier survey',
        summary: 'What we found.',
        topics: 'supply chain',
        recordingUrl: '',
        visibility: 'public',
      },
      { name: 'slides.pdf', bytes: samplePdf('Survey') },
    )
    expect(saved.status).toBe(303)
    const [row] = await queryRows<{ visibility: string; topics: string[]; slides: boolean }>(
      database.db,
      sql`select visibility, topics, slides_file_id is not null as slides from presentations where id = ${membersOne.id}::uuid`,
    )
    expect(row).toEqual({ visibility: 'public', topics: ['supply chain'], slides: true })
    const slides = await visitor.get(`${membersOne.path}/slides`)
    expect(slides.status).toBe(200)
    expect(slides.headers.get('content-disposition')).toMatch(/^attachment; filename="slides.pdf"/)
    expect(slides.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
