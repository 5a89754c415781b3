import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createAuth } from '#src/http/auth.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { loadConfig } from '../../src/config.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { type RunningHub, startHub } from '../../src/server.ts'
import { checkAccessibility, launchBrowser } from './browser.ts'
import { DEMO_TODAY, testClock } from './fixtures.ts'
import { signInCookies } from './sign-in-as.ts'
import { type ReceivedEmail, startSmtpSink } from './smtp-sink.ts'
import { createTestDatabase, type TestDatabase } from './test-database.ts'

export type Cookies = { name: string; value: string }[]
type Sink = Awaited<ReturnType<typeof startSmtpSink>>

export type E2eHub = {
  database: TestDatabase
  hub: RunningHub
  sink: Sink
  browser: Browser
  /** The hub's origin, such as http://127.0.0.1:41234. */
  base: string
  /** The session cookies of the people signed in at start-up, by email address. */
  cookies: Record<string, Cookies>
  /**
   * A page in a fresh browser context (its own cookie jar), signed in as `signedInAs` when
   * given (one of the addresses signed in at start-up), with the CSP bypassed so that axe
   * can run. Its console errors and uncaught exceptions are collected for `takePageErrors`.
   */
  openPage: (options?: { signedInAs?: string; width?: number; height?: number }) => Promise<Page>
  /** The console errors and page errors collected since the last call. */
  takePageErrors: () => string[]
  /** axe's serious and critical violations on the page, one readable block each ('' when none). */
  accessibilityProblems: (page: Page) => Promise<string>
  /**
   * The first email to `to` received after the sink's message number `since` (whose subject
   * matches `subject`, when given), waiting for it up to `ms`.
   */
  waitForEmail: (
    to: string,
    options: { since: number; subject?: RegExp; ms?: number },
  ) => Promise<ReceivedEmail>
  /** Closes the pages opened since the last call. */
  closePages: () => Promise<void>
  stop: () => Promise<void>
}

/** The secret (AUTH_SECRET) of the hub startE2eHub starts under `name`: tests sign links with it. */
export const e2eAuthSecret = (name: string): string => `e2e-secret-for-${name}-that-is-long-enough`

/**
 * Starts the real Hub (startHub) on a fresh test database holding the demo network for
 * DEMO_TODAY, with its email going to an SMTP sink, a headless Chromium, and session cookies
 * for the people named in `signIn` (made through better-auth with the hub's secret, so no
 * rate-limited sign-in form is needed for them).
 */
export async function startE2eHub(options: { name: string; signIn?: string[] }): Promise<E2eHub> {
  const authSecret = e2eAuthSecret(options.name)
  const database = await createTestDatabase()
  await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
  const sink = await startSmtpSink()
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `hub-e2e-${options.name}-`))
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_SECRET: authSecret,
    SMTP_URL: sink.url,
    DATA_DIR: dataDir,
  })
  const hub = await startHub(config, { database, clock: testClock() })
  const base = hub.url

  const auth = createAuth({
    db: database.db,
    baseUrl: base,
    secret: authSecret,
    mailer: createMailer({ outboxDir: path.join(dataDir, 'outbox'), from: 'Hub <hub@example.org>' }),
    signInPerMinute: 1000,
  })
  const cookies: Record<string, Cookies> = {}
  for (const email of options.signIn ?? [])
    cookies[email] = await signInCookies(database.db, auth, { email, origin: base })

  const browser = await launchBrowser()
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  return {
    database,
    hub,
    sink,
    browser,
    base,
    cookies,
    async openPage({ signedInAs, width = 1280, height = 900 } = {}) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height } })
      contexts.push(context)
      if (signedInAs) {
        const jar = cookies[signedInAs]
        if (!jar) throw new Error(`${signedInAs} was not signed in at start-up`)
        await context.addCookies(jar.map((c) => ({ ...c, url: base })))
      }
      const page = await context.newPage()
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(`${message.location().url}: ${message.text()}`)
      })
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`))
      return page
    },
    takePageErrors: () => pageErrors.splice(0),
    accessibilityProblems: async (page) => (await checkAccessibility(page)).join('\n\n'),
    async waitForEmail(to, { since, subject, ms = 5000 }) {
      const deadline = Date.now() + ms
      for (;;) {
        const found = sink.messages
          .slice(since)
          .find((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)))
        if (found) return found
        if (Date.now() > deadline)
          throw new Error(
            `no email to ${to}${subject ? ` with a subject like ${subject}` : ''} within ${ms} ms; received: ${
              sink.messages
                .slice(since)
                .map((m) => `${m.to.join(', ')}: ${m.subject}`)
                .join(' | ') || 'nothing'
            }`,
          )
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    closePages: async () => {
      await Promise.all(contexts.splice(0).map((c) => c.close()))
    },
    async stop() {
      await Promise.all(contexts.splice(0).map((c) => c.close()))
      await browser.close()
      await hub.close()
      await sink.stop()
      await database.drop()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
