/**
 * The export document (version 2): NDJSON, one JSON value a line, so that writing and
 * reading it take bounded memory whatever the size of the network.
 *
 *   {"format":"collaborative-hub-export","version":2,"schema":"<last migration tag>"}
 *   ["table","organizations"]                       then one line per row, primary-key order
 *   {"id":"…","name":"…",…}                         a row; a bytea column holds its length
 *   ["bytes","data","<base64>"]                     that column's bytes, in chunks, after its row
 *   ["end",{"tables":[{"table":"organizations","rows":36,"sha256":"…"},…],"sha256":"…"}]
 *
 * A table's sha256 covers its lines (its "table" line included), the last one covers every
 * line before the "end" line; each line is hashed with its newline.
 */
import { expectedMigrations } from '#src/db/migrate.ts'
import { AppError } from '#src/lib/errors.ts'

export const EXPORT_FORMAT = 'collaborative-hub-export'
export const EXPORT_VERSION = 2

/** Rows read from the database in one query, and inserted in one statement. */
export const PAGE_ROWS = 500
/** The raw bytes of one "bytes" line (its base64 is a third longer). */
export const CHUNK_BYTES = 512 * 1024
/** The longest line a reader accepts: far above any row, bounded so that memory is. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024
/** The largest bytea value an import holds in memory (stored files stop at 20 MB). */
export const MAX_VALUE_BYTES = 32 * 1024 * 1024

export type TableTotal = { table: string; rows: number; sha256: string }
export type ExportTrailer = { tables: TableTotal[]; sha256: string }

/** Where an export is read from; called once per pass (an import reads the document twice). */
export type ExportSource = () => AsyncIterable<Uint8Array>

/** The last migration this build ships: exports are tied to the schema they came from. */
export const currentSchemaTag = (): string => expectedMigrations().at(-1) ?? 'none'

/** A document an import refuses, with the one-line reason. */
export class RefusedExport extends AppError {
  constructor(reason: string) {
    super('BAD_INPUT', { userMessage: reason.replace(/\s*\n\s*/g, ' ') })
  }
}

export const isRefusedExport = (error: unknown): error is RefusedExport => error instanceof RefusedExport

/** An export held in memory (tests, small networks) as a source. */
export const textSource = (text: string): ExportSource =>
  async function* () {
    yield Buffer.from(text, 'utf8')
  }
