import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const body = readFileSync(new URL('./upload.client.js', import.meta.url), 'utf8')

/** The upload page's small script, from our own origin (script-src 'self'), its hash in its URL. */
export const uploadScript = { body, hash: createHash('sha1').update(body).digest('hex').slice(0, 10) }
export const uploadScriptPath = `/assets/wordpress-upload.js?v=${uploadScript.hash}`
