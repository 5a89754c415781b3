import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/client.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'
import {
  buildReportNetwork,
  NETWORK_NAME,
  REPORT_TODAY,
  REPORT_YEAR,
} from '../integration/annual-report-network.ts'
import { chromiumPath, screenshotDir } from '../support/browser.ts'
import { testClock } from '../support/fixtures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, testEngine } from '../support/test-database.ts'

const run = promisify(execFile)

/** The text of each page of a PDF (pdfjs-dist, as the library reads uploads). */
async function pageTexts(file: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({
    data: new Uint8Array(await readFile(file)),
    isEvalSupported: false,
    verbosity: 0,
  })
  try {
    const doc = await task.promise
    const texts: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent()
      texts.push(
        content.items
          // Joined as written: a ligature ("fi") is an item of its own inside a word.
          .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
          .join('')
          .replace(/\s+/g, ' '),
      )
    }
    return texts
  } finally {
    await task.destroy()
  }
}

describe(`hub report --pdf on ${testEngine}`, () => {
  let home = ''
  let env: Record<string, string> = {}
  let dropServerDatabase = async () => {}

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'hub-annual-report-'))
    if (testEngine === 'postgres') {
      const server = await createTestDatabase({ today: REPORT_TODAY })
      await buildReportNetwork(server.db)
      env = { DATABASE_URL: server.url as string }
      dropServerDatabase = () => server.drop()
    } else {
      const dataDir = path.join(home, 'data', 'pglite')
      const database = await openDatabase({ kind: 'pglite', dataDir, clock: testClock(REPORT_TODAY) })
      await migrateDatabase(database)
      await buildReportNetwork(database.db)
      await database.close()
      env = { DATA_DIR: path.join(home, 'data') }
    }
    env = { ...env, HUB_TODAY: REPORT_TODAY, CHROMIUM_PATH: chromiumPath }
  }, 120_000)
  afterAll(async () => {
    await dropServerDatabase()
    await rm(home, { recursive: true, force: true })
  })

  it('prints the year to a PDF: a cover, the highlights and totals, a page per community', async () => {
    const file = path.join(home, `annual-report-${REPORT_YEAR}.pdf`)
    const done = await runHub(['report', '--year', String(REPORT_YEAR), '--pdf', file, '--json'], env)
    expect(done.stderr).toBe('')
    expect(done.code).toBe(0)
    const json = JSON.parse(done.stdout)
    expect(json).toEqual({ year: REPORT_YEAR, file, pages: expect.any(Number) })

    // Every page as a PNG at 50 dpi, kept with the screenshots to be looked at.
    const pngs = path.join(screenshotDir, 'annual-report')
    await rm(pngs, { recursive: true, force: true })
    await mkdir(pngs, { recursive: true })
    await run('pdftoppm', ['-png', '-r', '50', file, path.join(pngs, `${testEngine}-page`)])
    const images = (await readdir(pngs)).filter((name) => name.endsWith('.png'))
    expect(images).toHaveLength(json.pages)
    await cp(file, path.join(pngs, `${testEngine}-annual-report.pdf`))

    // Cover, highlights and outcomes, Alpha, Beta, the members without figures (the outcomes
    // table may start a page of its own, depending on the fonts).
    expect(json.pages).toBeGreaterThanOrEqual(5)
    expect(json.pages).toBeLessThanOrEqual(6)
    const pages = await pageTexts(file)
    expect(pages).toHaveLength(json.pages)
    expect(pages[0]?.toUpperCase()).toContain(NETWORK_NAME.toUpperCase())
    expect(pages[0]).toContain(`Annual report ${REPORT_YEAR}`)
    expect(pages[0]).not.toContain('The year in figures')

    const all = pages.join(' \f ')
    expect(all).toContain('33%')
    expect(all).toContain('3 national calls held')
    const outcomes = pages.find(
      (text) => text.includes('Outcomes against goals') || text.includes('Verified total'),
    )
    expect(outcomes).toBeDefined()
    // The network totals: 120 + 30 jobs, $1,234,567.89 + $500,000 invested, 150 of a goal of 240.
    expect(all).toMatch(/Jobs created 150 2 240 150 63%/)
    expect(all).toContain('$1,734,567.89')
    expect(all).not.toContain('5,000')

    const pageOf = (name: string) => pages.findIndex((text) => text.includes(name))
    const alpha = pageOf('Alpha Valley Makers')
    const beta = pageOf('Beta Coast Works')
    const quiet = pageOf('Members without verified figures or goals')
    expect(new Set([alpha, beta, quiet]).size).toBe(3)
    expect(pages[alpha]).toContain('$1,234,567.89')
    expect(pages[alpha]).not.toContain('Beta Coast Works')
    expect(pages[quiet]).toContain('Gamma Plains Industry')
    // No navigation on paper.
    expect(all).not.toContain('Skip to content')
    expect(all).not.toContain('Directory and map')
  }, 120_000)

  it('says that a PDF needs Chromium, and how to install it, when there is none', async () => {
    const file = path.join(home, 'none.pdf')
    const done = await runHub(['report', '--year', String(REPORT_YEAR), '--pdf', file], {
      ...env,
      CHROMIUM_PATH: path.join(home, 'no-chromium-here'),
    })
    expect(done.code).toBe(1)
    expect(done.stderr).toContain('A PDF needs Chromium')
    expect(done.stderr).toContain('apt-get install -y chromium')
    expect(done.stderr).toContain('CHROMIUM_PATH')
    await expect(stat(file)).rejects.toThrow()
  }, 60_000)
})
