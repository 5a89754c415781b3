/**
 * `hub attendance history-import FILE [--commit] [--json]`: past attendance from a CSV or .xlsx
 * spreadsheet, previewed (stored as a preview the staff page lists) or, with --commit, written in
 * one transaction. Exit status 2 when the file cannot be read, has rows with problems (which
 * block the commit), or was already committed. JSON: {importId, status, rows, written,
 * alreadyPresent, problems: [{row, message}]}.
 */
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Database } from '#src/db/client.ts'
import {
  commitHistoryImport,
  getHistoryImport,
  type HistoryProblem,
  historySizeProblem,
  startHistoryImport,
} from '#src/features/attendance-history/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { alreadyImported } from '#src/ui/import-status.tsx'

/** What `--json` prints: stable, scripted against. */
export type HistoryJson = {
  importId: string
  status: 'preview' | 'committed'
  /** Data rows read from the file. */
  rows: number
  /** Attendance records written (committed), or that committing would write (preview). */
  written: number
  /** Rows whose presence was already on record (a report, the roll call): not written again. */
  alreadyPresent: number
  problems: HistoryProblem[]
}

/** A problem with the file or the request: said on stderr, exit status 2. */
export class HistoryUsageError extends Error {}

/** Why the file is refused by its size alone (checked before a database is opened), or null. */
export async function historyFileProblem(file: string): Promise<string | null> {
  return historySizeProblem((await stat(file)).size)
}

export async function attendanceHistoryImport(
  database: Database,
  input: { file: string; commit: boolean; today: string; timeZone: string },
): Promise<{ json: HistoryJson; text: string; code: 0 | 2 }> {
  const by = { personId: null, actor: 'cli' as const }
  const name = path.basename(input.file)
  try {
    const bytes = new Uint8Array(await readFile(input.file))
    const started = await startHistoryImport(database.db, {
      fileName: name,
      bytes,
      via: 'cli',
      by,
      today: input.today,
    })
    const { plan } = started
    if (started.status === 'committed') {
      const item = await getHistoryImport(database.db, started.importId)
      throw new HistoryUsageError(
        item ? alreadyImported(item, input.timeZone) : 'This file was already imported.',
      )
    }
    const json: HistoryJson = {
      importId: started.importId,
      status: 'preview',
      rows: plan.rows,
      written: plan.writes.length,
      alreadyPresent: plan.alreadyPresent,
      problems: plan.problems,
    }
    if (input.commit && plan.problems.length === 0) {
      const done = await commitHistoryImport(database.db, { importId: started.importId, by, ...input })
      Object.assign(json, { status: 'committed', written: done.written, alreadyPresent: done.alreadyPresent })
    }
    return {
      json,
      text: summary(name, json, plan.absent, input.commit),
      code: plan.problems.length > 0 ? 2 : 0,
    }
  } catch (error) {
    if (error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'CONFLICT'))
      throw new HistoryUsageError(error.userMessage)
    throw error
  }
}

function summary(name: string, json: HistoryJson, absent: number, commit: boolean): string {
  const headline =
    json.status === 'committed'
      ? `Imported ${name}: ${json.written} attendance records written.`
      : `Preview of ${name} (nothing written): ${json.written} attendance records to write.`
  const lines = [
    headline,
    `${json.rows} rows read: ${json.alreadyPresent} already present, ${absent} marked not attended, ${json.problems.length} problems.`,
    ...json.problems.map((p) => `  row ${p.row}: ${p.message}`),
  ]
  if (json.problems.length > 0)
    lines.push(`Nothing ${commit ? 'was committed' : 'can be committed'}: correct these rows and run again.`)
  else if (json.status === 'preview') lines.push('Run again with --commit to write them.')
  lines.push(`Import ${json.importId} (staff page: /staff/attendance/history/${json.importId}).`)
  return `${lines.join('\n')}\n`
}
