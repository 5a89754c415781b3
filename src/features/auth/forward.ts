import type { Context } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { authHeaders } from '#src/http/guard.ts'

/** What a better-auth endpoint answered: its status, its error code if any, and its cookies. */
export type AuthAnswer = {
  status: number
  ok: boolean
  /** better-auth's error code, such as INVALID_EMAIL_OR_PASSWORD or INVALID_TOKEN. */
  code: string | undefined
  setCookies: string[]
}

/**
 * Calls a better-auth endpoint from the server on behalf of the browser that made this
 * request: its cookies, the socket address our middleware found (for the rate limiter)
 * and our own origin (for better-auth's origin check). Our pages post to our routes;
 * only these calls reach better-auth's POST endpoints.
 * @example await callAuth(c, deps, '/sign-in/email', { email, password })
 */
export async function callAuth(
  c: Context<AppEnv>,
  deps: AppDeps,
  path: `/${string}`,
  body: Record<string, unknown>,
): Promise<AuthAnswer> {
  const headers = authHeaders(c)
  // The browser's body was a form; ours is JSON of another length.
  headers.delete('content-length')
  headers.set('content-type', 'application/json')
  headers.set('origin', deps.origin)
  const response = await deps.auth.handler(
    new Request(`${deps.origin}/api/auth${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  )
  let code: string | undefined
  if (!response.ok) {
    const text = await response.text()
    try {
      const parsed = JSON.parse(text) as { code?: unknown }
      code = typeof parsed.code === 'string' ? parsed.code : undefined
    } catch {
      code = undefined
    }
  }
  return { status: response.status, ok: response.ok, code, setCookies: response.headers.getSetCookie() }
}

/** A 303 to `location` that carries the cookies better-auth set (a new session, or a cleared one). */
export function redirectWithCookies(c: Context<AppEnv>, location: string, setCookies: string[]): Response {
  for (const cookie of setCookies) c.header('Set-Cookie', cookie, { append: true })
  c.header('Cache-Control', 'no-store')
  return c.redirect(location, 303)
}
