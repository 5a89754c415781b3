/**
 * `hub calls backfill --from YYYY-MM-DD [--json]`: the weekly series for the past, from that day
 * up to today (HUB_TODAY, or the clock), holidays cancelled as the forward series does. One
 * transaction; running it twice creates nothing. JSON: {from, to, created, existing, cancelledHolidays}.
 */
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { BACKFILL_YEARS, backfillCallSeries } from '#src/features/calls/index.ts'
import type { Clock } from '#src/lib/clock.ts'
import { isIsoDate } from '#src/lib/dates.ts'

export type BackfillRequest = { from: string; json: boolean }

/** The request from the command line, or the problem with it (a usage error: exit status 2). */
export function backfillRequest(
  args: readonly string[],
  values: { from?: string; json?: boolean },
): BackfillRequest | { problem: string } {
  const [sub, extra] = args
  if (sub !== 'backfill')
    return { problem: 'hub calls needs a subcommand: backfill --from YYYY-MM-DD [--json]' }
  if (extra !== undefined)
    return { problem: `hub calls backfill takes no argument "${extra}"; use --from YYYY-MM-DD` }
  const from = values.from
  if (from === undefined)
    return { problem: 'hub calls backfill needs --from YYYY-MM-DD (the first day to fill in)' }
  if (!isIsoDate(from))
    return { problem: `"${from}" is not a date for --from: write YYYY-MM-DD, e.g. --from 2024-01-01` }
  return { from, json: values.json === true }
}

/** Fills in the series and prints what it did: one JSON object, or three lines for people. */
export async function printBackfill(
  database: Database,
  request: BackfillRequest,
  out: NodeJS.WritableStream,
  clock: Clock,
): Promise<{ problem: string } | undefined> {
  const today = clock.today()
  if (request.from > today)
    return {
      problem: `--from ${request.from} is after today (${today}): the forward series already covers it`,
    }
  const earliest = `${Number(today.slice(0, 4)) - BACKFILL_YEARS}-01-01`
  if (request.from < earliest)
    return {
      problem: `--from ${request.from} is more than ${BACKFILL_YEARS} years back: start on ${earliest} or later`,
    }
  await migrateDatabase(database)
  const result = await backfillCallSeries(database.db, { from: request.from, today })
  const text = request.json
    ? `${JSON.stringify(result)}\n`
    : [
        `Weekly calls from ${result.from} to ${result.to}:`,
        `  created: ${result.created} (of which cancelled for a federal holiday: ${result.cancelledHolidays})`,
        `  already there: ${result.existing}`,
        '',
      ].join('\n')
  await new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())))
  return undefined
}
