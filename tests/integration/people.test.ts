import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { applications, staffMembers } from '../../src/db/schema/index.ts'
import { personWithoutEmail } from '../support/announcement-factories.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

/** The names in the list's table, in order. */
async function namesListed(session: Session, path: string): Promise<string[]> {
  const response = await session.get(path)
  expect(response.status, path).toBe(200)
  const html = await response.text()
  return [...html.matchAll(/<th scope="row"><a href="\/staff\/people\/[0-9a-f-]{36}">([^<]+)<\/a>/g)].map(
    (m) => m[1] ?? '',
  )
}

describe('the people list and the person page', () => {
  let database: TestDatabase
  let hub: TestApp
  let staff: Session
  let org: TestOrganization
  let other: TestOrganization
  let representative: TestPerson
  let alternate: TestPerson
  let board: TestPerson
  let applicant: TestPerson
  let formerStaff: TestPerson

  beforeAll(async () => {
    database = await createTestDatabase()
    hub = await createTestApp(database)
    const db = database.db
    const me = await createPerson(db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    staff = new Session(hub.app)
    await signInAs(staff, db, hub.auth, { email: me.email })
    org = await createOrganization(db, { name: 'Lakeshore Makers' })
    other = await createOrganization(db, { name: 'Prairie Works' })
    representative = await seatHolder(db, org, 'representative', {
      person: await createPerson(db, { fullName: 'Rita Representative' }),
    })
    alternate = await seatHolder(db, org, 'alternate', {
      person: await createPerson(db, { fullName: 'Alan Alternate' }),
    })
    await seatHolder(db, other, 'representative', {
      person: await createPerson(db, { fullName: 'Pat Prairie' }),
    })
    board = await createPerson(db, { fullName: 'Bea Board', role: 'board', since: '2021-01-01' })
    applicant = await createPerson(db, { fullName: 'Apu Applicant' })
    await writeAs(db, 'system', (tx) =>
      tx
        .insert(applications)
        .values({ category: 'member', applicantId: applicant.id, organizationName: 'New One' }),
    )
    formerStaff = await createPerson(db, { fullName: 'Fay Former' })
    await writeAs(db, 'system', (tx) =>
      tx
        .insert(staffMembers)
        .values({ personId: formerStaff.id, startsOn: '2019-01-01', endsOn: '2024-01-01' }),
    )
    await personWithoutEmail(db, 'Nina Noaddress')
    // A signed-in representative: the list has to be staff's alone.
    await signInAs(new Session(hub.app), db, hub.auth, { email: representative.email })
  })

  afterAll(async () => {
    await hub?.stop()
    await database?.drop()
  })

  it('lists everyone by name, and filters by role on today', async () => {
    expect(await namesListed(staff, '/staff/people')).toEqual([
      'Ada Staff',
      'Alan Alternate',
      'Apu Applicant',
      'Bea Board',
      'Fay Former',
      'Nina Noaddress',
      'Pat Prairie',
      'Rita Representative',
    ])
    expect(await namesListed(staff, '/staff/people?role=staff')).toEqual(['Ada Staff'])
    expect(await namesListed(staff, '/staff/people?role=board')).toEqual(['Bea Board'])
    expect(await namesListed(staff, '/staff/people?role=representative')).toEqual([
      'Pat Prairie',
      'Rita Representative',
    ])
    expect(await namesListed(staff, '/staff/people?role=alternate')).toEqual(['Alan Alternate'])
    expect(await namesListed(staff, '/staff/people?role=applicant')).toEqual(['Apu Applicant'])
    expect(await namesListed(staff, '/staff/people?role=none')).toEqual(['Fay Former', 'Nina Noaddress'])
  })

  it('filters by organisation, by who cannot sign in, by no email, and by text', async () => {
    expect(await namesListed(staff, `/staff/people?organization=${org.id}`)).toEqual([
      'Alan Alternate',
      'Rita Representative',
    ])
    // Ada and Rita signed in; everyone else has no account yet.
    const cannot = await namesListed(staff, '/staff/people?account=cannot-sign-in')
    expect(cannot).not.toContain('Ada Staff')
    expect(cannot).not.toContain('Rita Representative')
    expect(cannot).toContain('Bea Board')
    expect(await namesListed(staff, '/staff/people?email=none')).toEqual(['Nina Noaddress'])
    expect(await namesListed(staff, '/staff/people?q=bea')).toEqual(['Bea Board'])
    expect(await namesListed(staff, `/staff/people?q=${encodeURIComponent(alternate.email)}`)).toEqual([
      'Alan Alternate',
    ])
    expect(await namesListed(staff, `/staff/people?role=representative&organization=${other.id}`)).toEqual([
      'Pat Prairie',
    ])
    const none = await staff.get('/staff/people?q=nobody-has-this')
    expect(await pageText(none)).toContain('Nobody matches these filters.')
    // An address typed by hand with values the list does not know is no filter, not an error.
    expect((await staff.get('/staff/people?role=king&organization=x&page=-3')).status).toBe(200)
  })

  it('shows a person page with contact, seats, terms, account and activity', async () => {
    const page = await staff.get(`/staff/people/${representative.id}`)
    expect(page.status).toBe(200)
    const text = await pageText(page)
    expect(text).toContain('Rita Representative')
    expect(text).toContain(`Email ${representative.email}`)
    expect(text).toContain('Represents Representative of Lakeshore Makers')
    expect(text).toMatch(/Lakeshore Makers Representative November 26, 2026 No end Current/)
    expect(text).toContain(`Has an account: signs in as ${representative.email}.`)
    expect(text).toMatch(/Added seat, by system/)
    const boardPage = await pageText(await staff.get(`/staff/people/${board.id}`))
    expect(boardPage).toMatch(/Now Change January 1, 2021 No end Current End on/)
    expect(boardPage).toContain('Never invited: no account.')
    expect((await staff.get('/staff/people/not-a-uuid')).status).toBe(404)
    expect((await staff.get('/staff/people/00000000-0000-4000-8000-000000000000')).status).toBe(404)
  })

  it('keeps the people pages from everyone but staff', async () => {
    const visitor = new Session(hub.app)
    for (const path of ['/staff/people', `/staff/people/${board.id}`]) {
      const answer = await visitor.get(path)
      expect([302, 303, 401]).toContain(answer.status)
    }
    for (const email of [representative.email, board.email]) {
      const session = new Session(hub.app)
      await signInAs(session, database.db, hub.auth, { email })
      const list = await session.get('/staff/people')
      expect(list.status).toBe(403)
      const text = await pageText(list)
      expect(text).not.toContain(alternate.email)
      expect((await session.get(`/staff/people/${alternate.id}`)).status).toBe(403)
      expect((await session.post(`/staff/people/${alternate.id}/invite`, {})).status).toBe(403)
    }
  })
})
