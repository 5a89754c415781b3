import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import {
  createOrganization,
  createPerson,
  recordAdmission,
  seatHolder,
  type TestPerson,
} from '../support/factories.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { allowContributor, createLibraryItem } from '../support/library-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const itemFields = (title: string) => ({
  _csrf: TEST_CSRF,
  kind: 'resource',
  title,
  slug: '',
  summary: '',
  bodyMarkdown: 'What we found.',
  publishedOn: '',
  links: '',
  tags: '',
  focusIndustries: '',
  visibility: 'members',
  callDate: '',
  intent: 'submit',
})

/** Posts an item form as the page does (multipart). */
function postItem(session: Session, path: string, fields: Record<string, string>) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  return session.app.request(path, {
    method: 'POST',
    body: form,
    headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
  })
}

describe(`library contributors on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let staffPerson: TestPerson
  let contributor: Session
  let contributorPerson: TestPerson

  const signIn = async (person: TestPerson) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email: person.email })
    return session
  }
  const titled = async (title: string) =>
    queryRows<{ id: string; status: string }>(
      database.db,
      sql`select id::text as id, status from briefings where title = ${title}`,
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const org = await createOrganization(database.db)
    contributorPerson = await seatHolder(database.db, org, 'representative')
    await allowContributor(database.db, contributorPerson.id)
    staffPerson = await createPerson(database.db, { role: 'staff' })
    staff = await signIn(staffPerson)
    contributor = await signIn(contributorPerson)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('takes at most 5 items waiting for approval from one contributor, saying how many wait and what to do', async () => {
    const waiting = []
    for (let i = 1; i <= 4; i++)
      waiting.push(
        await createLibraryItem(database.db, {
          title: `Waiting ${i}`,
          status: 'pending',
          submittedBy: contributorPerson.id,
        }),
      )
    const returned = await createLibraryItem(database.db, {
      title: 'Returned once',
      status: 'draft',
      submittedBy: contributorPerson.id,
    })
    expect((await postItem(contributor, '/library/contribute', itemFields('The fifth'))).status).toBe(303)

    const page = await contributor.get('/library/contribute')
    const shown = await pageText(page)
    expect(shown).toContain(
      'You have 5 items waiting for staff approval, the most one contributor can have at once: once staff approve or return one of them, you can offer another.',
    )
    expect(await (await contributor.get('/library/contribute')).text()).not.toContain('name="bodyMarkdown"')

    const refused = await postItem(contributor, '/library/contribute', itemFields('The sixth'))
    expect(refused.status).toBe(409)
    const text = await pageText(refused)
    expect(text).toContain(
      'Nothing was sent: you already have 5 items waiting for staff approval, the most one contributor can have at once. Once staff approve or return one of them, send this one again.',
    )
    expect(
      await (await postItem(contributor, '/library/contribute', itemFields('The sixth'))).text(),
    ).toContain('value="The sixth"')
    expect(await titled('The sixth')).toEqual([])
    // A returned item sent again counts too; editing one already waiting does not.
    expect(
      (await postItem(contributor, `/library/contribute/${returned.id}`, itemFields('Returned once'))).status,
    ).toBe(409)
    expect((await titled('Returned once'))[0]?.status).toBe('draft')
    const edited = await postItem(
      contributor,
      `/library/contribute/${waiting[0]?.id}`,
      itemFields('Waiting 1b'),
    )
    expect(edited.status).toBe(303)

    // Once staff approve one, there is room again.
    expect((await staff.post(`/staff/library/${waiting[1]?.id}/status`, { action: 'approve' })).status).toBe(
      303,
    )
    expect((await postItem(contributor, '/library/contribute', itemFields('The sixth'))).status).toBe(303)
  })

  it('offers staff only seat holders of admitted organisations to allow', async () => {
    const applicant = await createOrganization(database.db, {
      name: 'Not Yet Admitted Works',
      admittedOn: null,
    })
    const suspended = await createOrganization(database.db, {
      name: 'Suspended Works',
      admittedOn: '2026-01-05',
    })
    await recordAdmission(database.db, suspended.id, 'suspended', DEMO_TODAY)
    const outsiders = [
      await seatHolder(database.db, applicant, 'representative', {
        person: await createPerson(database.db, { fullName: 'Applicant Rep' }),
      }),
      await seatHolder(database.db, suspended, 'alternate', {
        person: await createPerson(database.db, { fullName: 'Suspended Alt' }),
      }),
    ]
    const page = await pageText(await staff.get('/staff/library/contributors'))
    expect(page).toContain(contributorPerson.fullName)
    for (const name of ['Applicant Rep', 'Suspended Alt', 'Not Yet Admitted Works', 'Suspended Works'])
      expect(page).not.toContain(name)
    for (const person of outsiders) {
      const res = await staff.post('/staff/library/contributors', { personId: person.id, allowed: 'yes' })
      expect(res.status).toBe(400)
      expect(await pageText(res)).toContain(
        'Only a representative or alternate can be allowed to contribute.',
      )
    }
  })

  it('does not limit staff', async () => {
    for (let i = 1; i <= 5; i++)
      await createLibraryItem(database.db, { status: 'pending', submittedBy: staffPerson.id })
    expect((await postItem(staff, '/library/contribute', itemFields('Staff’s sixth'))).status).toBe(303)
    expect(await titled('Staff’s sixth')).toHaveLength(1)
  })
})
