/**
 * `hub outcomes --year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD [--json]`: the rollup of verified
 * outcomes whose report period ends in the range, for scripting. JSON: {period: {from, to},
 * metrics: [{key, name, unit, sums, total, goal, towardGoal, organizations}], byOrganization:
 * [{id, slug, name, admitted, states, focusIndustries, programs, metrics: [{key, total, goal}]}],
 * byYear, byProgram, byFocusIndustry, byState: [{group, metrics: [{key, total}]}]}. Dollar
 * metrics (unit "usd") are whole cents, so no cent is lost; a metric that does not sum has total null.
 */
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import { rollupOutcomes } from '#src/features/outcomes/index.ts'
import type { Clock } from '#src/lib/clock.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { formatAmount } from '#src/lib/money.ts'
import { plural } from '#src/ui/format.ts'

export type OutcomesRequest = { from: string; to: string; json: boolean }

/** The request from the command line, or the problem with it (a usage error: exit status 2). */
export function outcomesRequest(
  args: readonly string[],
  values: { year?: string; from?: string; to?: string; json?: boolean },
): OutcomesRequest | { problem: string } {
  if (args.length > 0) return { problem: `hub outcomes takes no argument "${args[0]}"; use --year YYYY` }
  const json = values.json === true
  if (values.year !== undefined) {
    if (values.from !== undefined || values.to !== undefined)
      return { problem: 'give either --year YYYY or --from and --to, not both' }
    if (!/^\d{4}$/.test(values.year) || values.year < '2000' || values.year > '2100')
      return { problem: `"${values.year}" is not a year for --year: write four digits, e.g. --year 2016` }
    return { from: `${values.year}-01-01`, to: `${values.year}-12-31`, json }
  }
  if (values.from === undefined || values.to === undefined)
    return { problem: 'hub outcomes needs --year YYYY, or --from YYYY-MM-DD and --to YYYY-MM-DD' }
  for (const [flag, value] of [
    ['--from', values.from],
    ['--to', values.to],
  ] as const) {
    if (!isIsoDate(value)) return { problem: `"${value}" is not a date for ${flag}: write YYYY-MM-DD` }
  }
  if (values.to < values.from) return { problem: `--to ${values.to} is before --from ${values.from}` }
  return { from: values.from, to: values.to, json }
}

/** Prints the rollup: one JSON object, or a few lines for people. */
export async function printOutcomes(
  database: Database,
  request: OutcomesRequest,
  out: NodeJS.WritableStream,
  clock: Clock,
): Promise<void> {
  await migrateDatabase(database)
  const rollup = await rollupOutcomes(database.db, {
    from: request.from,
    to: request.to,
    onDate: clock.today(),
  })
  const lines = [
    `Verified outcomes of reports whose period ends from ${rollup.period.from} to ${rollup.period.to}:`,
    ...rollup.metrics.map((metric) => {
      const total = metric.total === null ? 'not summed' : formatAmount(metric.total, metric.unit)
      const goal =
        metric.goal === null || metric.towardGoal === null
          ? ''
          : `; goals ${formatAmount(metric.goal, metric.unit)}, of which reached ${formatAmount(metric.towardGoal, metric.unit)}`
      return `  ${metric.name}: ${total} (${metric.organizations} ${plural(metric.organizations, 'organisation')}${goal})`
    }),
    '',
  ]
  const text = request.json ? `${JSON.stringify(rollup, null, 2)}\n` : lines.join('\n')
  await new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())))
}
