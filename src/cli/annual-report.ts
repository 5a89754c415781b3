/**
 * `hub report --year YYYY --pdf FILE [--json]`: the year's annual report as a PDF. The Hub's app
 * runs in this process over the configured database, on an ephemeral port of the loopback
 * address only, for the time Chromium takes to print /impact/report/YYYY; nothing is written to
 * the database. JSON: {year, file, pages}.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { getRequestListener } from '@hono/node-server'
import { createApp } from '#src/app.ts'
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { annualReportPath, printReportPdf, reportYear } from '#src/features/annual-report/index.ts'
import { createAuth } from '#src/http/auth.ts'
import { watchContentVersion } from '#src/http/content-version.ts'
import { PageCache } from '#src/http/page-cache.ts'
import type { Clock } from '#src/lib/clock.ts'
import { createMailer } from '#src/lib/mailer.ts'

export type ReportRequest = { year: number; pdf: string; json: boolean }

/** The request from the command line, or the problem with it (a usage error: exit status 2). */
export function reportRequest(
  args: readonly string[],
  values: { year?: string; pdf?: string; json?: boolean },
): ReportRequest | { problem: string } {
  if (args.length > 0)
    return { problem: `hub report takes no argument "${args[0]}"; use --year YYYY --pdf FILE` }
  if (values.year === undefined)
    return { problem: 'hub report needs --year YYYY (a calendar year, e.g. 2026)' }
  const year = reportYear(values.year)
  if (year === undefined)
    return {
      problem: `"${values.year}" is not a year for --year: write four digits from 2000 to 2100, e.g. --year 2026`,
    }
  if (!values.pdf)
    return { problem: 'hub report needs --pdf FILE (where to write the PDF, e.g. --pdf report-2026.pdf)' }
  return { year, pdf: path.resolve(values.pdf), json: values.json === true }
}

/** Renders the report's page to the PDF and says where it is and how many pages it has. */
export async function printAnnualReport(
  database: Database,
  request: ReportRequest,
  out: NodeJS.WritableStream,
  options: { clock: Clock; chromiumPath: string; mailFrom: string },
): Promise<void> {
  await migrateDatabase(database)
  const hub = await serveLocally(database, options)
  try {
    const pages = await printReportPdf({
      url: `${hub.origin}${annualReportPath(request.year)}`,
      file: request.pdf,
      chromiumPath: options.chromiumPath,
    })
    const text = request.json
      ? `${JSON.stringify({ year: request.year, file: request.pdf, pages }, null, 2)}\n`
      : `Wrote the ${request.year} annual report to ${request.pdf} (${pages} ${pages === 1 ? 'page' : 'pages'}).\n`
    await new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())))
  } finally {
    await hub.close()
  }
}

/**
 * The Hub's app over `database` on 127.0.0.1 and a port the system picks: only this process's
 * Chromium reads from it. Nobody signs in, so the session secret is a throwaway one, and email
 * (none is sent for a page read) would go to a temporary outbox.
 */
async function serveLocally(database: Database, options: { clock: Clock; mailFrom: string }) {
  const watcher = await watchContentVersion(database)
  const outboxDir = await mkdtemp(path.join(os.tmpdir(), 'hub-report-outbox-'))
  let app: ReturnType<typeof createApp> | undefined
  const server = createServer(
    getRequestListener((request) => (app as ReturnType<typeof createApp>).fetch(request)),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const mailer = createMailer({ outboxDir, from: options.mailFrom })
  const auth = createAuth({
    db: database.db,
    baseUrl: origin,
    secret: randomBytes(32).toString('hex'),
    mailer,
  })
  app = createApp({
    database,
    pages: new PageCache(watcher),
    clock: options.clock,
    auth,
    mailer,
    origin,
    outboxDir,
  })
  return {
    origin,
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await watcher.stop()
      await rm(outboxDir, { recursive: true, force: true })
    },
  }
}
