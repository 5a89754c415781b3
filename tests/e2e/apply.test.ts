import { sql } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { applicationEvents, applicationReviews, applications } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { nearMisses, sampleFiles } from '../support/fixtures/sample-files.ts'

const criteria = [
  ['agreement', 'Written collaboration agreement', sampleFiles.pdf],
  ['swot', 'SWOT analysis', sampleFiles.docx],
  ['plan', 'Regional economic development plan with a manufacturing component', sampleFiles.xlsx],
  ['dei_sustainability', 'Interest in DEI and environmental sustainability', sampleFiles.pptx],
] as const

describe('applying for membership in a browser', () => {
  let hub: E2eHub
  let base: string

  beforeAll(async () => {
    hub = await startE2eHub({
      name: 'apply',
      // Chromium logs the 400 a refused upload answers with; that one is expected.
      expectedConsoleError: ({ text }) => /status of 400/.test(text),
    })
    base = hub.base
  })

  afterAll(async () => {
    await hub?.stop()
  })

  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  /** A fresh browser (no cookies); the CSP is bypassed so that axe can run. */
  const openPage = () => hub.openPage()

  async function expectAccessible(page: Page) {
    expect(await hub.accessibilityProblems(page), `axe on ${page.url()}`).toBe('')
  }

  /** Clicks a button that submits a form and waits for the page it leads to. */
  async function submit(page: Page, button: ReturnType<Page['getByRole']>) {
    await Promise.all([page.waitForNavigation(), button.click()])
  }

  it('starts from the apply page, follows the emailed link, fills the draft and four documents, submits, and answers staff', async () => {
    const email = 'morgan.lee@lakeshore.example.org'
    const sent = hub.sink.messages.length
    const page = await openPage()
    await page.goto(`${base}/apply`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Apply to join the collaborative',
    )
    await expectAccessible(page)
    await screenshot(page, 'apply')

    const start = page.getByRole('form', { name: 'Start an application' })
    await start.getByLabel('Your full name').fill('Morgan Lee')
    await start.getByLabel('Your email address').fill(email)
    await start.getByLabel('A member community').check()
    await start.getByLabel('Name of the organisation').fill('Lakeshore Manufacturing Partnership')
    await submit(page, start.getByRole('button', { name: 'Start and email me the link' }))
    expect(await page.getByRole('status').textContent()).toContain(
      `We sent you a link to your draft at ${email}`,
    )
    await expectAccessible(page)
    await screenshot(page, 'apply-check-email')

    const message = await hub.waitForEmail(email, { since: sent })
    await page.goto(message.text.match(/https?:\/\/\S+/)?.[0] ?? '')
    expect(page.url()).toMatch(new RegExp(`^${base}/applications/[0-9a-f-]{36}$`))
    const id = page.url().split('/').at(-1) ?? ''
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Lakeshore Manufacturing Partnership',
    )
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Morgan Lee' }).count(),
    ).toBe(1)
    await expectAccessible(page)

    // The profile, then the region: states first, then their counties by name.
    const draft = page.locator('#draft-form')
    await draft.getByLabel('Short name').fill('LMP')
    await draft.getByLabel('Lead organisation').fill('Lakeshore University Center for Economic Development')
    await draft.getByLabel('Website').fill('https://lmp.example.org')
    await draft
      .getByLabel('Summary')
      .fill('Six counties around the lake, building the next generation of makers.')
    await draft
      .getByLabel('Partner organisations')
      .fill('City of Lakeshore\nLakeshore College\nPort of Lakeshore')
    await draft.getByLabel('Focus industries').fill('Advanced materials\nMarine manufacturing')
    await draft.getByLabel('Program').first().selectOption('DMCSP')
    await draft.getByLabel('Date').first().fill('2020-11-13')
    await draft.getByLabel('Michigan').check()
    await draft.getByLabel('Ohio').check()
    await submit(page, draft.getByRole('button', { name: 'Save and show the counties' }))
    expect(await page.getByRole('status').textContent()).toBe('Your draft is saved.')
    const counties = page.locator('#draft-form')
    await counties
      .getByRole('group', { name: 'Counties in Michigan' })
      .getByLabel('Kent', { exact: true })
      .check()
    await counties
      .getByRole('group', { name: 'Counties in Michigan' })
      .getByLabel('Ottawa', { exact: true })
      .check()
    await counties
      .getByRole('group', { name: 'Counties in Ohio' })
      .getByLabel('Lucas', { exact: true })
      .check()
    await submit(page, counties.getByRole('button', { name: 'Save the draft' }))
    expect(
      await page
        .locator('svg.us-map path[data-fips]')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-fips'))),
    ).toEqual(expect.arrayContaining(['26081', '26139', '39095']))
    await screenshot(page, 'apply-draft-region')

    // The two seats and the commitments, typed but not saved: uploads keep every field.
    const typed = {
      '#representative-fullName': 'Rosa Delgado',
      '#representative-email': 'rosa.delgado@lmp.example.org',
      '#representative-title': 'Director of economic development',
      '#alternate-fullName': 'Amir Haddad',
      '#alternate-email': 'amir.haddad@lmp.example.org',
      '#alternate-title': 'Program manager',
      '#field-summary': 'Six counties around the lake, typed again before an upload.',
    }
    for (const [selector, value] of Object.entries(typed)) await page.locator(selector).fill(value)
    const seatsSection = page.locator('#seats')
    for (const label of [/at least half of the weekly calls/, /one presentation a year/, /every quarter/])
      await seatsSection.getByLabel(label).check()
    await page.locator('#evidence-plan-link').fill('https://lmp.example.org/plan-typed')
    const expectTypedKept = async () => {
      for (const [selector, value] of Object.entries(typed))
        expect(await page.locator(selector).inputValue(), selector).toBe(value)
      expect(await page.locator('#seats input[type=checkbox]:checked').count()).toBe(3)
    }
    await seatsSection.scrollIntoViewIfNeeded()
    await screenshot(page, 'apply-draft-seats')
    await page.setViewportSize({ width: 390, height: 844 })
    await seatsSection.scrollIntoViewIfNeeded()
    await screenshot(page, 'apply-draft-seats-phone')
    await page.setViewportSize({ width: 1280, height: 900 })

    // A text file called report.pdf is refused next to its criterion; the draft stays.
    const agreement = page.locator('#evidence-agreement')
    const refused = nearMisses.textAsPdf()
    await agreement.getByLabel('Upload a document').setInputFiles({
      name: refused.name,
      mimeType: 'application/pdf',
      buffer: refused.bytes,
    })
    await submit(page, agreement.getByRole('button', { name: /^Add the evidence/ }))
    expect(await page.locator('#evidence-agreement-error').textContent()).toBe(
      'report.pdf is not a PDF: its content is not a PDF, Word, Excel, PowerPoint, PNG or JPEG file.',
    )
    expect(await page.locator('#draft-form').getByLabel('Short name').inputValue()).toBe('LMP')
    await expectTypedKept()
    expect(await page.locator('#evidence-plan-link').inputValue()).toBe('https://lmp.example.org/plan-typed')
    await page.locator('#evidence-plan-link').fill('')
    await expectAccessible(page)
    await screenshot(page.locator('#evidence').page(), 'apply-upload-refused')

    for (const [criterion, label, make] of criteria) {
      const sample = make()
      const card = page.locator(`#evidence-${criterion}`)
      expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe(label)
      await card.getByLabel('Upload a document').setInputFiles({
        name: sample.name,
        mimeType: sample.contentType,
        buffer: sample.bytes,
      })
      await submit(page, card.getByRole('button', { name: /^Add the evidence/ }))
      expect(
        await page.locator(`#evidence-${criterion}`).getByRole('link', { name: sample.name }).count(),
      ).toBe(1)
      await expectTypedKept()
    }

    // Removing evidence keeps what was typed too: the remove button sends the draft form, as adding does.
    typed['#field-summary'] = 'Six counties around the lake, typed again before a removal.'
    await page.locator('#field-summary').fill(typed['#field-summary'])
    await page.locator('#evidence-plan-link').fill('https://lmp.example.org/plan-typed-again')
    const [removedCriterion, , makeRemoved] = criteria[0] ?? []
    const removedSample = makeRemoved?.()
    if (!removedCriterion || !removedSample) throw new Error('no criteria to remove evidence from')
    const removedCard = page.locator(`#evidence-${removedCriterion}`)
    await submit(page, removedCard.getByRole('button', { name: /^Remove/ }))
    expect(await page.getByRole('status').first().textContent()).toContain('The evidence is removed.')
    expect(await removedCard.getByRole('link', { name: removedSample.name }).count()).toBe(0)
    await expectTypedKept()
    expect(await page.locator('#evidence-plan-link').inputValue()).toBe(
      'https://lmp.example.org/plan-typed-again',
    )
    await page.locator('#evidence-plan-link').fill('')
    await removedCard.getByLabel('Upload a document').setInputFiles({
      name: removedSample.name,
      mimeType: removedSample.contentType,
      buffer: removedSample.bytes,
    })
    await submit(page, removedCard.getByRole('button', { name: /^Add the evidence/ }))
    expect(await removedCard.getByRole('link', { name: removedSample.name }).count()).toBe(1)
    await expectTypedKept()

    await expectAccessible(page)
    await screenshot(page, 'apply-draft-complete')
    await page.setViewportSize({ width: 390, height: 844 })
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0)
    await screenshot(page, 'apply-draft-phone')
    await page.setViewportSize({ width: 1280, height: 900 })

    await submit(page, page.getByRole('button', { name: 'Submit the application' }))
    expect(await page.getByRole('status').textContent()).toBe('Your application is submitted.')
    expect(await page.locator('.status-card .status').textContent()).toBe('Submitted: with staff')
    expect(await page.locator('#draft-form').count()).toBe(0)
    await expectAccessible(page)
    await screenshot(page, 'apply-submitted')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'apply-submitted-phone')

    // The download link serves the file as an attachment.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#evidence-agreement').getByRole('link', { name: 'agreement.pdf' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('agreement.pdf')

    // Staff ask for more on one criterion (their pages do this; here, the records they write).
    const [staff] = await queryRows<{ id: string }>(
      hub.database.db,
      sql`select id from people where email = 'staff@example.org'`,
    )
    await writeAs(hub.database.db, `person:${staff?.id}`, async (tx) => {
      await tx.insert(applicationReviews).values(
        criteria.map(([criterion]) => ({
          applicationId: id,
          round: 1,
          criterion,
          verdict: criterion === 'swot' ? ('needs_info' as const) : ('met' as const),
          comment: criterion === 'swot' ? 'Please add the threats section of the SWOT.' : null,
          reviewerId: staff?.id ?? '',
        })),
      )
      await tx.update(applications).set({ status: 'needs_info' }).where(sql`${applications.id} = ${id}`)
      await tx.insert(applicationEvents).values({
        applicationId: id,
        kind: 'info_requested',
        actorId: staff?.id,
        round: 1,
        comment: 'One question on the SWOT analysis.',
      })
    })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${base}/applications/${id}`)
    expect(await page.locator('.status-card .status').textContent()).toBe('More information needed')
    expect(await page.getByRole('row', { name: /SWOT analysis/ }).textContent()).toContain(
      'Needs more information',
    )
    const swot = page.locator('#evidence-swot')
    await swot.getByLabel('Upload a document').setInputFiles({
      name: 'swot-threats.pdf',
      mimeType: 'application/pdf',
      buffer: sampleFiles.pdf().bytes,
    })
    await submit(page, swot.getByRole('button', { name: /^Add the evidence/ }))
    await expectAccessible(page)
    await screenshot(page, 'apply-needs-info')
    await page.getByLabel('Answer to staff').fill('The threats section is in swot-threats.pdf.')
    await submit(page, page.getByRole('button', { name: 'Send the answer' }))
    expect(await page.getByRole('status').textContent()).toBe(
      'Your answer is sent: the application is back with staff.',
    )
    expect(await page.locator('.timeline li').last().textContent()).toContain(
      'The threats section is in swot-threats.pdf.',
    )

    const [stored] = await queryRows<{ status: string; round: number; counties: string[]; files: number }>(
      hub.database.db,
      sql`select a.status, a.round, a.counties,
          (select count(*)::int from application_evidence e where e.application_id = a.id and e.file_id is not null) as files
        from applications a where a.id = ${id}`,
    )
    expect(stored).toEqual({ status: 'submitted', round: 2, counties: ['26081', '26139', '39095'], files: 5 })
  }, 120_000)

  it('shows the apply page well on a phone', async () => {
    const page = await openPage()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${base}/apply?category=bff`)
    expect(await page.getByRole('radio', { name: 'A BFF' }).isChecked()).toBe(true)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await expectAccessible(page)
    await screenshot(page, 'apply-phone')
  })
})
