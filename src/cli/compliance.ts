/**
 * `hub compliance --year YYYY [--today YYYY-MM-DD] [--json]`: every organisation admitted on
 * some day of the year, with its obligations as of today (HUB_TODAY, or --today, for tests and "what if").
 * Reads only. The JSON shape is described in docs/decisions/006-obligations-status.md; since issue 13
 * `status` may also be "no_records" (a year that ended before the network's records began) and a
 * quarter's status "no_records" (it started before them, with no sharing record). Flags unchanged.
 */
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import type { PresentationView, SharingQuarter } from '#src/features/obligations/index.ts'
import {
  complianceRow,
  complianceStatusLabels,
  computeYearCompliance,
} from '#src/features/obligations/index.ts'
import type { Clock } from '#src/lib/clock.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { formatDate } from '#src/ui/format.ts'

export type ComplianceRequest = { year: number; today: string | null; json: boolean }

/** The request from the command line, or the problem with it (a usage error: exit status 2). */
export function complianceRequest(
  args: readonly string[],
  values: { year?: string; today?: string; json?: boolean },
): ComplianceRequest | { problem: string } {
  if (args.length > 0) return { problem: `hub compliance takes no argument "${args[0]}"; use --year YYYY` }
  const year = values.year
  if (year === undefined) return { problem: 'hub compliance needs --year YYYY (a calendar year, e.g. 2026)' }
  if (!/^[1-9]\d{3}$/.test(year))
    return { problem: `"${year}" is not a year for --year: write four digits, e.g. --year 2026` }
  const today = values.today ?? null
  if (today !== null && !isIsoDate(today))
    return { problem: `"${today}" is not a date for --today: write YYYY-MM-DD, e.g. --today 2026-11-26` }
  return { year: Number(year), today, json: values.json === true }
}

/** Prints the year's compliance: one JSON array, or a table for people. */
export async function printCompliance(
  database: Database,
  request: ComplianceRequest,
  out: NodeJS.WritableStream,
  clock: Clock,
): Promise<void> {
  await migrateDatabase(database)
  const today = request.today ?? clock.today()
  const result = await computeYearCompliance(database.db, { year: request.year, today })
  if (request.json) {
    await write(out, `${JSON.stringify(result.map(complianceRow), null, 2)}\n`)
    return
  }
  const header = [
    'Organisation',
    'Category',
    'Held',
    'Attended',
    'Remaining',
    'Attendance',
    'Presentation',
    'Sharing',
    'Status',
  ]
  const rows = result.map((c) => {
    const { attendance: a, presentation, sharingQuarters } = c.obligations
    return [
      c.name.length > NAME_WIDTH ? `${c.name.slice(0, NAME_WIDTH - 1)}…` : c.name,
      c.category === 'bff' ? 'BFF' : 'Member',
      String(a.held),
      String(a.attended),
      String(a.remaining),
      a.phrase,
      presentationText(presentation),
      sharingText(sharingQuarters),
      complianceStatusLabels[c.obligations.status],
    ]
  })
  const table = [header, ...rows]
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length))) ?? []
  const lines = table.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  )
  const counts = Object.entries(complianceStatusLabels).map(
    ([status, label]) =>
      `${result.filter((c) => c.obligations.status === status).length} ${label.toLowerCase()}`,
  )
  const summary = `${request.year} as of ${formatDate(today)}: ${result.length} organisations (${counts.join(', ')})`
  await write(out, `${summary}\n\n${lines.join('\n')}\n`)
}

/** Longer names are cut in the table (never in JSON) so that a line fits a wide terminal. */
const NAME_WIDTH = 48

function presentationText(p: PresentationView): string {
  switch (p.status) {
    case 'given':
      return `given, ${p.minutes === null ? 'length unknown' : `${p.minutes} min`}${p.lengthWarning ? ' (length warning)' : ''}`
    case 'planned':
      return `planned ${p.callDate}`
    case 'missed':
      return 'missed'
    case 'requested':
      return p.month === null ? 'requested' : `requested month ${p.month}`
    case 'none':
      return p.required ? 'none' : 'not required'
  }
}

const sharingText = (quarters: readonly SharingQuarter[]): string =>
  quarters.map((q) => `Q${q.quarter} ${q.status === 'not_required' ? '-' : q.status}`).join(' ')

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())))
}
