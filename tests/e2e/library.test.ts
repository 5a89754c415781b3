import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { samplePdf } from '../support/fixtures/sample-files.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'

const ORG_A = 'amp-socal'

describe('the library and the presentations archive in a browser', () => {
  let hub: E2eHub
  let base: string
  let representative: string
  const staff = 'staff@example.org'

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'library', signIn: [staff] })
    base = hub.base
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
  })

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  it('lets staff publish a briefing with a PDF, which a representative finds and ticks in the sharing form', async () => {
    // The file as the browser sends it (no temporary file is left behind).
    const pdf = {
      name: 'supplier-survey.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf('Regional supplier survey results'),
    }
    const page = await hub.openPage({ signedInAs: staff })
    await page.goto(`${base}/staff/library/new`)
    await expectAccessible(page)
    await screenshot(page, 'library-staff-new-1280')
    await page.getByLabel('Title').fill('Supplier survey of the autumn')
    await page.getByLabel('Summary').fill('What forty suppliers told us.')
    await page.getByLabel('Text', { exact: true }).fill('## Findings\n\nMost suppliers want new customers.')
    await page.getByLabel('Tags').fill('supply chain')
    await page.getByLabel('Attach a file').setInputFiles(pdf)
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/\/staff\/library\/[0-9a-f-]{36}\?done=created/)
    expect(await page.getByText('Its text is searchable.').count()).toBe(1)
    await expectAccessible(page)
    await screenshot(page, 'library-staff-edit-1280')

    const rep = await hub.openPage({ signedInAs: representative })
    await rep.goto(`${base}/library`)
    await rep.getByLabel('Tag').selectOption('supply chain')
    await rep.getByRole('button', { name: 'Apply filters' }).click()
    await rep.getByRole('link', { name: 'Supplier survey of the autumn' }).click()
    expect(await rep.getByRole('heading', { level: 1 }).textContent()).toBe('Supplier survey of the autumn')
    expect(await rep.getByRole('link', { name: /\.pdf$/ }).count()).toBe(1)
    await expectAccessible(rep)

    await rep.goto(`${base}/organizations/${ORG_A}/sharing`)
    const box = rep.getByRole('checkbox', { name: /Supplier survey of the autumn/ })
    await box.check()
    expect(await box.isChecked()).toBe(true)
    await expectAccessible(rep)
    await screenshot(rep, 'library-sharing-form-1280')
  })

  it('shows the library, an item, the archive and a presentation, accessible at 1280 and 390 pixels', async () => {
    const [given] = await queryRows<{ year: number; slug: string }>(
      hub.database.db,
      sql`select p.year, o.slug from presentations p join organizations o on o.id = p.organization_id
        where p.status = 'given' and p.visibility = 'public' and p.summary <> '' order by o.slug limit 1`,
    )
    expect(given).toBeTruthy()
    const pages: [string, string][] = [
      ['library', '/library'],
      ['library-item', '/library/workforce-pipelines'],
      ['presentations', '/presentations'],
      ['presentation', `/presentations/${given?.year}/${given?.slug}`],
    ]
    for (const width of [1280, 390]) {
      const page = await hub.openPage({ width })
      for (const [name, address] of pages) {
        const res = await page.goto(`${base}${address}`)
        expect(res?.status(), address).toBe(200)
        await expectAccessible(page)
        await screenshot(page, `library-${name}-${width}`)
      }
      await page.close()
    }
  })
})
