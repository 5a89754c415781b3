import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const css = readFileSync(new URL('./site.css', import.meta.url), 'utf8')

/** The stylesheet, with a content hash that changes its URL whenever it changes. */
export const siteCss = {
  body: css,
  hash: createHash('sha1').update(css).digest('hex').slice(0, 10),
}
export const siteCssPath = `/assets/site.css?v=${siteCss.hash}`
