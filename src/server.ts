import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { serve } from '@hono/node-server'
import { createApp } from '#src/app.ts'
import type { Config } from '#src/config.ts'
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { openConfiguredDatabase } from '#src/db/open-configured.ts'
import { createAuth } from '#src/features/auth/auth.ts'
import { resolveAuthSecret } from '#src/features/auth/secret.ts'
import { DEMO_PASSWORD, ensureDemoAccounts } from '#src/features/demo/demo-accounts.ts'
import { loadDemo } from '#src/features/demo/load-demo.ts'
import { createMailer } from '#src/features/email/mailer.ts'
import { getSettings } from '#src/features/settings/settings.ts'
import { watchContentVersion } from '#src/features/site/content-version.ts'
import { PageCache } from '#src/features/site/page-cache.ts'
import { hasDemoData } from '#src/features/site/respond.ts'
import { countRows } from '#src/features/transfer/tables.ts'
import { todayIn } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'

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
    /** The calendar date pages are computed for (tests); otherwise today in the network's time zone. */
    today?: () => string
  } = {},
): Promise<RunningHub> {
  const say = options.say ?? (() => {})
  const database = options.database ?? (await openConfiguredDatabase(config))
  try {
    await migrateDatabase(database)
    const counts = await countRows(database.db)
    if (counts.organizations === 0 && counts.people === 0 && counts.calls === 0) {
      if (config.isProduction) say('The database is empty. Production mode never loads the demo network.')
      else {
        const loaded = await loadDemo(database.db, { isProduction: false })
        say(
          `Loaded the demo network: ${loaded.organizations} organisations, ${loaded.people} people, ${loaded.calls} calls.`,
        )
      }
    }
    const settings = await getSettings(database.db)
    const watcher = await watchContentVersion(database)
    // The app needs the public origin, which with PORT=0 is known only once listening.
    let app: ReturnType<typeof createApp> | undefined
    const server = await listen(
      (request, env) => (app as ReturnType<typeof createApp>).fetch(request, env),
      config,
    )
    const port = (server.address() as AddressInfo).port
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
    const url = config.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      outboxDir: path.join(config.dataDir, 'outbox'),
      from: config.mailFrom,
    })
    const today = options.today ?? (() => todayIn(settings.callTimeZone))
    const auth = createAuth({
      db: database.db,
      baseUrl: url,
      secret: resolveAuthSecret({ authSecret: config.authSecret, dataDir: config.dataDir }),
      mailer,
    })
    app = createApp({
      database,
      pages: new PageCache(watcher),
      today,
      auth,
      mailer,
      origin: new URL(url).origin,
      outboxDir: path.join(config.dataDir, 'outbox'),
    })
    // Demo accounts with a known password: only on an embedded database holding the demo
    // network, never on a PostgreSQL server and never in production. Made before the
    // "listening" line, which callers take to mean start-up is over.
    const demoAccounts =
      database.kind === 'pglite' &&
      !config.databaseUrl &&
      !config.isProduction &&
      (await hasDemoData(database.db))
        ? await ensureDemoAccounts(database.db, auth, { today: today() }).catch(async (error: unknown) => {
            await new Promise<void>((resolve) => server.close(() => resolve()))
            await watcher.stop()
            throw error
          })
        : []
    say(`Collaborative Hub listening on ${url}`)
    say(
      database.kind === 'pglite'
        ? `Database: embedded PGlite in ${database.location}`
        : `Database: PostgreSQL at ${database.location}`,
    )
    if (demoAccounts.length > 0) {
      say(
        `Demo sign-in (password ${DEMO_PASSWORD}): ${demoAccounts.map((a) => `${a.email} (${a.role})`).join(', ')}`,
      )
      say(`Sign in at ${url}/sign-in`)
    }
    return {
      url,
      port,
      database,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await watcher.stop()
        if (!options.database) await database.close()
      },
    }
  } catch (error) {
    if (!options.database) await database.close().catch(() => {})
    throw error
  }
}

type NodeServer = ReturnType<typeof serve>

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host })
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
