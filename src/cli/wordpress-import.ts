/** `hub wordpress import FILE.xml [--dry-run] [--json]`: a WordPress export into the Hub from the command line. */
import path from 'node:path'
import type { Database } from '#src/db/client.ts'
import {
  type ImportProgress,
  type ImportSummary,
  importWordpress,
  summaryText,
  WxrFormatError,
  WxrSyntaxError,
} from '#src/features/wordpress/commands.ts'

/** A file that is not a (well-formed) WordPress export: the caller's input, exit status 2. */
export class WordpressFileError extends Error {}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Progress on stderr: a line at each tenth of the file, and one when a pass is done. */
export function progressLines(say: (line: string) => void, dryRun: boolean) {
  let shown = -1
  let phase = ''
  return (p: ImportProgress) => {
    if (p.phase !== phase) {
      phase = p.phase
      shown = -1
    }
    const tenth = p.totalBytes > 0 ? Math.floor((p.bytes / p.totalBytes) * 10) : 10
    if (tenth === shown) return
    shown = tenth
    const verb = p.phase === 'checking' ? 'Checking' : dryRun ? 'Comparing' : 'Importing'
    say(`${verb}: ${p.items} items read, ${megabytes(p.bytes)} of ${megabytes(p.totalBytes)}`)
  }
}

export async function wordpressImport(
  database: Database,
  input: { file: string; dryRun: boolean; timeZone: string; say: (line: string) => void },
): Promise<ImportSummary> {
  try {
    return await importWordpress(database.db, {
      file: input.file,
      fileName: path.basename(input.file),
      dryRun: input.dryRun,
      timeZone: input.timeZone,
      actor: 'cli',
      personId: null,
      progress: progressLines(input.say, input.dryRun),
    })
  } catch (error) {
    if (error instanceof WxrSyntaxError || error instanceof WxrFormatError)
      throw new WordpressFileError(`${error.message} Nothing was written.`)
    throw error
  }
}

export { summaryText }
