import { createHash } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppDeps, AppEnv } from './deps.ts'
import { CSRF_COOKIE } from './form-token.ts'
import { SESSION_COOKIES } from './guard.ts'
import { PRIVATE_NO_STORE } from './render.ts'

type Kept = { version: number; body: Uint8Array<ArrayBuffer>; contentType: string }

/** At most this many pages, and this many bytes, kept for signed-in people per process. */
const MAX_PAGES = 200
const MAX_BYTES = 32 * 1024 * 1024

/**
 * A heavy signed-in page kept for the session that asked for it, under the content version it was
 * rendered under. The same person asking again for the same address on the same day, with nothing
 * written anywhere since (any write moves the version; this process's own writes empty it at
 * once), gets the bytes again instead of a new render. The key holds the session and its form
 * token, so one person's page never reaches another, and a page's form token is always the
 * browser's own. Only answers the app would send the same way are kept: 200, HTML, no cookie set.
 */
export function keepViewerPages(deps: AppDeps): MiddlewareHandler<AppEnv> {
  let middleware = perHub.get(deps)
  if (!middleware) {
    middleware = viewerPagesOf(deps)
    perHub.set(deps, middleware)
  }
  return middleware
}

/** One store per Hub, whichever routes use it, so that its bounds hold for the whole process. */
const perHub = new WeakMap<AppDeps, MiddlewareHandler<AppEnv>>()

function viewerPagesOf(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const kept = new Map<string, Kept>()
  let bytes = 0
  const forget = (key: string) => {
    const page = kept.get(key)
    if (page) bytes -= page.body.byteLength
    kept.delete(key)
  }
  deps.pages.onClear(() => {
    kept.clear()
    bytes = 0
  })
  // The cookie better-auth signs people in with here: the __Secure- one over https, the plain one
  // otherwise. The key uses that one only, so a cookie planted under the other name changes nothing.
  const sessionCookie = (deps.origin.startsWith('https://') ? SESSION_COOKIES[1] : SESSION_COOKIES[0]) ?? ''
  return async (c, next) => {
    const session = getCookie(c, sessionCookie)
    const formToken = getCookie(c, CSRF_COOKIE)
    if (c.req.method !== 'GET' || c.get('viewer')?.kind !== 'user' || !session || !formToken) return next()
    const url = new URL(c.req.url)
    const who = createHash('sha256').update(`${session}\n${formToken}`).digest('base64url')
    const key = `${who}|${deps.clock.today()}|${url.pathname}${url.search}`
    const version = deps.pages.version(deps.clock.now())
    const hit = kept.get(key)
    if (hit && version !== undefined && hit.version === version) {
      c.header('Cache-Control', PRIVATE_NO_STORE)
      c.header('X-Cache', 'hit')
      return c.body(hit.body, 200, { 'Content-Type': hit.contentType })
    }
    await next()
    const contentType = c.res.headers.get('content-type') ?? ''
    if (version === undefined || c.res.status !== 200 || !contentType.startsWith('text/html')) return
    if (c.res.headers.has('set-cookie') || deps.pages.version() !== version) return
    const body = new Uint8Array(await c.res.clone().arrayBuffer())
    if (body.byteLength > MAX_BYTES / 8) return
    forget(key)
    kept.set(key, { version, body, contentType })
    bytes += body.byteLength
    for (const oldest of kept.keys()) {
      if (kept.size <= MAX_PAGES && bytes <= MAX_BYTES) break
      forget(oldest)
    }
  }
}
