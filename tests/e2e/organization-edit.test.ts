import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAuth } from '#src/http/auth.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { loadConfig } from '../../src/config.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { type RunningHub, startHub } from '../../src/server.ts'
import { checkAccessibility, launchBrowser, screenshot } from '../support/browser.ts'
import { DEMO_TODAY, testClock } from '../support/fixtures.ts'
import { signInCookies } from '../support/sign-in-as.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const AUTH_SECRET = 'e2e-secret-for-the-profile-form-long-enough'
const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'

describe("editing an organisation's profile in a browser", () => {
  let database: TestDatabase
  let hub: RunningHub
  let browser: Browser
  let base: string
  let dataDir: string
  let representativeCookies: { name: string; value: string }[]
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const dialogs: string[] = []

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-e2e-edit-'))
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      AUTH_SECRET,
      DATA_DIR: dataDir,
    })
    hub = await startHub(config, { database, clock: testClock() })
    base = `http://127.0.0.1:${hub.port}`

    // AMP SoCal's representative today, from the seat records.
    const [representative] = await queryRows<{ email: string }>(
      database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id
        where o.slug = ${ORG_A} and s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!representative) throw new Error(`${ORG_A} has no representative on ${DEMO_TODAY}`)
    // Signed in through better-auth itself, with the hub's secret, so the hub accepts the cookie.
    const mailer = createMailer({ outboxDir: path.join(dataDir, 'outbox'), from: 'Hub <hub@example.org>' })
    const auth = createAuth({
      db: database.db,
      baseUrl: base,
      secret: AUTH_SECRET,
      mailer,
      signInPerMinute: 1000,
    })
    representativeCookies = await signInCookies(database.db, auth, {
      email: representative.email,
      origin: base,
    })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await browser?.close()
    await hub?.close()
    await database?.drop()
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()))
    const errors = pageErrors.splice(0)
    expect(errors, 'the page logged errors').toEqual([])
    expect(dialogs.splice(0), 'a dialog opened').toEqual([])
  })

  /**
   * A page in a fresh context, signed in as AMP SoCal's representative unless `anonymous`.
   * The CSP is bypassed: axe needs it, and without the CSP's help only escaping stands
   * between stored markup and a running script, which is what these tests check.
   */
  async function openPage(options: { anonymous?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    if (!options.anonymous) await context.addCookies(representativeCookies.map((c) => ({ ...c, url: base })))
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      // Chromium logs the 400 and 403 these tests ask for; any other error counts.
      const expected = /^Failed to load resource: the server responded with a status of 40[03]/.test(
        message.text(),
      )
      if (!expected || !message.location().url.includes('/edit'))
        pageErrors.push(`${message.location().url}: ${message.text()}`)
    })
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      await dialog.dismiss()
    })
    return page
  }

  async function expectAccessible(page: Page) {
    const violations = await checkAccessibility(page)
    expect(violations.join('\n\n'), `axe on ${page.url()}`).toBe('')
  }

  const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)

  it('shows the representative an accessible form with the profile as it is', async () => {
    const page = await openPage()
    const response = await page.goto(`${base}/organizations/${ORG_A}/edit`)
    expect(response?.status()).toBe(200)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Edit the profile of Advanced Manufacturing Partnership for Southern California',
    )
    expect(await page.getByLabel('Focus industries').inputValue()).toBe('Aerospace and defense')
    expect(await page.getByLabel('Website').getAttribute('aria-describedby')).toBe('field-website-hint')
    await expectAccessible(page)
    await screenshot(page, 'organization-edit-form')
  })

  it('keeps what was typed and says what is expected when a field is wrong', async () => {
    const page = await openPage()
    await page.goto(`${base}/organizations/${ORG_A}/edit`)
    await page.getByLabel('Website').fill('amp-socal dot org')
    await page.getByLabel('Summary').fill('Typed and kept.')
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/${ORG_A}/edit`)),
      page.getByRole('button', { name: 'Save the profile' }).click(),
    ])
    expect(answer.status()).toBe(400)
    await page.waitForSelector('#form-problems')
    const website = page.getByLabel('Website')
    expect(await website.inputValue()).toBe('amp-socal dot org')
    expect(await website.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#field-website-error').textContent()).toBe(
      'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
    )
    expect(await page.getByLabel('Summary').inputValue()).toBe('Typed and kept.')
    expect(await page.getByRole('alert').textContent()).toContain(
      'The profile was not saved: one field needs a change.',
    )
    await expectAccessible(page)
    await screenshot(page, 'organization-edit-errors')
  })

  it('saves a summary with a script in it and shows it as text: no script runs', async () => {
    const summary =
      'We build parts for rockets. <script>window.__pwned = true</script> <img src=x onerror="window.__pwned = 2">'
    const page = await openPage()
    await page.goto(`${base}/organizations/${ORG_A}/edit`)
    await page.getByLabel('Summary').fill(summary)
    await page.getByLabel('Website').fill('https://amp-socal.example.org')
    await page.getByLabel('Partner organisations').fill('Port of Long Beach\nCal State LA')
    await Promise.all([
      page.waitForURL(`${base}/organizations/${ORG_A}`),
      page.getByRole('button', { name: 'Save the profile' }).click(),
    ])
    expect(await page.locator('p.lede').textContent()).toBe(summary)
    expect(await page.locator('main script').count()).toBe(0)
    expect(await page.locator('main img[src="x"]').count()).toBe(0)
    expect(await page.getByText('2 partner organisations on record.').count()).toBe(1)
    expect(await pwned(page)).toBeUndefined()
    await screenshot(page, 'organization-profile-after-edit')

    // The copy cached for anonymous visitors shows it the same way.
    const visitor = await openPage({ anonymous: true })
    await visitor.goto(`${base}/organizations/${ORG_A}`)
    expect(await visitor.locator('p.lede').textContent()).toBe(summary)
    expect(await pwned(visitor)).toBeUndefined()

    // And the form shows it back as text in its textarea.
    await page.goto(`${base}/organizations/${ORG_A}/edit`)
    expect(await page.getByLabel('Summary').inputValue()).toBe(summary)
    expect(await pwned(page)).toBeUndefined()
  })

  it("refuses the representative another organisation's form", async () => {
    const page = await openPage()
    const response = await page.goto(`${base}/organizations/${ORG_B}/edit`)
    expect(response?.status()).toBe(403)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed')
    expect(await page.locator('form[action$="/edit"]').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'organization-edit-403')
  })

  it("refuses the representative's post to another organisation's form, and changes nothing", async () => {
    const rowOf = async (slug: string) =>
      (
        await queryRows<Record<string, unknown>>(
          database.db,
          sql`select summary, website, focus_industries, updated_at::text from organizations where slug = ${slug}`,
        )
      )[0]
    const before = await rowOf(ORG_B)
    const page = await openPage()
    // Our own form, with a valid form token, pointed at the other organisation: the server must say no.
    await page.goto(`${base}/organizations/${ORG_A}/edit`)
    await page.getByLabel('Summary').fill('Taken over by another organisation')
    await page.evaluate((target) => {
      const form = document.querySelector('form[action$="/edit"]') as HTMLFormElement
      form.action = target
    }, `${base}/organizations/${ORG_B}/edit`)
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith(`/organizations/${ORG_B}/edit`) && r.request().method() === 'POST',
      ),
      page.getByRole('button', { name: 'Save the profile' }).click(),
    ])
    expect(response.status()).toBe(403)
    await page.waitForLoadState()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed')
    expect(await rowOf(ORG_B)).toEqual(before)
  })
})
