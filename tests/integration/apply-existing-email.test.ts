import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadUserViewer } from '#src/features/access/viewer.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const OWNER = 'board@example.org'
const CONFIRM_LINK = new RegExp(`${TEST_ORIGIN}(/apply/confirm/[A-Za-z0-9_-]{43})`)

describe(`an anonymous application with someone else's address, on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Awaited<ReturnType<typeof startSmtpSink>>
  let t: TestApp
  let ownerId: string

  const draftsOfOwner = async () =>
    (
      await queryRows<{ organization_name: string }>(
        database.db,
        sql`select organization_name from applications where applicant_id = ${ownerId} order by created_at`,
      )
    ).map((r) => r.organization_name)
  const ownerRoles = async () => {
    const [user] = await queryRows<{ id: string; email: string; name: string }>(
      database.db,
      sql`select u.id, u.email, u.name from people p join auth_users u on u.id = p.user_id where p.id = ${ownerId}`,
    )
    if (!user) throw new Error('the owner has no account')
    return (await loadUserViewer(database.db, user, DEMO_TODAY)).roles
  }

  /** An anonymous visitor applies with the owner's address; returns the page and the emailed link's path. */
  async function applyAsStranger(organizationName: string) {
    const since = sink.messages.length
    const res = await new Session(t.app).post('/apply', {
      fullName: 'Mallory Stranger',
      email: OWNER,
      category: 'member',
      organizationName,
    })
    const text = await pageText(res)
    await sink.waitFor(OWNER)
    const mail = sink.messages.slice(since).find((m) => m.to.includes(OWNER))
    return { res, text, mail, path: mail?.text.match(CONFIRM_LINK)?.[1] ?? '' }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    t = await createTestApp(database, { smtpUrl: sink.url })
    const [owner] = await queryRows<{ id: string }>(
      database.db,
      sql`select id::text as id from people where lower(email) = ${OWNER}`,
    )
    ownerId = owner?.id ?? ''
    // The owner has an account, as board members do.
    await signInAs(new Session(t.app), database.db, t.auth, { email: OWNER })
  })
  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('creates nothing and gives no role until the owner confirms; the owner is emailed a link', async () => {
    const { res, text, mail, path } = await applyAsStranger('Stranger Things Manufacturing')
    expect(res.status).toBe(200)
    expect(text).toContain(`We emailed a link to ${OWNER}. The draft is created when it is opened`)
    expect(await draftsOfOwner()).toEqual([])
    expect(await ownerRoles()).not.toContain('applicant')
    expect(mail?.subject).toBe(
      'Confirm your application to the American Manufacturing Community Collaborative',
    )
    // What the stranger typed as their name never reaches the owner.
    expect(mail?.text).not.toContain('Mallory')
    expect(path).not.toBe('')

    // Opening the link shows what would be created, and still creates nothing.
    const opened = await new Session(t.app).get(path)
    expect(opened.status).toBe(200)
    expect(await pageText(opened)).toContain('Stranger Things Manufacturing')
    expect(await draftsOfOwner()).toEqual([])
  })

  it('creates the draft in the owner’s account, with the applicant role, when the link is followed; once', async () => {
    const { path } = await applyAsStranger('Great Lakes Foundry Network')
    const browser = new Session(t.app)
    await browser.get(path)
    const confirmed = await browser.post(path, {})
    expect(confirmed.status).toBe(200)
    expect(await pageText(confirmed)).toContain('Your draft is started')
    expect(await draftsOfOwner()).toEqual(['Great Lakes Foundry Network'])
    expect(await ownerRoles()).toContain('applicant')

    const again = await browser.post(path, {})
    expect(again.status).toBe(404)
    expect(await pageText(again)).toContain('This link no longer works')
    expect((await new Session(t.app).get(path)).status).toBe(404)
    expect(await draftsOfOwner()).toEqual(['Great Lakes Foundry Network'])
  })

  it('takes the signed-in owner straight to the new draft', async () => {
    const { path } = await applyAsStranger('Owner’s Own Alliance')
    const owner = new Session(t.app)
    await signInAs(owner, database.db, t.auth, { email: OWNER })
    const confirmed = await owner.post(path, {})
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toMatch(/^\/applications\/[0-9a-f-]{36}\?notice=started$/)
    expect(await draftsOfOwner()).toContain('Owner’s Own Alliance')
  })

  it('refuses an expired link and creates nothing', async () => {
    const { path } = await applyAsStranger('Too Late Collaborative')
    // The link's time runs out (the pending request is moved back past its limit).
    await database.db.execute(
      sql`update auth_verifications set expires_at = expires_at - interval '25 hours'
        where identifier like 'apply-draft:%'`,
    )
    expect((await new Session(t.app).get(path)).status).toBe(404)
    expect((await new Session(t.app).post(path, {})).status).toBe(404)
    expect(await draftsOfOwner()).not.toContain('Too Late Collaborative')
  })
})
