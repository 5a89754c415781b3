import { randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from './deps.ts'

/**
 * The form token of a browser: a random value in a cookie that every form of ours also carries
 * (CsrfInput), and that refuseCrossSite (guard.ts) compares on each unsafe request. On its own so
 * that the view kit can ask for it without depending on the guard.
 */
export const CSRF_COOKIE = 'hub_csrf'

/** The form token of this browser, set as a cookie the first time a form is shown. */
export function csrfToken(c: Context<AppEnv>, origin: string): string {
  // One token per request: a page with several forms must not set several cookies.
  const made = c.get('csrfToken')
  if (made) return made
  const existing = getCookie(c, CSRF_COOKIE)
  if (existing && /^[\w-]{20,}$/.test(existing)) {
    c.set('csrfToken', existing)
    return existing
  }
  const token = randomBytes(24).toString('base64url')
  c.set('csrfToken', token)
  setCookie(c, CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: origin.startsWith('https://'),
    path: '/',
  })
  return token
}
