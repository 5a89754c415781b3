import { parseArgs } from 'node:util'
import { loadConfig } from '#src/config.ts'
import type { Database } from '#src/db/client.ts'
import { classifyFailure, describe } from '#src/db/failures.ts'
import { migrateDatabase, migrationState } from '#src/db/migrate.ts'
import type { parseAttendanceFile } from '#src/features/attendance/index.ts'
import { isAppError } from '#src/lib/errors.ts'
import { compileEngineForMemory } from '#src/lib/memory-bound.ts'
import { isValidTimeZone } from '#src/lib/time-zone.ts'
import { writeReportJson } from './report-json.ts'
import { unexpectedErrorText } from './unexpected-error.ts'
import { usage } from './usage.ts'

// The server, the database drivers and the export are imported when a command needs them:
// `hub attendance parse` and `hub --help` start without loading the whole Hub (200 MB less).
class UsageError extends Error {}

/** How long `hub serve` waits for open requests after SIGTERM or SIGINT before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000

/** Runs one `hub` command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(
  argv: string[],
  io = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const say = (line: string) => io.err.write(`${line}\n`)
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        'call-date': { type: 'string' },
        'time-zone': { type: 'string' },
        call: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        year: { type: 'string' },
        today: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        pdf: { type: 'string' },
        commit: { type: 'boolean' },
      },
    })
    const [command, ...rest] = positionals
    if (values.help || !command || command === 'help') {
      io.out.write(usage)
      return command || values.help ? 0 : 2
    }
    if (command === 'attendance' && rest[0] === 'history-import') {
      const file = rest[1]
      if (!file)
        throw new UsageError('hub attendance history-import needs a FILE (a .csv or .xlsx spreadsheet)')
      const history = await import('./attendance-history.ts')
      const tooLarge = await history.historyFileProblem(file)
      if (tooLarge) throw new UsageError(tooLarge)
      const config = loadConfig()
      let done: Awaited<ReturnType<typeof history.attendanceHistoryImport>> | undefined
      await withDatabase(config, async (database) => {
        try {
          done = await history.attendanceHistoryImport(database, {
            file,
            commit: Boolean(values.commit),
            today: config.clock.today(),
            timeZone: config.clock.timeZone,
          })
        } catch (error) {
          if (error instanceof history.HistoryUsageError) throw new UsageError(error.message)
          throw error
        }
      })
      if (!done) return 1
      await write(io.out, values.json ? `${JSON.stringify(done.json, null, 2)}\n` : done.text)
      return done.code
    }
    if (command === 'attendance' && rest[0] !== 'import') return await attendance(rest, values, io.out)
    const config = loadConfig()
    if (command === 'attendance') {
      const file = rest[1]
      if (!file)
        throw new UsageError('hub attendance import needs a FILE (a Zoom, Teams or Google Meet report)')
      const { attendanceImport, ImportUsageError, reportFileProblem } = await import('./attendance-import.ts')
      // Too large to store: said before the database is opened.
      const tooLarge = await reportFileProblem(file)
      if (tooLarge) throw new UsageError(tooLarge)
      let printed = ''
      const code = await withDatabase(config, async (database) => {
        try {
          const done = await attendanceImport(database, {
            file,
            callDate: values.call,
            dryRun: Boolean(values['dry-run']),
            today: config.clock.today(),
            say,
          })
          printed = values.json ? `${JSON.stringify(done.json, null, 2)}\n` : done.text
        } catch (error) {
          if (error instanceof ImportUsageError) throw new UsageError(error.message)
          throw error
        }
      })
      await write(io.out, printed)
      return code
    }
    switch (command) {
      case 'wordpress': {
        const [sub, file] = rest
        if (sub !== 'import' || !file)
          throw new UsageError(
            'hub wordpress needs: import FILE.xml (a WordPress export) [--dry-run] [--json]',
          )
        const { wordpressImport, WordpressFileError, summaryText } = await import('./wordpress-import.ts')
        compileEngineForMemory()
        let printed = ''
        const code = await withDatabase(config, async (database) => {
          try {
            const summary = await wordpressImport(database, {
              file,
              dryRun: Boolean(values['dry-run']),
              timeZone: config.clock.timeZone,
              say,
            })
            printed = values.json ? `${JSON.stringify(summary, null, 2)}\n` : summaryText(summary)
          } catch (error) {
            if (error instanceof WordpressFileError) throw new UsageError(error.message)
            throw error
          }
        })
        await write(io.out, printed)
        return code
      }
      case 'compliance': {
        const { complianceRequest, printCompliance } = await import('./compliance.ts')
        const request = complianceRequest(rest, values)
        if ('problem' in request) throw new UsageError(request.problem)
        return await withDatabase(config, (database) =>
          printCompliance(database, request, io.out, config.clock),
        )
      }
      case 'grants': {
        const [sub, file] = rest
        if (sub !== 'import' || !file)
          throw new UsageError('hub grants needs: import FILE (a Grants.gov extract, .xml or .zip) [--json]')
        const { grantsImport, grantsImportText, GrantsFileError } = await import('./grants-import.ts')
        compileEngineForMemory()
        let printed = ''
        const code = await withDatabase(config, async (database) => {
          try {
            const result = await grantsImport(database, { file, today: config.clock.today(), say })
            printed = values.json ? `${JSON.stringify(result, null, 2)}\n` : grantsImportText(result)
          } catch (error) {
            if (error instanceof GrantsFileError) throw new UsageError(error.message)
            throw error
          }
        })
        await write(io.out, printed)
        return code
      }
      case 'outcomes': {
        const { outcomesRequest, printOutcomes } = await import('./outcomes.ts')
        const request = outcomesRequest(rest, values)
        if ('problem' in request) throw new UsageError(request.problem)
        return await withDatabase(config, (database) =>
          printOutcomes(database, request, io.out, config.clock),
        )
      }
      case 'report': {
        const { reportRequest, printAnnualReport } = await import('./annual-report.ts')
        const request = reportRequest(rest, values)
        if ('problem' in request) throw new UsageError(request.problem)
        const { chromiumProblem, DEFAULT_CHROMIUM_PATH } = await import(
          '#src/features/annual-report/index.ts'
        )
        const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH
        const missing = await chromiumProblem(chromiumPath)
        if (missing) {
          say(`hub: ${missing}`)
          return 1
        }
        return await withDatabase(config, (database) =>
          printAnnualReport(database, request, io.out, {
            clock: config.clock,
            chromiumPath,
            mailFrom: config.mailFrom,
          }),
        )
      }
      case 'calls': {
        const { backfillRequest, printBackfill } = await import('./calls-backfill.ts')
        const request = backfillRequest(rest, values)
        if ('problem' in request) throw new UsageError(request.problem)
        let refused: { problem: string } | undefined
        await withDatabase(config, async (database) => {
          refused = await printBackfill(database, request, io.out, config.clock)
        })
        if (refused) throw new UsageError(refused.problem)
        return 0
      }
      case 'serve': {
        const { startHub } = await import('#src/server.ts')
        const hub = await startHub(config, { say })
        const stop = async () => {
          say('Stopping…')
          // Requests and queries are bounded by the pool's timeouts, but a server that vanished
          // mid-answer must not keep the process alive: past the grace period, stop anyway.
          setTimeout(() => {
            say(`Stopped without finishing within ${SHUTDOWN_GRACE_MS / 1000} s.`)
            process.exit(1)
          }, SHUTDOWN_GRACE_MS).unref()
          await hub.close().catch((error: unknown) => say(`hub: while stopping: ${describe(error)}`))
          process.exit(0)
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
        return new Promise<number>(() => {})
      }
      case 'migrate':
        return await withDatabase(config, async (database) => {
          await migrateDatabase(database)
          const state = await migrationState(database)
          say(`Migrations applied: ${state.applied} of ${state.expected}.`)
        })
      case 'demo':
        return await withDatabase(config, async (database) => {
          await migrateDatabase(database)
          const { loadDemo } = await import('#src/features/demo/index.ts')
          const loaded = await loadDemo(database.db, {
            isProduction: config.isProduction,
            today: config.clock.today(),
          })
          say(
            `Loaded the demo network: ${loaded.organizations} organisations, ${loaded.people} people, ${loaded.calls} calls, ${loaded.attendance} attendance records.`,
          )
        })
      case 'export': {
        const { exportTo } = await import('./transfer.ts')
        return await withDatabase(config, (database) => exportTo(database, io.out))
      }
      case 'import': {
        const file = rest[0]
        if (!file)
          throw new UsageError('hub import needs a FILE (an export made by `hub export`, or - for stdin)')
        const { importFrom } = await import('./transfer.ts')
        return await importFrom(config, file, { say, stdin: process.stdin })
      }
      default:
        throw new UsageError(`unknown command "${command}"; run \`hub --help\` for the list`)
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      say(`hub: ${(error as Error).message}`)
      return 2
    }
    // A database out of reach or a data folder that cannot be written: named in one line.
    const known = isAppError(error) ? error : classifyFailure(error, { folder: dataFolder() })
    if (known) {
      say(`hub: ${known.userMessage}`)
      return 1
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      say(`hub: ${(error as Error).message}`)
      return 1
    }
    throw error
  }
}

/** `hub attendance parse FILE --call-date YYYY-MM-DD [--time-zone ZONE] [--json]`: reads, never writes. */
async function attendance(
  args: string[],
  values: { 'call-date'?: string; 'time-zone'?: string; json?: boolean },
  out: NodeJS.WritableStream,
): Promise<number> {
  const [sub, file] = args
  if (sub !== 'parse')
    throw new UsageError(
      'hub attendance needs a subcommand: parse FILE --call-date YYYY-MM-DD, import FILE --call YYYY-MM-DD, or history-import FILE [--commit]',
    )
  if (!file) throw new UsageError('hub attendance parse needs a FILE (a Zoom, Teams or Google Meet report)')
  const callDate = values['call-date']
  if (!callDate || !/^\d{4}-\d{2}-\d{2}$/.test(callDate))
    throw new UsageError('hub attendance parse needs --call-date YYYY-MM-DD (the date of the call)')
  const timeZone = values['time-zone'] ?? 'America/New_York'
  if (!isValidTimeZone(timeZone)) throw new UsageError(`unknown time zone "${timeZone}" for --time-zone`)
  let report: Awaited<ReturnType<typeof parseAttendanceFile>>
  try {
    // Loaded when asked for: the other commands start faster without the attendance feature.
    const { parseAttendanceFile } = await import('#src/features/attendance/index.ts')
    // Streamed from the file: memory follows the people in it, not its size.
    report = await parseAttendanceFile(file, { callDate, timeZone })
  } catch (error) {
    // A file that is not a report is the caller's input problem: status 2, like a usage error.
    if (isAppError(error) && error.code === 'BAD_INPUT') throw new UsageError(error.userMessage)
    throw error
  }
  if (values.json) {
    await writeReportJson(report, (text) => write(out, text))
    return 0
  }
  const minutes = (s: number) => `${Math.round(s / 60)} min`
  const lines = report.participants.map(
    (p) =>
      `${p.name}\t${p.email ?? '-'}\t${minutes(p.seconds)}\t${p.firstJoin ?? '-'}\t${p.lastLeave ?? '-'}`,
  )
  await write(out, `${report.format}: ${report.participants.length} participants\n${lines.join('\n')}\n`)
  return 0
}

/** The embedded database's folder, to name in a storage error; none when a server is configured. */
function dataFolder(): string | undefined {
  try {
    const config = loadConfig()
    return config.databaseUrl ? undefined : config.dataDir
  } catch {
    return undefined
  }
}

async function withDatabase(
  config: ReturnType<typeof loadConfig>,
  work: (database: Database) => Promise<void>,
) {
  const { closeAfterFailedStart, openConfiguredDatabase } = await import('#src/db/open-configured.ts')
  const database = await openConfiguredDatabase(config)
  try {
    await work(database)
  } catch (error) {
    // The first error is the one worth telling (on a full disk, closing fails too).
    await closeAfterFailedStart(database).catch(() => {})
    throw error
  }
  await database.close()
  return 0
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())))
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (isMain || process.env.HUB_CLI === '1') {
  // `hub export | head`: the reader has all it wanted. Stop quietly, as Unix tools do, rather than
  // report the closed pipe as a failure of the database the bytes came from.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
  })
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (code !== undefined) process.exitCode = code
    },
    (error) => {
      // PGlite throws plain objects ({ name: 'ErrnoError', errno }): describe them, not "[object Object]".
      // Bounded: never a whole SQL statement with its parameters (a report's bytes) on stderr.
      process.stderr.write(unexpectedErrorText(error, describe))
      process.exitCode = 1
    },
  )
}
