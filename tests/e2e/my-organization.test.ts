import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { DEMO_PASSWORD, ensureDemoAccounts } from '../../src/features/demo/demo-accounts.ts'
import { saveJoinDefaults } from '../../src/features/settings/index.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const ORG = 'amp-socal'

describe('a representative signing in with a browser', () => {
  let hub: E2eHub
  let base: string
  let representative: { email: string; full_name: string; name: string }

  beforeAll(async () => {
    // Nobody is signed in at start-up: the representative signs in with the demo password.
    hub = await startE2eHub({ name: 'my-organization' })
    base = hub.base
    // startHub does this itself on PGlite only; on a PostgreSQL server the test gives the accounts.
    await ensureDemoAccounts(hub.database.db, hub.auth, { today: DEMO_TODAY })
    const [row] = await queryRows<{ email: string; full_name: string; name: string }>(
      hub.database.db,
      sql`select p.email, p.full_name, o.name from seats s join people p on p.id = s.person_id
        join organizations o on o.id = s.organization_id
        where o.slug = ${ORG} and s.role = 'representative' and s.starts_on <= ${DEMO_TODAY}::date
          and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    if (!row) throw new Error(`${ORG} has no representative on ${DEMO_TODAY}`)
    representative = row
    await saveJoinDefaults(hub.database.db, 'system', {
      joinUrl: 'https://zoom.example.org/j/8675309',
      dialIn: '+1 555 0100, meeting 867 5309',
    })
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  it('lands on My organisation on the first sign-in, with the next call, how to join it, and what needs doing', async () => {
    const page = await hub.openPage({ width: 1280, height: 900 })
    await page.goto(`${base}/sign-in`)
    const form = page.getByRole('form', { name: 'With your password' })
    await form.getByLabel('Email address').fill(representative.email)
    await form.getByLabel('Password').fill(DEMO_PASSWORD)
    await Promise.all([
      page.waitForURL(`${base}/my-organization`),
      form.getByRole('button', { name: 'Sign in' }).click(),
    ])
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My organisation')
    expect(await page.getByRole('heading', { level: 2, name: representative.name }).count()).toBe(1)
    const callLink = page.getByRole('link', { name: "The call's page and agenda" })
    expect(await callLink.getAttribute('href')).toMatch(/^\/calls\/\d{4}-\d{2}-\d{2}$/)
    expect(await page.getByRole('link', { name: 'Join the call' }).getAttribute('href')).toBe(
      'https://zoom.example.org/j/8675309',
    )
    expect(await page.getByRole('heading', { name: 'What needs doing' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Hand over or swap the seats' }).getAttribute('href')).toBe(
      `/organizations/${ORG}/seats`,
    )
    await expectAccessible(page)
    await screenshot(page, 'my-organization-1280')
    await page.setViewportSize({ width: 390, height: 844 })
    await expectAccessible(page)
    await screenshot(page, 'my-organization-390')

    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}/members`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Member directory')
    expect(await page.getByText(representative.email).count()).toBeGreaterThan(0)
    await expectAccessible(page)
    await screenshot(page, 'member-directory-1280')
    await page.setViewportSize({ width: 390, height: 844 })
    await expectAccessible(page)
    await screenshot(page, 'member-directory-390')
  })
})
