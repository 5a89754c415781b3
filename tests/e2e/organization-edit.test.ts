import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'

describe("editing an organisation's profile in a browser", () => {
  let hub: E2eHub
  let base: string
  let representative: string
  const dialogs: string[] = []

  beforeAll(async () => {
    hub = await startE2eHub({
      name: 'organization-edit',
      // Chromium logs the 400 and 403 these tests ask for; any other error counts.
      expectedConsoleError: ({ url, text }) =>
        /^Failed to load resource: the server responded with a status of 40[03]/.test(text) &&
        url.includes('/edit'),
    })
    base = hub.base

    // AMP SoCal's representative today, from the seat records.
    const [holder] = await queryRows<{ email: string }>(
      hub.database.db,
      sql`select p.email from seats s join organizations o on o.id = s.organization_id
        join people p on p.id = s.person_id
        where o.slug = ${ORG_A} and s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!holder) throw new Error(`${ORG_A} has no representative on ${DEMO_TODAY}`)
    representative = holder.email
    await hub.signIn(representative)
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
    expect(dialogs.splice(0), 'a dialog opened').toEqual([])
  })

  /**
   * A page in a fresh context, signed in as AMP SoCal's representative unless `anonymous`.
   * The CSP is bypassed: axe needs it, and without the CSP's help only escaping stands
   * between stored markup and a running script, which is what these tests check.
   */
  async function openPage(options: { anonymous?: boolean } = {}): Promise<Page> {
    const page = await hub.openPage({ signedInAs: options.anonymous ? undefined : representative })
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      await dialog.dismiss()
    })
    return page
  }

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
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
          hub.database.db,
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
