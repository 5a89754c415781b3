import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

const body = readFileSync(new URL('./upload.client.js', import.meta.url), 'utf8')

/** The extract upload's small script, from our own origin (script-src 'self'), its hash in its URL. */
export const extractUploadScript = { body, hash: createHash('sha1').update(body).digest('hex').slice(0, 10) }
export const extractUploadScriptPath = `/assets/funding-upload.js?v=${extractUploadScript.hash}`
