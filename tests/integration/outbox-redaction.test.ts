import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listOutbox } from '#src/lib/mailer.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { LINK_HIDDEN } from '../../src/features/email/redact.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** The page's text as written, without the <wbr> that let long words wrap. */
const html = async (res: Response) => (await res.text()).replaceAll('<wbr/>', '')
const MAGIC_LINK = new RegExp(`${TEST_ORIGIN}/api/auth/magic-link/verify\\?token=[^\\s<"]+`)

describe(`links in the outbox are for their recipient only, on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let board: Session

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
    board = new Session(t.app)
    await signInAs(board, database.db, t.auth, { email: 'board@example.org' })
    // Anyone may ask for a board member's sign-in link: it lands in the outbox.
    const asked = await new Session(t.app).post('/sign-in/link', {
      email: 'board@example.org',
      next: '/account',
    })
    expect(asked.status).toBe(200)
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('shows staff the board member’s sign-in email without a usable link', async () => {
    const res = await staff.get('/staff/outbox')
    expect(res.status).toBe(200)
    const page = await html(res)
    expect(page).toContain('Your sign-in link for the American Manufacturing Community Collaborative')
    expect(page).toContain('<dt>To:</dt> <dd>board@example.org</dd>')
    expect(page).toContain(LINK_HIDDEN)
    expect(page).toContain('Its links are hidden: this email was sent to someone else.')
    expect(page).not.toMatch(/token=/)
    expect(page).not.toContain('/api/auth/magic-link')
  })

  it('keeps the email whole in the outbox folder, for the operator', async () => {
    const [email] = await listOutbox(t.outboxDir)
    expect(email?.text).toMatch(MAGIC_LINK)
  })

  it('shows the board member their own email whole, and its link signs them in', async () => {
    const res = await board.get('/account/outbox')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toContain('no-store')
    const page = await html(res)
    expect(page).toContain('<h1>Your emails</h1>')
    expect(page).not.toContain(LINK_HIDDEN)
    const link = page.match(MAGIC_LINK)?.[0].replaceAll('&amp;', '&') ?? ''
    expect(link).not.toBe('')

    const browser = new Session(t.app)
    const followed = await browser.get(link.slice(TEST_ORIGIN.length))
    expect(followed.status).toBe(302)
    expect((await browser.get('/account')).status).toBe(200)
  })

  it('lists on a person’s own page only the emails sent to them', async () => {
    const page = await html(await staff.get('/account/outbox'))
    expect(page).not.toContain('board@example.org')
    expect(page).toContain('No email has been written to you yet.')
    const anonymous = await new Session(t.app).get('/account/outbox')
    expect(anonymous.status).toBe(303)
  })
})
