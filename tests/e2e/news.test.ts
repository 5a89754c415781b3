import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PRESS_RELEASE_SLUG } from '../../src/features/demo/demo-news.ts'
import { screenshot } from '../support/browser.ts'
import { type E2eHub, startE2eHub } from '../support/e2e-hub.ts'
import { samplePng } from '../support/fixtures/sample-files.ts'

const STAFF = 'staff@example.org'

describe('news in a browser', () => {
  let hub: E2eHub

  beforeAll(async () => {
    hub = await startE2eHub({ name: 'news', signIn: [STAFF] })
  })
  afterAll(async () => {
    await hub?.stop()
  })
  afterEach(async () => {
    await hub.closePages()
    expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
  })

  it('lets staff write a post with a cover that a visitor then reads, every page accessible at both widths', async () => {
    // The file as the browser sends it (no temporary file is left behind).
    const cover = { name: 'wichita-skyline.png', mimeType: 'image/png', buffer: samplePng(64) }
    const staff = await hub.openPage({ signedInAs: STAFF })
    await staff.goto(`${hub.base}/staff/news/new`)
    expect(await hub.accessibilityProblems(staff)).toBe('')
    await staff.getByLabel('Title').fill('Members meet in Wichita')
    await staff.getByLabel('Date').fill('2026-11-20')
    await staff.getByLabel('Time').fill('10:00')
    await staff.getByLabel('Status').selectOption('published')
    await staff
      .getByLabel('Summary')
      .fill('The spring meeting of the network will be hosted by South Kansas.')
    await staff.getByLabel('Text (Markdown)').fill('## Programme\n\n- Visits\n- Workshops')
    await staff.getByLabel('Press release').check()
    await staff.getByLabel('Image (PNG or JPEG, at most 20 MB)').setInputFiles(cover)
    await staff.getByLabel('What the image shows (for people who cannot see it)').fill('The Wichita skyline')
    await staff.getByRole('button', { name: 'Save the post' }).click()
    await staff.waitForURL(/\/staff\/news\/[0-9a-f-]+\/edit\?saved=1$/)
    expect(await staff.getByRole('status').first().textContent()).toContain('The post was saved.')
    await screenshot(staff, 'news-editor-1280')

    for (const width of [1280, 390]) {
      const visitor = await hub.openPage({ width })
      await visitor.goto(`${hub.base}/news`)
      expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('News')
      const titles = await visitor.locator('.news-item h2').allTextContents()
      expect(titles[0]).toBe('Members meet in Wichita')
      expect(titles).toContain('AMP SoCal redesignated as a Manufacturing Community')
      expect(await hub.accessibilityProblems(visitor)).toBe('')
      await screenshot(visitor, `news-list-${width}`)
      await visitor.getByRole('link', { name: 'Members meet in Wichita' }).click()
      await visitor.waitForURL(`${hub.base}/news/members-meet-in-wichita`)
      const image = visitor.getByRole('img', { name: 'The Wichita skyline' })
      expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64)
      expect(await hub.accessibilityProblems(visitor)).toBe('')
      await visitor.goto(`${hub.base}/news/${DEMO_PRESS_RELEASE_SLUG}`)
      expect(await hub.accessibilityProblems(visitor)).toBe('')
      await screenshot(visitor, `news-post-${width}`)
    }
    const phone = await hub.openPage({ signedInAs: STAFF, width: 390 })
    await phone.goto(`${hub.base}/staff/news`)
    expect(await hub.accessibilityProblems(phone)).toBe('')
    await phone.getByRole('link', { name: 'Members meet in Wichita' }).click()
    expect(await hub.accessibilityProblems(phone)).toBe('')
    await screenshot(phone, 'news-editor-390')
  })
})
