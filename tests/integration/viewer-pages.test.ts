import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { staffMembers } from '../../src/db/schema/index.ts'
import { createPerson, type TestPerson } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A heavy signed-in page is kept for the session that asked (src/http/viewer-pages.ts). */
describe(`signed-in pages kept for their session, on ${testEngine}`, () => {
  let database: TestDatabase
  let hub: TestApp
  let ada: TestPerson
  let bea: TestPerson
  let person: TestPerson
  let adaSession: Session
  let beaSession: Session

  beforeAll(async () => {
    database = await createTestDatabase()
    hub = await createTestApp(database)
    ada = await createPerson(database.db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    bea = await createPerson(database.db, { fullName: 'Bea Staff', role: 'staff', since: '2020-01-01' })
    person = await createPerson(database.db, { fullName: 'Cy Member', email: 'cy.member@example.org' })
    adaSession = new Session(hub.app)
    await signInAs(adaSession, database.db, hub.auth, { email: ada.email })
    beaSession = new Session(hub.app)
    await signInAs(beaSession, database.db, hub.auth, { email: bea.email })
  })
  afterAll(async () => {
    await hub?.stop()
    await database?.drop()
  })

  const page = () => `/staff/people/${person.id}`

  it('sends the same person the same page again while nothing changed, and never another person’s', async () => {
    const first = await adaSession.get(page())
    expect(first.status).toBe(200)
    expect(first.headers.get('x-cache')).not.toBe('hit')
    const firstBody = await first.text()
    const again = await adaSession.get(page())
    expect(again.headers.get('x-cache')).toBe('hit')
    expect(again.headers.get('cache-control')).toBe('private, no-store')
    expect(await again.text()).toBe(firstBody)

    const other = await beaSession.get(page())
    expect(other.headers.get('x-cache')).not.toBe('hit')
    const otherText = await pageText(other)
    expect(otherText).toContain('Bea Staff')
    expect(otherText).not.toContain('Ada Staff')
  })

  it('renders again after a change, showing it', async () => {
    await adaSession.get(page())
    const added = await adaSession.post(`${page()}/terms`, {
      role: 'board',
      startsOn: '2025-01-01',
      endsOn: '',
    })
    expect(added.status).toBe(303)
    const after = await adaSession.get(page())
    expect(after.headers.get('x-cache')).not.toBe('hit')
    expect(await pageText(after)).toMatch(/January 1, 2025 No end Current/)
  })

  it('keeps nothing for a browser without its form token cookie', async () => {
    const bare = new Session(hub.app)
    await signInAs(bare, database.db, hub.auth, { email: bea.email })
    bare.cookies.delete('hub_csrf')
    await bare.get(page())
    bare.cookies.delete('hub_csrf')
    const second = await bare.get(page())
    expect(second.status).toBe(200)
    expect(second.headers.get('x-cache')).not.toBe('hit')
  })

  it('still asks who may see the page first: staff whose term ended are refused a page kept for them', async () => {
    expect((await beaSession.get(page())).status).toBe(200)
    await writeAs(database.db, 'system', (tx) =>
      tx.update(staffMembers).set({ endsOn: '2021-01-01' }).where(eq(staffMembers.personId, bea.id)),
    )
    expect((await beaSession.get(page())).status).toBe(403)
  })
})
