import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const body = readFileSync(new URL('./review-keys.client.js', import.meta.url), 'utf8')

/** The small browser script of the review form's keyboard flow, served from our own origin with a content hash. */
export const reviewScript = {
  body,
  hash: createHash('sha1').update(body).digest('hex').slice(0, 10),
}
export const reviewScriptPath = `/assets/attendance-review.js?v=${reviewScript.hash}`
