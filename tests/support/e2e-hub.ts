import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { type Auth, createAuth } from '#src/http/auth.ts'
import { createMailer, type Mailer } from '#src/lib/mailer.ts'
import { loadConfig } from '../../src/config.ts'
import { queryRows } from '../../src/db/sql.ts'
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
  /** The session cookies of the people signed in (at start-up or through `signIn`), by email address. */
  cookies: Record<string, Cookies>
  /**
   * Signs `email` in after start-up (for people the suite finds in the database), the way
   * `signIn` does at start-up: openPage({ signedInAs: email }) works from then on.
   */
  signIn: (email: string) => Promise<Cookies>
  /** better-auth with the hub's secret and database (tests that make accounts or sign links themselves). */
  auth: Auth
  /** A mailer writing to the hub's outbox folder (what staff read on /staff/outbox, with `outbox`). */
  mailer: Mailer
  /** The lines startHub said to whoever started it (the listening address, demo sign-in, ...). */
  said: string[]
  /**
   * A page in a fresh browser context (its own cookie jar), signed in as `signedInAs` when
   * given (one of the addresses signed in), with the CSP bypassed so that axe can run unless
   * `bypassCSP` is false (then a CSP violation shows as a page error). Its console errors
   * and uncaught exceptions are collected for `takePageErrors`.
   */
  openPage: (options?: {
    signedInAs?: string
    width?: number
    height?: number
    bypassCSP?: boolean
  }) => Promise<Page>
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
 * DEMO_TODAY, with its email going to an SMTP sink (or, with `outbox`, to its outbox folder),
 * a headless Chromium, and session cookies for the people named in `signIn` (made through
 * better-auth with the hub's secret, so no rate-limited sign-in form is needed for them;
 * `signIn()` does the same later for people the suite finds in the database).
 */
export async function startE2eHub(options: {
  name: string
  signIn?: string[]
  /**
   * The console errors the suite asks for, left out of `takePageErrors`: Chromium logs each
   * 4xx answer as one (a refused form, a forbidden page).
   */
  expectedConsoleError?: (message: { url: string; text: string }) => boolean
  /**
   * The hub has no SMTP server, as without SMTP_URL: it writes its emails to its outbox folder
   * (what staff read on /staff/outbox) and the sink receives nothing.
   */
  outbox?: boolean
}): Promise<E2eHub> {
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
    SMTP_URL: options.outbox ? undefined : sink.url,
    DATA_DIR: dataDir,
  })
  const said: string[] = []
  const hub = await startHub(config, { database, clock: testClock(), say: (line) => said.push(line) })
  const base = hub.url

  const mailer = createMailer({ outboxDir: path.join(dataDir, 'outbox'), from: 'Hub <hub@example.org>' })
  const auth = createAuth({
    db: database.db,
    baseUrl: base,
    secret: authSecret,
    mailer,
    signInPerMinute: 1000,
  })
  const cookies: Record<string, Cookies> = {}
  const signIn = async (email: string) => {
    const jar = await signInCookies(database.db, auth, { email, origin: base })
    cookies[email] = jar
    return jar
  }
  for (const email of options.signIn ?? []) await signIn(email)

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
    signIn,
    auth,
    mailer,
    said,
    async openPage({ signedInAs, width = 1280, height = 900, bypassCSP = true } = {}) {
      const context = await browser.newContext({ bypassCSP, viewport: { width, height } })
      contexts.push(context)
      if (signedInAs) {
        const jar = cookies[signedInAs]
        if (!jar) throw new Error(`${signedInAs} was not signed in`)
        await context.addCookies(jar.map((c) => ({ ...c, url: base })))
      }
      const page = await context.newPage()
      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const url = message.location().url
        const text = message.text()
        if (!options.expectedConsoleError?.({ url, text })) pageErrors.push(`${url}: ${text}`)
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

/** A staff member's journey through the browser, from staffJourney. */
export type StaffJourney = {
  /** The staff member's email address (signed in). */
  staff: string
  /**
   * A page as the staff member (or a visitor, with `anonymous`), `width` wide (a phone's 844 px
   * tall under 500 px); a dialog that opens is dismissed and counted against the test.
   */
  openPage: (options?: { anonymous?: boolean; width?: number }) => Promise<Page>
  /** For afterEach: closes the pages, then expects no page error and no dialog. */
  expectNoErrorsOrDialogs: () => Promise<void>
}

/** Signs in the demo network's first staff member (by address) and gives their journey's pages. */
export async function staffJourney(hub: E2eHub): Promise<StaffJourney> {
  const [person] = await queryRows<{ email: string }>(
    hub.database.db,
    sql`select p.email from staff_members s join people p on p.id = s.person_id order by p.email limit 1`,
  )
  if (!person) throw new Error('the demo has no staff')
  const staff = person.email
  await hub.signIn(staff)
  const dialogs: string[] = []
  return {
    staff,
    async openPage({ anonymous = false, width } = {}) {
      const page = await hub.openPage({
        signedInAs: anonymous ? undefined : staff,
        width,
        height: width && width < 500 ? 844 : undefined,
      })
      page.on('dialog', async (dialog) => {
        dialogs.push(`${dialog.type()}: ${dialog.message()}`)
        await dialog.dismiss()
      })
      return page
    },
    async expectNoErrorsOrDialogs() {
      await hub.closePages()
      expect(hub.takePageErrors(), 'the page logged errors').toEqual([])
      expect(dialogs.splice(0), 'a dialog opened').toEqual([])
    },
  }
}
