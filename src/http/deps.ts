import type { IncomingMessage } from 'node:http'
import type { Database } from '#src/db/client.ts'
import type { Auth } from '#src/http/auth.ts'
import type { Clock } from '#src/lib/clock.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import type { SiteChrome } from '#src/ui/site-chrome.ts'
import type { PageCache } from './page-cache.ts'
import type { Viewer } from './viewer.ts'

/** How the sign-in time floor reads elapsed time (monotonic milliseconds) and waits; tests give a fake one. */
export type FloorTimer = { now: () => number; sleep: (ms: number) => Promise<unknown> }

/** What route handlers get from the process that serves them. */
export type AppDeps = {
  database: Database
  pages: PageCache
  /** Now, and today in the network's time zone: the one source of time (src/lib/clock.ts). */
  clock: Clock
  /** How sign-in answers wait out their time floor (tests pass one that records the waits). */
  responseTimer?: FloorTimer
  auth: Auth
  mailer: Mailer
  /** The origin people reach the Hub at (https://hub.example.org): forms must come from it. */
  origin: string
  /** Where emails are written when there is no SMTP server (the staff outbox page reads it). */
  outboxDir: string
  /** Reverse proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); none when left out. */
  trustedProxies?: readonly string[]
}

/** Hono's environment for every router: the node request (for the socket address) and per-request values. */
export type AppEnv = {
  Bindings: { incoming?: IncomingMessage }
  Variables: {
    viewer: Viewer
    clientIp: string
    origin: string
    /** The network's time zone, in which every date and time is written. */
    timeZone: string
    csrfToken?: string
    /** The network's identity and navigation for the layout (set by the site feature). */
    site?: SiteChrome
    /** A visitor's cached page being sent: the server may send the same answer again by itself. */
    readyAnswer?: { version: number | undefined; body: Uint8Array; etag: string }
  }
}
