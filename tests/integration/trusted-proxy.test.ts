import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { TEST_CSRF } from '../support/http.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const PROXY = '10.20.0.1'

describe(`sign-in rate limits behind a trusted reverse proxy (${testEngine})`, () => {
  let database: TestDatabase
  let behindProxy: TestApp
  let direct: TestApp

  /** A wrong password posted as our page does, over a socket from `socket`, with X-Forwarded-For. */
  const attempt = (hub: TestApp, socket: string, forwardedFor?: string) =>
    hub.app.request(
      '/sign-in',
      {
        method: 'POST',
        body: new URLSearchParams({
          _csrf: TEST_CSRF,
          email: 'nobody@example.org',
          password: 'a wrong password',
        }),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: TEST_ORIGIN,
          Cookie: `hub_csrf=${TEST_CSRF}`,
          ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
        },
      },
      { incoming: { socket: { remoteAddress: socket } } } as never,
    )
  const statuses = async (hub: TestApp, socket: string, forwardedFor: string[]) => {
    const seen: number[] = []
    for (const hop of forwardedFor) seen.push((await attempt(hub, socket, hop)).status)
    return seen
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    behindProxy = await createTestApp(database, {
      signInPerMinute: 2,
      trustedProxies: [PROXY, '10.30.0.0/16'],
    })
    direct = await createTestApp(database, { signInPerMinute: 2 })
  })
  afterAll(async () => {
    await behindProxy?.stop()
    await direct?.stop()
    await database?.drop()
  })

  it('limits two clients behind the same proxy separately', async () => {
    // The third attempt a minute from one client is refused; the other client is not locked out.
    expect(await statuses(behindProxy, PROXY, ['198.51.100.1', '198.51.100.1', '198.51.100.1'])).toEqual([
      400, 400, 429,
    ])
    expect(await statuses(behindProxy, PROXY, ['198.51.100.2', '198.51.100.2'])).toEqual([400, 400])
  })

  it('counts the right-most address the proxies did not write themselves, whatever the client prepends', async () => {
    // Through two proxies (10.30.x.x appended by the inner one); the client invents a new first hop each time.
    expect(
      await statuses(behindProxy, PROXY, [
        '1.1.1.1, 198.51.100.3, 10.30.4.5',
        '2.2.2.2, 198.51.100.3, 10.30.4.5',
        '3.3.3.3, 198.51.100.3, 10.30.4.5',
      ]),
    ).toEqual([400, 400, 429])
  })

  it('ignores X-Forwarded-For from a socket that is not a trusted proxy', async () => {
    // A client talking to the Hub directly cannot move itself to a fresh bucket with the header.
    expect(
      await statuses(behindProxy, '198.51.100.9', ['203.0.113.1', '203.0.113.2', '203.0.113.3']),
    ).toEqual([400, 400, 429])
    // Without TRUSTED_PROXIES, every client of the proxy shares the proxy's address (the default).
    expect(await statuses(direct, '10.40.0.1', ['198.51.100.20', '198.51.100.21', '198.51.100.22'])).toEqual([
      400, 400, 429,
    ])
  })
})
