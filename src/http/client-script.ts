import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Hono } from 'hono'
import type { AppEnv } from './deps.ts'
import { requirePermission } from './guard.ts'

/** A small browser script the Hub serves from its own origin (the CSP allows script-src 'self' only). */
export type ClientScript = {
  /** Where it is answered, e.g. /assets/funding-upload.js. */
  path: string
  /** What a page's <script src> names: the path with the content's hash, so a changed script is fetched at once. */
  src: string
  body: string
  hash: string
}

/** Reads the script next to the module that asks (`new URL('./x.client.js', import.meta.url)`). */
export function clientScript(file: URL, path: string): ClientScript {
  const body = readFileSync(file, 'utf8')
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 10)
  return { path, src: `${path}?v=${hash}`, body, hash }
}

/** Answers the script for everyone: kept for a year under its current hash, checked again otherwise. */
export function serveClientScript(app: Hono<AppEnv>, script: ClientScript): void {
  app.get(script.path, requirePermission('public'), (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8')
    c.header(
      'Cache-Control',
      c.req.query('v') === script.hash ? 'public, max-age=31536000, immutable' : 'no-cache',
    )
    return c.body(script.body)
  })
}
