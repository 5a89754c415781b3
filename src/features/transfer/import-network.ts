import { sql } from 'drizzle-orm'
import type { Db, Tx } from '#src/db/client.ts'
import { databaseMessage } from '#src/db/sql.ts'
import { type ExportSource, PAGE_ROWS, RefusedExport } from './format.ts'
import { type ExportSummary, readExport } from './read-export.ts'
import { assertDatabaseEmpty, type TransferTable } from './tables.ts'

/** A batch of rows is sent once it holds this much JSON, even if it has fewer than PAGE_ROWS. */
const BATCH_BYTES = 4 * 1024 * 1024

/**
 * Checks an export from start to end without touching any database: its structure, row
 * counts and checksums. Throws RefusedExport with the reason; run it before creating or
 * migrating a database for the import.
 */
export async function verifyExport(source: ExportSource): Promise<ExportSummary> {
  return readExport(source())
}

/**
 * Loads an export into an empty database in one transaction, reading it line by line and
 * inserting rows in batches: all of it or, on any error, none of it. The document is checked
 * again as it is read (a file changed since `verifyExport` is refused before the commit).
 * Refuses a document from another schema version, a table or column this schema does not
 * have, and a database that holds data. Returns the rows imported per table.
 */
export async function importNetwork(db: Db, source: ExportSource): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    await assertDatabaseEmpty(tx, 'import')
    await tx.execute(sql`set local time zone 'UTC'`)
    // The rows keep the audit trail they came with; importing them is not a new write.
    await tx.execute(sql`select set_config('hub.audit_off', 'on', true)`)
    const batch = new RowBatch(tx)
    const summary = await readExport(source(), {
      table: () => batch.flush(),
      row: (table, row, line) => batch.add(table, row, line),
      bytes: async (_table, column, chunk) => batch.addBytes(column, chunk),
    })
    await batch.flush()
    return summary.rows
  })
}

/**
 * Rows waiting to be inserted: plain rows go in batches through json_populate_recordset; a
 * row with bytea columns goes alone, once all its chunks have arrived.
 */
class RowBatch {
  private table: TransferTable | undefined
  private lines: string[] = []
  private size = 0
  private binaryRow: { line: string; row: Record<string, unknown>; chunks: Map<string, Buffer[]> } | undefined

  constructor(private readonly tx: Tx) {}

  async add(table: TransferTable, row: Record<string, unknown>, line: string): Promise<void> {
    if (this.table !== table) await this.flush()
    this.table = table
    if (table.binary.length > 0) {
      await this.flush()
      this.binaryRow = { line, row, chunks: new Map() }
      return
    }
    this.lines.push(line)
    this.size += line.length
    if (this.lines.length >= PAGE_ROWS || this.size >= BATCH_BYTES) await this.flush()
  }

  addBytes(column: string, chunk: Buffer): void {
    const chunks = this.binaryRow?.chunks
    if (!chunks) return
    const list = chunks.get(column)
    if (list) list.push(chunk)
    else chunks.set(column, [chunk])
  }

  async flush(): Promise<void> {
    const table = this.table
    if (!table) return
    if (this.binaryRow) {
      const { line, row, chunks } = this.binaryRow
      this.binaryRow = undefined
      const values = table.columns.map((c) => {
        if (!table.binary.includes(c)) return sql`r.${sql.identifier(c)}`
        const bytes = row[c] === null || row[c] === undefined ? null : Buffer.concat(chunks.get(c) ?? [])
        return sql`${bytes}::bytea`
      })
      await this.insert(
        table,
        sql`insert into ${sql.identifier(table.name)} (${sql.join(
          table.columns.map((c) => sql.identifier(c)),
          sql`, `,
        )}) select ${sql.join(values, sql`, `)} from json_populate_record(null::${sql.identifier(table.name)}, ${line}::json) r`,
      )
    }
    if (this.lines.length === 0) return
    const json = `[${this.lines.join(',')}]`
    this.lines = []
    this.size = 0
    const name = sql.identifier(table.name)
    await this.insert(
      table,
      sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${json}::json)`,
    )
  }

  private async insert(table: TransferTable, statement: ReturnType<typeof sql>): Promise<void> {
    try {
      await this.tx.execute(statement)
    } catch (error) {
      throw new RefusedExport(`cannot import ${table.name}: ${databaseMessage(error)}; nothing was imported`)
    }
  }
}
