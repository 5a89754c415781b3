import type { IncomingMessage, ServerResponse } from 'node:http'
import type { MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from './deps.ts'

/**
 * The visitors' fast path. A public page a visitor was sent from the page cache is kept whole
 * (status, final headers, bytes) under the content version it was rendered under; the next
 * visitor asking for the very same address gets it from the server before the app (routing,
 * middleware, the viewer) runs at all. Anything that could make the app answer differently is
 * left to the app: another method, a cookie or an Authorization header (someone who may be
 * signed in), a write since (the content version moved), scheduled content now due, a new day.
 */
const key = (today: string, url: string) => `${today}|${url}`

/** App middleware (outermost): keeps the answer `sendCached` gave a visitor, as it finally left. */
export function keepReadyAnswers(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const ready = c.get('readyAnswer')
    if (!ready || c.res.status !== 200 || c.res.headers.has('set-cookie')) return
    if (c.req.method !== 'GET' || !isVisitorRequest(c.req.raw.headers.get.bind(c.req.raw.headers))) return
    const url = new URL(c.req.url)
    const headers = [...c.res.headers.entries()].filter(([name]) => !skippedHeaders.has(name))
    headers.push(['x-cache', 'ready'])
    deps.pages.keepAnswer(key(deps.clock.today(), url.pathname + url.search), { ...ready, headers })
  }
}

const skippedHeaders = new Set(['x-cache', 'content-length', 'date', 'connection', 'transfer-encoding'])

const isVisitorRequest = (header: (name: string) => string | null | undefined) =>
  !header('cookie') && !header('authorization')

/**
 * Node request listener step: sends the kept answer and returns true, or returns false and the
 * app answers. Honours If-None-Match (304) and HEAD like the app does.
 */
export function sendReadyAnswer(deps: AppDeps, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  if (!isVisitorRequest((name) => req.headers[name] as string | undefined)) return false
  const answer = deps.pages.readyAnswer(key(deps.clock.today(), req.url ?? ''), deps.clock.now())
  if (!answer) return false
  if (req.headers['if-none-match'] === answer.etag) {
    res.writeHead(304, { etag: answer.etag })
    res.end()
    return true
  }
  res.writeHead(200, answer.headers.flat())
  res.end(req.method === 'HEAD' ? undefined : answer.body)
  return true
}
