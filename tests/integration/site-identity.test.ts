import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAccount } from '../../src/http/accounts.ts'
import { createPerson } from '../support/factories.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { tinyPng } from '../support/pages-factories.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`the network's identity on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  const visitor = () => new Session(t.app)

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, {
      email: (await createPerson(database.db, { role: 'staff' })).email,
    })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  function uploadLogo(file: { name: string; bytes: Uint8Array; type: string }) {
    const form = new FormData()
    form.set('_csrf', TEST_CSRF)
    form.set('logo', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
    return t.app.request('/staff/settings/site/logo', {
      method: 'POST',
      body: form,
      headers: { Origin: TEST_ORIGIN, Cookie: staff.cookieHeader },
    })
  }

  it('shows a neutral name until staff set one, then the network’s name in the header, title and footer', async () => {
    const before = await (await visitor().get('/')).text()
    expect(before).toContain('Manufacturing Communities Network')
    expect(before).not.toContain('Collaborative Hub')

    const refused = await staff.post('/staff/settings/site', {
      siteName: '',
      siteShortName: 'AMCC',
      siteDescription: '',
      siteContactEmail: 'not an address',
    })
    expect(refused.status).toBe(400)
    const refusal = await pageText(refused)
    expect(refusal).toContain('Write the network’s name.')
    expect(refusal).toContain('Write an email address')

    const saved = await staff.post('/staff/settings/site', {
      siteName: 'American Manufacturing Community Collaborative',
      siteShortName: 'AMCC',
      siteDescription: 'Regional manufacturing communities sharing what works.',
      siteContactEmail: 'hello@amcc.example.org',
    })
    expect(saved.status).toBe(303)
    const home = await visitor().get('/')
    const html = await home.text()
    expect(html).toContain('<title>American Manufacturing Community Collaborative</title>')
    expect(html).toContain('<span class="brand-name">American Manufacturing Community Collaborative</span>')
    expect(html).toContain('mailto:hello@amcc.example.org')
    expect(html).toContain('Regional manufacturing communities sharing what works.')
    const directory = await (await visitor().get('/directory')).text()
    expect(directory).toMatch(/<title>[^<]* · AMCC<\/title>/)
  })

  it('names the network in the emails it sends', async () => {
    const person = await createPerson(database.db)
    await ensureAccount(database.db, t.auth, { personId: person.id })
    expect((await visitor().post('/sign-in/link', { email: person.email, next: '/account' })).status).toBe(
      200,
    )
    const files = await readdir(t.outboxDir)
    const emails = await Promise.all(files.map((f) => readFile(path.join(t.outboxDir, f), 'utf8')))
    const mine = emails.find((e) => e.includes(person.email))
    expect(mine).toMatch(
      /Subject: Your sign-in link for the American Manufacturing Community\s+Collaborative/,
    )
    expect(mine).not.toContain('Collaborative Hub')
  })

  it('keeps a PNG logo, serves it with its stored type and caching, and makes it the favicon', async () => {
    expect((await visitor().get('/favicon.png')).headers.get('location')).toBe('/favicon.svg')
    const res = await uploadLogo({ name: 'logo.png', bytes: tinyPng, type: 'image/png' })
    expect(res.status).toBe(303)
    const page = await (await visitor().get('/')).text()
    const logoUrl = page.match(/<img src="(\/site\/logo\?v=[0-9a-f]+)"/)?.[1]
    expect(logoUrl).toBeDefined()
    expect(page).toContain('<link rel="icon" href="/favicon.png"/>')
    const logo = await visitor().get(logoUrl as string)
    expect(logo.status).toBe(200)
    expect(logo.headers.get('content-type')).toBe('image/png')
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff')
    expect(logo.headers.get('cache-control')).toContain('max-age=31536000')
    expect(Buffer.from(await logo.arrayBuffer()).equals(tinyPng)).toBe(true)
    const favicon = await visitor().get('/favicon.png')
    expect(favicon.headers.get('content-type')).toBe('image/png')
  })

  it('refuses an SVG logo and an HTML page named .png, saying why, and keeps the logo it had', async () => {
    const svg = await uploadLogo({
      name: 'logo.svg',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      type: 'image/svg+xml',
    })
    expect(svg.status).toBe(400)
    expect(await pageText(svg)).toContain('SVG is refused: it can carry script')
    const html = await uploadLogo({
      name: 'logo.png',
      bytes: Buffer.from('<!doctype html><script>alert(1)</script>'),
      type: 'image/png',
    })
    expect(html.status).toBe(400)
    const said = await pageText(html)
    expect(said).toContain('logo.png is not a PNG image: its content is not a PNG or JPEG image.')
    expect(said).not.toContain('PowerPoint')
    const logo = await visitor().get('/site/logo')
    expect(logo.headers.get('content-type')).toBe('image/png')
  })

  it('removes the logo: the header shows the name alone and the favicon is the Hub’s own again', async () => {
    expect((await staff.post('/staff/settings/site/logo/remove', {})).status).toBe(303)
    const page = await (await visitor().get('/')).text()
    expect(page).not.toContain('/site/logo')
    expect(page).toContain('<link rel="icon" href="/favicon.svg"/>')
    expect((await visitor().get('/site/logo')).status).toBe(302)
  })

  it('is for staff only', async () => {
    const res = await visitor().get('/staff/settings/site')
    expect([302, 303, 401, 403]).toContain(res.status)
  })
})
