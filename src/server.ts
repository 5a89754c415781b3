import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { getRequestListener } from '@hono/node-server'
import { createApp } from '#src/app.ts'
import type { Config } from '#src/config.ts'
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { closeAfterFailedStart, openConfiguredDatabase } from '#src/db/open-configured.ts'
import { runDigestLogged } from '#src/features/announcements/index.ts'
import { resolveAuthSecret } from '#src/features/auth/index.ts'
import { extendCallSeries } from '#src/features/calls/index.ts'
import { DEMO_PASSWORD, ensureDemoAccounts, loadDemo } from '#src/features/demo/index.ts'
import {
  grantsFetchScheduleFromEnv,
  runDailyFetchLogged,
  runFundingDigestLogged,
} from '#src/features/grants/index.ts'
import { reminderScheduleFromEnv, runRemindersLogged } from '#src/features/reminders/index.ts'
import { countRows } from '#src/features/transfer/index.ts'
import { createAuth } from '#src/http/auth.ts'
import { watchContentVersion } from '#src/http/content-version.ts'
import { PageCache } from '#src/http/page-cache.ts'
import { keepReadyAnswers, sendReadyAnswer } from '#src/http/ready-answers.ts'
import { hasDemoData } from '#src/http/respond.ts'
import type { Clock } from '#src/lib/clock.ts'
import { AppError } from '#src/lib/errors.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { type RepeatingSchedule, startRepeatingTask } from '#src/lib/repeating-task.ts'

const DAY_MS = 86_400_000

export type RunningHub = { url: string; port: number; database: Database; close: () => Promise<void> }

/**
 * Starts the Hub: opens and migrates the database, loads the demo network into an
 * empty one (never in production), and serves HTTP. `say` receives the lines
 * worth printing to the person who started it.
 */
export async function startHub(
  config: Config,
  options: {
    say?: (line: string) => void
    /** An open database to serve (tests); otherwise the one the config names. */
    database?: Database
    /** The clock (tests); otherwise the configuration's (the machine's, or HUB_TODAY). */
    clock?: Clock
    /** When reminder emails are looked for (tests); otherwise REMINDERS and REMINDER_INTERVAL_SECONDS. */
    reminders?: RepeatingSchedule
    /** When the daily Grants.gov fetch looks whether it is due (tests); otherwise GRANTS_FETCH. */
    grantsFetch?: RepeatingSchedule
  } = {},
): Promise<RunningHub> {
  const say = options.say ?? (() => {})
  const clock = options.clock ?? config.clock
  const reminderSchedule = options.reminders ?? reminderScheduleFromEnv(process.env, config.nodeEnv)
  const grantsFetchSchedule = options.grantsFetch ?? grantsFetchScheduleFromEnv(process.env, config.nodeEnv)
  const database =
    options.database ?? (await openConfiguredDatabase({ ...config, clock }, { bufferPool: 'serving' }))
  try {
    await migrateDatabase(database)
    const counts = await countRows(database.db)
    if (counts.organizations === 0 && counts.people === 0 && counts.calls === 0) {
      if (config.isProduction) say('The database is empty. Production mode never loads the demo network.')
      else {
        const loaded = await loadDemo(database.db, { isProduction: false, today: clock.today() })
        say(
          `Loaded the demo network: ${loaded.organizations} organisations, ${loaded.people} people, ${loaded.calls} calls.`,
        )
      }
    }
    // The weekly calls a year ahead: now, and again every day while the Hub runs.
    await extendCallSeries(database.db, { today: clock.today() })
    const watcher = await watchContentVersion(database)
    // The app needs the public origin, which with PORT=0 is known only once listening.
    let app: ReturnType<typeof createApp> | undefined
    let sendReady: (req: IncomingMessage, res: ServerResponse) => boolean = () => false
    const server = await listen(
      (request, env) => (app as ReturnType<typeof createApp>).fetch(request, env),
      config,
      (req, res) => sendReady(req, res),
    )
    const port = (server.address() as AddressInfo).port
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
    const url = config.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      outboxDir: path.join(config.dataDir, 'outbox'),
      from: config.mailFrom,
    })
    const auth = createAuth({
      db: database.db,
      baseUrl: url,
      secret: resolveAuthSecret({ authSecret: config.authSecret, dataDir: config.dataDir }),
      mailer,
    })
    const deps = {
      database,
      pages: new PageCache(watcher),
      clock,
      auth,
      mailer,
      origin: new URL(url).origin,
      outboxDir: path.join(config.dataDir, 'outbox'),
      trustedProxies: config.trustedProxies,
    }
    app = createApp(deps, { before: keepReadyAnswers(deps) })
    // A visitor's page the app already sent is sent again before the app runs (ready-answers.ts).
    sendReady = (req, res) => sendReadyAnswer(deps, req, res)
    // Demo accounts with a known password: only on an embedded database holding the demo
    // network, never on a PostgreSQL server and never in production. Made before the
    // "listening" line, which callers take to mean start-up is over.
    const demoAccounts =
      database.kind === 'pglite' &&
      !config.databaseUrl &&
      !config.isProduction &&
      (await hasDemoData(database.db))
        ? await ensureDemoAccounts(database.db, auth, { today: clock.today() }).catch(
            async (error: unknown) => {
              await new Promise<void>((resolve) => server.close(() => resolve()))
              await watcher.stop()
              throw error
            },
          )
        : []
    say(`Collaborative Hub listening on ${url}`)
    say(
      database.kind === 'pglite'
        ? `Database: embedded PGlite in ${database.location}`
        : `Database: PostgreSQL at ${database.location}`,
    )
    if (!options.clock && config.asOfDay)
      say(`Working as of ${config.asOfDay} (HUB_TODAY), not the calendar date; time moves on from there.`)
    if (demoAccounts.length > 0) {
      say(
        `Demo sign-in (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => `${a.email} (${a.role})`).join(', ')}`,
      )
      say(`Sign in at ${url}/sign-in`)
    }
    // Set once nothing can fail any more, so that a failed start leaves no timer behind.
    const callSeries = startRepeatingTask(
      'extending the weekly call series',
      async () => void (await extendCallSeries(database.db, { today: clock.today() })),
      { firstRunMs: DAY_MS, intervalMs: DAY_MS },
    )
    // Every process looks for due reminders and the weekly digests; their claims in
    // reminder_deliveries send each one once.
    const reminders = startRepeatingTask(
      'the reminders and digests run',
      async () => {
        const sending = { db: database.db, mailer, origin: new URL(url).origin, secret: auth.options.secret }
        await runRemindersLogged({ ...sending, today: clock.today() })
        await runDigestLogged({ ...sending, clock })
        await runFundingDigestLogged({ ...sending, clock })
      },
      reminderSchedule,
    )
    // Every process looks whether the day's Grants.gov extract is due (grantsFetchUrl set); one fetches it.
    const grantsFetch = startRepeatingTask(
      'the daily Grants.gov fetch',
      async (signal) => void (await runDailyFetchLogged({ db: database.db, clock, signal })),
      grantsFetchSchedule,
    )
    return {
      url,
      port,
      database,
      close: async () => {
        await callSeries.stop()
        await reminders.stop()
        await grantsFetch.stop()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await watcher.stop()
        if (!options.database) await database.close()
      },
    }
  } catch (error) {
    // A data folder this start created is removed again: no half-built folder is left behind.
    if (!options.database) await closeAfterFailedStart(database).catch(() => {})
    throw error
  }
}

type NodeServer = Server

/** Listens with Hono's request listener, after `first`, which may answer a request itself. */
function listen(
  fetch: Parameters<typeof getRequestListener>[0],
  config: Config,
  first: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const honoListener = getRequestListener(fetch, { hostname: config.host })
    const server = createServer((req, res) => {
      if (!first(req, res)) void honoListener(req, res)
    })
    server.listen(config.port, config.host)
    server.once('listening', () => resolve(server))
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('CONFLICT', {
              userMessage: `port ${config.port} is already in use: set PORT to a free port`,
            })
          : error,
      )
    })
  })
}
