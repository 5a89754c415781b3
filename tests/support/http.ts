import type { Hono } from 'hono'
import type { AppEnv } from '#src/http/deps.ts'
import { TEST_ORIGIN } from './test-app.ts'

/** A fixed form token: tests send it both as the cookie and as the form field, like a browser would. */
export const TEST_CSRF = 'test-csrf-token-0123456789abcdef'

/** A tiny cookie jar for requests made with app.request(). */
export class Session {
  readonly cookies = new Map<string, string>([['hub_csrf', TEST_CSRF]])
  constructor(readonly app: Hono<AppEnv>) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return res
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.keep(await this.app.request(path, { headers: { Cookie: this.cookieHeader, ...headers } }))
  }

  /** Posts a form as our own pages do: our Origin, the form token, the cookies. */
  async post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = new URLSearchParams({ _csrf: TEST_CSRF, ...fields })
    return this.keep(
      await this.app.request(path, {
        method: 'POST',
        body,
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: TEST_ORIGIN,
          Cookie: this.cookieHeader,
          ...headers,
        },
      }),
    )
  }
}
