import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Hono } from 'hono'
import { type Auth, createAuth } from '#src/http/auth.ts'
import { type ContentVersionWatcher, watchContentVersion } from '#src/http/content-version.ts'
import type { AppEnv, FloorTimer } from '#src/http/deps.ts'
import { PageCache } from '#src/http/page-cache.ts'
import type { Clock } from '#src/lib/clock.ts'
import { createMailer, type Mailer } from '#src/lib/mailer.ts'
import { createApp } from '../../src/app.ts'
import type { Database } from '../../src/db/client.ts'
import { DEMO_TODAY, testClock } from './fixtures.ts'

/** The origin test requests pretend to come from (forms must send it). */
export const TEST_ORIGIN = 'http://localhost:3000'

export type TestApp = {
  app: Hono<AppEnv>
  auth: Auth
  mailer: Mailer
  outboxDir: string
  watcher: ContentVersionWatcher
  pages: PageCache
  stop: () => Promise<void>
}

/**
 * The real app over a test database, with the clock set to `today` (the demo's day by default). Email goes
 * to `smtpUrl` (an SMTP sink) when given, otherwise to an outbox folder of its own.
 */
export async function createTestApp(
  database: Database,
  options: {
    today?: string
    /** A clock of the test's own (one it moves), instead of one set to `today`. */
    clock?: Clock
    smtpUrl?: string
    signInPerMinute?: number
    origin?: string
    /** TRUSTED_PROXIES: requests from these addresses name the client in X-Forwarded-For. */
    trustedProxies?: string[]
    /** How sign-in answers wait out their floor (a recording one, to test it without a clock). */
    responseTimer?: FloorTimer
  } = {},
): Promise<TestApp> {
  const watcher = await watchContentVersion(database)
  const pages = new PageCache(watcher)
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'hub-outbox-'))
  const origin = options.origin ?? TEST_ORIGIN
  const mailer = createMailer({ smtpUrl: options.smtpUrl, outboxDir, from: 'Hub <hub@example.org>' })
  const auth = createAuth({
    db: database.db,
    baseUrl: origin,
    secret: 'test-secret-that-is-long-enough-for-better-auth',
    mailer,
    signInPerMinute: options.signInPerMinute ?? 1000,
  })
  const clock = options.clock ?? testClock(options.today ?? DEMO_TODAY)
  const { trustedProxies, responseTimer } = options
  const app = createApp({
    database,
    pages,
    clock,
    auth,
    mailer,
    origin,
    outboxDir,
    trustedProxies,
    responseTimer,
  })
  return {
    app,
    auth,
    mailer,
    outboxDir,
    watcher,
    pages,
    stop: async () => {
      await watcher.stop()
      await rm(outboxDir, { recursive: true, force: true })
    },
  }
}

/**
 * Waits until `check` passes (for notifications that arrive asynchronously, another process's
 * work), at most `ms`; the failure names `what` it waited for.
 */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  ms = 3000,
  what = 'the condition',
): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting, after ${ms} ms, for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
