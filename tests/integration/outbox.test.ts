import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageHtml } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** The page's HTML without the <wbr> that let long words wrap. */

describe(`the email outbox page on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
  })
  afterAll(async () => {
    await t.stop()
    await database.drop()
  })

  it('says so when no email has been written yet', async () => {
    const res = await staff.get('/staff/outbox')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('No email has been written yet.')
  })

  it('lists the emails written to the outbox, newest first, with the body as escaped text', async () => {
    await t.mailer.send({
      to: 'first@example.org',
      subject: 'An older email',
      text: 'Nothing to see.\n',
    })
    // The file names carry the time to the millisecond: keep the two emails apart.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await t.mailer.send({
      to: 'newcomer@example.org',
      subject: 'Welcome to the Hub, café <b>owners</b>',
      text: 'Hello <script>alert(1)</script> — welcome.\nSign in here: https://evil.example/steal?x=1\n',
    })

    const res = await staff.get('/staff/outbox')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toContain('no-store')
    const html = await pageHtml(res)
    expect(html).toContain('2 emails, newest first.')
    const newer = html.indexOf('Welcome to the Hub')
    const older = html.indexOf('An older email')
    expect(newer).toBeGreaterThan(0)
    expect(older).toBeGreaterThan(newer)

    expect(html).toContain('<h2>Welcome to the Hub, café &lt;b&gt;owners&lt;/b&gt;</h2>')
    expect(html).toContain('<dt>To:</dt> <dd>newcomer@example.org</dd>')
    expect(html).toMatch(
      /<dt>Written:<\/dt> <dd><time datetime="[^"]+">[A-Z][a-z]+ \d{1,2}, \d{4}, \d{1,2}:\d{2} [ap]m ET<\/time>/,
    )
    expect(html).toContain('<details><summary>The email’s text</summary>')
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; — welcome.<br/>')
    // The email went to someone else: staff see that it has a link, not the link (issue 10, item 7).
    expect(html).toContain('Sign in here: [link hidden: only the recipient can see it]')
    expect(html).not.toContain('evil.example')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('href="https://evil.example')
  })

  it('says the Hub sends by SMTP, and lists nothing, when a mail server is set up', async () => {
    const smtp = await createTestApp(database, { smtpUrl: 'smtp://127.0.0.1:2525' })
    try {
      const session = new Session(smtp.app)
      for (const [name, value] of staff.cookies) session.cookies.set(name, value)
      const res = await session.get('/staff/outbox')
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain('The Hub sends its emails through an SMTP server, so there is no outbox to show')
      expect(html).not.toContain('<ol class="org-list"')
      expect(html).not.toContain('newest first')
    } finally {
      await smtp.stop()
    }
  })

  it('answers 403 to a signed-in member who is not staff, and sends anonymous visitors to sign in', async () => {
    const board = new Session(t.app)
    await signInAs(board, database.db, t.auth, { email: 'board@example.org' })
    const res = await board.get('/staff/outbox')
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).not.toContain('Welcome to the Hub')

    const anonymous = await new Session(t.app).get('/staff/outbox')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('Location')).toBe('/sign-in?next=%2Fstaff%2Foutbox')
  })
})
