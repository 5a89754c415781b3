/**
 * `hub grants import FILE [--json]`: a Grants.gov extract (the .xml, or the .zip it comes in) into
 * the Hub, with progress on stderr. A damaged file is refused with where it broke (status 2) and
 * writes no opportunity. JSON: {importId, fileName, extractDate, sha256, bytes, records, added,
 * updated, unchanged, closed, unknownElements: {name: count}}.
 */
import type { Database } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import {
  ExtractSyntaxError,
  extractSource,
  type GrantImportResult,
  importExtract,
  OpportunityProblem,
} from '#src/features/grants/commands.ts'

/** A file that is not a readable extract: the caller's input, exit status 2. */
export class GrantsFileError extends Error {}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

export async function grantsImport(
  database: Database,
  input: { file: string; today: string; say: (line: string) => void },
): Promise<GrantImportResult> {
  await migrateDatabase(database)
  const { name, source } = await extractSource(input.file)
  let shown = 0
  try {
    return await importExtract(database.db, {
      fileName: name,
      source,
      via: 'cli',
      by: { personId: null, actor: 'cli' },
      today: input.today,
      progress: ({ records, bytes }) => {
        if (bytes - shown < 16 * 1024 * 1024) return
        shown = bytes
        input.say(`Importing: ${records} opportunities read, ${megabytes(bytes)} so far`)
      },
    })
  } catch (error) {
    if (error instanceof ExtractSyntaxError || error instanceof OpportunityProblem)
      throw new GrantsFileError(`${name} cannot be imported: ${error.message}. Nothing was written.`)
    throw error
  }
}

/** The result for people: what was read and what changed. */
export function grantsImportText(result: GrantImportResult): string {
  const unknown = Object.entries(result.unknownElements)
  return [
    `Imported ${result.fileName} (extract of ${result.extractDate}, ${megabytes(result.bytes)}):`,
    `  opportunities read: ${result.records}`,
    `  added: ${result.added}, updated: ${result.updated}, unchanged or older: ${result.unchanged}`,
    `  closed on the extract's day: ${result.closed}`,
    unknown.length > 0
      ? `  unknown elements ignored: ${unknown.map(([name, n]) => `${name} (${n})`).join(', ')}`
      : '  unknown elements ignored: none',
    '',
  ].join('\n')
}
