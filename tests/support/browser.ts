import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import axe from 'axe-core'
import { type Browser, chromium, type Page } from 'playwright-core'

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (playwright-core bundles no browser). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Where the e2e tests leave their screenshots (gitignored). */
export const screenshotDir = path.resolve('.test-artifacts/screenshots')

/** Launches a headless Chromium that makes no network calls of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Saves a screenshot (full page unless told) as `<name>.png` in the artifacts folder; returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name}.png`)
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true })
  return file
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

type Violation = {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: string[]; failureSummary: string | null }[]
}

/**
 * Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules) and returns its serious and
 * critical violations as readable lines; an empty list means the page passed.
 * The page's context must be created with `bypassCSP: true`: the site's CSP forbids
 * the inline script axe is injected as.
 */
export async function checkAccessibility(page: Page): Promise<string[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window)
  if (!hasAxe) await page.addScriptTag({ content: axe.source })
  const violations = await page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> }
    }
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }))
  }, wcagTags)
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`)
      const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []
      return [`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`, ...nodes, ...more].join('\n')
    })
}
