import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { settings } from '../../src/db/schema/index.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageHtml, pageText } from '../support/page-text.ts'
import { signInAs, signInCookies, TEST_PASSWORD } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`my organisation on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let org: TestOrganization
  let representative: TestPerson
  let alternate: TestPerson
  let nobody: TestPerson

  const sessionOf = async (email: string) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    return session
  }

  /** Signs in through our own form, as a browser does, and answers where it was sent. */
  async function landingOf(email: string, next = '/account'): Promise<string | null> {
    await signInCookies(database.db, t.auth, { email })
    const response = await new Session(t.app).post('/sign-in', { email, password: TEST_PASSWORD, next })
    expect(response.status).toBe(303)
    return response.headers.get('location')
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    // Sign-in answers without waiting out their floor: the landing, not the timing, is tested here.
    t = await createTestApp(database, { responseTimer: { now: () => 0, sleep: async () => {} } })
    await writeAs(database.db, 'system', (tx) =>
      tx.insert(settings).values([
        { key: 'recordsBeginOn', value: '2026-01-01' },
        { key: 'callJoinUrl', value: 'https://zoom.example.org/j/123?pwd=a&b' },
        { key: 'callDialIn', value: '+1 555 0100\nMeeting ID 123' },
      ]),
    )
    org = await createOrganization(database.db, { name: 'Lakeshore Makers', admittedOn: '2026-02-02' })
    representative = await seatHolder(database.db, org, 'representative', { since: '2026-02-02' })
    alternate = await seatHolder(database.db, org, 'alternate', { since: '2026-02-02' })
    nobody = await createPerson(database.db)
    await createCall(database.db, '2026-12-03')
  }, 180_000)

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('sends a representative to their organisation after signing in', async () => {
    expect(await landingOf(representative.email)).toBe('/my-organization')
  })

  it('sends an alternate there too', async () => {
    expect(await landingOf(alternate.email)).toBe('/my-organization')
  })

  it('sends someone without a seat to their account as before, and anyone asked elsewhere there', async () => {
    expect(await landingOf(nobody.email)).toBe('/account')
    expect(await landingOf(representative.email, '/calls')).toBe('/calls')
  })

  it("shows the representative the year's status, the next call, the presentation, the quarters, the seats and what needs doing", async () => {
    const session = await sessionOf(representative.email)
    const response = await session.get('/my-organization')
    expect(response.status).toBe(200)
    const html = await pageHtml(response)
    const text = await pageText(new Response(html))
    expect(text).toContain('My organisation')
    expect(text).toContain('Lakeshore Makers')
    expect(text).toMatch(/Status: (On track|At risk|Compliant|Not compliant)/)
    expect(text).toContain('Next call')
    expect(html).toContain('href="/calls/2026-12-03"')
    expect(html).toContain('href="https://zoom.example.org/j/123?pwd=a&amp;b"')
    expect(text).toContain('Dial-in: +1 555 0100 Meeting ID 123')
    expect(text).toContain('Presentation: No slot yet')
    expect(text).toContain('Give the annual presentation on a call before December 31, 2026')
    expect(text).toContain('Q4 due')
    expect(html).toContain(`href="/organizations/${org.slug}/sharing"`)
    expect(text).toContain('What needs doing')
    expect(text).toContain('Record a sharing action in Q4')
    expect(text).toContain(`${alternate.fullName} (${alternate.email})`)
    expect(html).toContain(`href="/organizations/${org.slug}/seats"`)
  })

  it('shows the alternate the seats without the link to change them', async () => {
    const session = await sessionOf(alternate.email)
    const html = await pageHtml(await session.get('/my-organization'))
    const text = await pageText(new Response(html))
    expect(text).toContain(`${representative.fullName} (${representative.email})`)
    expect(text).toContain('Only the representative and staff change the seats.')
    expect(html).not.toContain(`/organizations/${org.slug}/seats"`)
  })

  it('names a vacant seat in what needs doing', async () => {
    const lone = await createOrganization(database.db, { name: 'Lone Works' })
    const rep = await seatHolder(database.db, lone, 'representative')
    const text = await pageText(await (await sessionOf(rep.email)).get('/my-organization'))
    expect(text).toContain('The alternate seat is vacant: name someone on the seats page.')
  })

  it('refuses a visitor and a signed-in person without a seat', async () => {
    const visitor = await new Session(t.app).get('/my-organization')
    expect(visitor.status).not.toBe(200)
    const refused = await (await sessionOf(nobody.email)).get('/my-organization')
    expect(refused.status).toBe(403)
  })
})
