import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const css = readFileSync(new URL('./annual-report.css', import.meta.url), 'utf8')

/**
 * The annual report's stylesheet (its cover, and its printed pages), served like site.css: its
 * address carries a hash of its content, so a browser keeps it until it changes.
 */
export const annualReportCss = {
  body: css,
  hash: createHash('sha1').update(css).digest('hex').slice(0, 10),
}
export const annualReportCssPath = `/assets/annual-report.css?v=${annualReportCss.hash}`
