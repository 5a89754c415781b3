import { timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import { CLIENT_IP_HEADER } from '#src/http/auth.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { defaultChrome } from '#src/ui/site-chrome.ts'
import { errorResponse } from './errors.ts'
import { CSRF_COOKIE } from './form-token.ts'
import { can, type Permission } from './permissions.ts'
import { anonymous } from './viewer.ts'

const isApiPath = (path: string) => path.startsWith('/api/')
const isUnsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method)

/** better-auth's session cookie (with the __Secure- prefix when the Hub is served over https). */
export const SESSION_COOKIES = ['better-auth.session_token', '__Secure-better-auth.session_token']
export const hasSessionCookie = (c: Context<AppEnv>) => {
  const cookies = getCookie(c)
  return SESSION_COOKIES.some((name) => name in cookies)
}

/**
 * What an API client is told with every 401: send a bearer token (RFC 6750). The realm names the
 * protection space, the same for every 401 of the API (also the invalid token's, answered before
 * the network's identity is loaded), so it is a fixed neutral word, not the network's name.
 */
const BEARER = 'Bearer realm="api"'

/** The API's answer to a request without valid credentials. */
export function unauthenticated(c: Context<AppEnv>, message: string, error?: 'invalid_token') {
  c.header('WWW-Authenticate', error ? `${BEARER}, error="${error}"` : BEARER)
  return errorResponse(c, 'UNAUTHENTICATED', message)
}

/** Headers for better-auth: the client's, less any address header it sent, plus the client address. */
export function authHeaders(c: Context<AppEnv>): Headers {
  const headers = new Headers(c.req.raw.headers)
  headers.delete(CLIENT_IP_HEADER)
  headers.set(CLIENT_IP_HEADER, c.get('clientIp'))
  return headers
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * Refuses a state-changing request that did not come from our own pages: it must
 * carry our Origin (or Referer) and the form token that matches its cookie. Requests
 * authenticated by an API token are exempt, and so is an API request without a session
 * cookie: it acts as nobody, and the route's guard answers it (401 to an API client).
 * Runs after the body limit (src/http/body-limit.ts): the form it reads is bounded and parsed.
 */
export function refuseCrossSite(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!isUnsafe(c.req.method) || c.get('viewer').kind === 'token') return next()
    if (isApiPath(c.req.path) && !hasSessionCookie(c)) return next()
    const origin = c.req.header('Origin') ?? originOf(c.req.header('Referer'))
    let token = c.req.header('X-CSRF-Token')
    if (!token) {
      const type = c.req.header('Content-Type') ?? ''
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody()
        token = typeof body._csrf === 'string' ? body._csrf : undefined
      }
    }
    const cookie = getCookie(c, CSRF_COOKIE)
    if (origin !== deps.origin || !token || !cookie || !same(token, cookie)) {
      const network = (c.get('site') ?? defaultChrome).name
      const message = `This request did not come from a page of ${network}, so it was refused. Reload the page and try again.`
      return errorResponse(c, 'CROSS_SITE', message)
    }
    return next()
  })
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

export type GuardMiddleware = MiddlewareHandler<AppEnv> & { permission: Permission }

/**
 * The permission a route needs, checked before its handler. Every route declares
 * one: the access matrix test reads it from the middleware and fails without it.
 * @example app.get('/audit', requirePermission('audit:read'), (c) => ...)
 */
export function requirePermission(permission: Permission): GuardMiddleware {
  const guard = createMiddleware<AppEnv>(async (c, next) => {
    const viewer = c.get('viewer') ?? anonymous
    if (can(viewer, permission)) return next()
    if (viewer.kind === 'anonymous') {
      if (isApiPath(c.req.path)) return unauthenticated(c, 'Sign in or send an API token.')
      const url = new URL(c.req.url)
      const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : url.pathname
      return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303)
    }
    const message =
      viewer.kind === 'token'
        ? `This API token is not allowed here: it lacks the scope this route needs (${permission}).`
        : 'Your account does not have access to this page.'
    return errorResponse(c, 'FORBIDDEN', message)
  })
  return Object.assign(guard, { permission })
}
