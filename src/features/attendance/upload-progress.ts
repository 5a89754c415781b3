import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const body = readFileSync(new URL('./upload-progress.client.js', import.meta.url), 'utf8')

/**
 * The small browser script that shows the progress of a report upload. Served from our own
 * origin (the CSP allows script-src 'self' only), with a content hash in its URL so that a
 * changed script is fetched again at once.
 */
export const uploadScript = {
  body,
  hash: createHash('sha1').update(body).digest('hex').slice(0, 10),
}
export const uploadScriptPath = `/assets/attendance-upload.js?v=${uploadScript.hash}`
