/** `hub attendance import FILE --call YYYY-MM-DD [--dry-run] [--json]`: the whole import from the command line. */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from '#src/db/client.ts'
import {
  commitImport,
  dryRunImport,
  findCallByDate,
  getImport,
  type ImportRow,
  type ImportSummary,
  reportSizeProblem,
  startImport,
} from '#src/features/attendance/index.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'

/** What `--json` prints: stable, scripted against. */
export type ImportJson = {
  /** 'committed': recorded now; 'unchanged': this file was already committed for this call; 'dry-run': nothing written. */
  result: 'committed' | 'unchanged' | 'dry-run'
  importId: string | null
  call: { date: string; startsAt: string; timeZone: string }
  format: string
  file: { name: string; sha256: string; size: number }
  minimumMinutes: number
  /** Problems worth a look before trusting the import (such as times on another date than the call's). */
  warnings: string[]
  summary: ImportSummary
  participants: {
    position: number
    name: string
    rawName: string
    email: string | null
    seconds: number
    minutes: number
    firstJoin: string | null
    lastLeave: string | null
    personId: string | null
    personName: string | null
    match: string | null
    seats: { organizationId: string; organization: string; role: string }[]
    counts: boolean
    reason: string | null
  }[]
}

const participantJson = (row: ImportRow): ImportJson['participants'][number] => ({
  position: row.position,
  name: row.name,
  rawName: row.rawName,
  email: row.email,
  seconds: row.seconds,
  minutes: Math.floor(row.seconds / 60),
  firstJoin: row.firstJoin,
  lastLeave: row.lastLeave,
  personId: row.personId,
  personName: row.personName,
  match: row.match,
  seats: row.seats.map((s) => ({
    organizationId: s.organizationId,
    organization: s.organizationName,
    role: s.role,
  })),
  counts: row.counts,
  reason: row.reason,
})

/** A problem with what the caller gave (exit status 2). */
export class ImportUsageError extends Error {}

/**
 * Why a report file is refused by its size alone (a file over the limit could never be
 * stored), or null: checked before a byte is read, and before a database is opened.
 */
export async function reportFileProblem(file: string): Promise<string | null> {
  return reportSizeProblem((await stat(file)).size)
}

export async function attendanceImport(
  database: Database,
  input: {
    file: string
    callDate: string | undefined
    dryRun: boolean
    /** Today in the network's zone, from the configured clock. */
    today: string
    /** Progress lines for long files (stderr). */
    say: (line: string) => void
  },
): Promise<{ json: ImportJson; text: string }> {
  const { file, callDate } = input
  if (!callDate || !isIsoDate(callDate))
    throw new ImportUsageError('hub attendance import needs --call YYYY-MM-DD (the date of the call)')
  const tooLarge = await reportFileProblem(file)
  if (tooLarge) throw new ImportUsageError(tooLarge)
  const call = await findCallByDate(database.db, callDate)
  if (!call) throw new ImportUsageError(`there is no call on ${callDate}`)
  if (call.status === 'cancelled') throw new ImportUsageError(`the call on ${callDate} was cancelled`)
  const { today } = input
  if (callDate > today)
    throw new ImportUsageError(`the call on ${callDate} has not happened yet (today is ${today})`)
  const bytes = new Uint8Array(await readFile(file))
  const fileName = path.basename(file)
  let lastShown = 0
  const onProgress = (done: number, total: number) => {
    // Only long files say how far they got, about every tenth.
    if (total >= 1000 && (done === total || done - lastShown >= total / 10)) {
      lastShown = done
      input.say(`Matched ${done} of ${total} participants…`)
    }
  }
  try {
    if (input.dryRun) {
      const preview = await dryRunImport(database.db, { call, fileName, bytes, onProgress })
      return render({ ...preview, result: 'dry-run', importId: null })
    }
    const by = { personId: null, actor: 'cli' as const }
    const started = await startImport(database.db, { call, fileName, bytes, via: 'cli', by, onProgress })
    const result =
      started.kind === 'unchanged'
        ? 'unchanged'
        : await commitImport(database.db, { importId: started.importId, by })
    const view = await getImport(database.db, started.importId)
    if (!view) throw new Error('the import vanished')
    return render({ ...view, result, importId: view.id })
  } catch (error) {
    if (error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'CONFLICT'))
      throw new ImportUsageError(error.userMessage)
    throw error
  }
}

function render(
  view: Awaited<ReturnType<typeof dryRunImport>> & { result: ImportJson['result']; importId: string | null },
): { json: ImportJson; text: string } {
  const json: ImportJson = {
    result: view.result,
    importId: view.importId,
    call: { date: view.call.localDate, startsAt: view.call.startsAt, timeZone: view.call.timeZone },
    format: view.format,
    file: { name: view.fileName, sha256: view.sha256, size: view.size },
    minimumMinutes: view.minimumMinutes,
    warnings: view.dateWarning ? [view.dateWarning] : [],
    summary: view.summary,
    participants: view.rows.map(participantJson),
  }
  const headline = {
    committed: 'Imported',
    unchanged: 'Already imported (nothing changed):',
    'dry-run': 'Dry run (nothing written):',
  }[view.result]
  const s = view.summary
  const lines = [
    `${headline} ${view.format} report ${view.fileName} for the call on ${view.call.localDate}.`,
    `${s.participants} participants: ${s.matched} matched, ${s.unmatched} unmatched, ${s.guests} guests; ${s.counting} count for ${s.organizations} organisations.`,
    ...view.rows.map(
      (r) =>
        `${r.counts ? 'counts' : '      '}  ${r.name} <${r.email ?? '-'}> ${Math.floor(r.seconds / 60)} min → ${
          r.personName ? `${r.personName} (${r.match})` : r.match === 'guest' ? 'guest' : 'unmatched'
        }${r.reason ? ` — ${r.reason}` : ''}`,
    ),
  ]
  if (s.unmatched > 0)
    lines.push('Match the unmatched participants on the call’s attendance page in the Hub.')
  return { json, text: `${lines.join('\n')}\n` }
}
