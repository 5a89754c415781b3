import type { IncomingMessage } from 'node:http'
import type { Database } from '#src/db/client.ts'
import type { Viewer } from '#src/features/access/viewer.ts'
import type { Auth } from '#src/features/auth/auth.ts'
import type { FloorTimer } from '#src/features/auth/sign-in.ts'
import type { Mailer } from '#src/features/email/mailer.ts'
import type { Clock } from '#src/lib/clock.ts'
import type { PageCache } from './page-cache.ts'

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
  Variables: { viewer: Viewer; clientIp: string; origin: string; csrfToken?: string }
}
