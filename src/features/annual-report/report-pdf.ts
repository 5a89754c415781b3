/**
 * The annual report as a PDF: Chromium (driven by playwright-core) prints the report's page the
 * way a browser's "Save as PDF" would, with the print stylesheet. Chromium is not bundled: Debian's
 * /usr/bin/chromium, or CHROMIUM_PATH, is used when it is installed; otherwise the caller is told.
 */
import { access, constants } from 'node:fs/promises'
import { AppError } from '#src/lib/errors.ts'

/** Where Chromium is looked for unless CHROMIUM_PATH names another. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/** Flags for a headless Chromium that makes no network calls of its own (STACK.md). */
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** The sentence that says what is missing and how to install it, or null when Chromium can run. */
export async function chromiumProblem(chromiumPath: string): Promise<string | null> {
  try {
    await access(chromiumPath, constants.X_OK)
    return null
  } catch {
    return `A PDF needs Chromium, which is not installed at ${chromiumPath}: install it (on Debian or Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable, then run the command again.`
  }
}

/**
 * Prints `url` (the report's page on a running Hub) to `file` as a Letter-sized PDF with its
 * print stylesheet and backgrounds; returns the number of pages.
 * @throws AppError INTERNAL when Chromium or playwright-core cannot be started, or the page does not answer 200
 */
export async function printReportPdf(options: {
  url: string
  file: string
  chromiumPath: string
}): Promise<number> {
  const problem = await chromiumProblem(options.chromiumPath)
  if (problem) throw new AppError('INTERNAL', { userMessage: problem })
  let chromium: typeof import('playwright-core').chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    throw new AppError('INTERNAL', {
      userMessage:
        'A PDF needs the playwright-core package to drive Chromium: run npm install (it is not installed with --omit=dev).',
    })
  }
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: chromiumFlags })
  try {
    const page = await browser.newPage()
    const response = await page.goto(options.url, { waitUntil: 'load' })
    if (response?.status() !== 200)
      throw new AppError('INTERNAL', {
        userMessage: `The report's page answered ${response?.status() ?? 'nothing'}: no PDF was written.`,
      })
    await page.emulateMedia({ media: 'print' })
    const bytes = await page.pdf({ path: options.file, format: 'Letter', printBackground: true })
    return await pdfPageCount(bytes)
  } finally {
    await browser.close()
  }
}

/** The number of pages of a PDF (read with pdfjs-dist, as the library reads uploads). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 })
  try {
    return (await task.promise).numPages
  } finally {
    await task.destroy()
  }
}
