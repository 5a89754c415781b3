import { sql } from 'drizzle-orm'
import type { Db, Tx } from '#src/db/client.ts'
import { databaseMessage } from '#src/db/sql.ts'
import { type ExportSource, PAGE_ROWS, RefusedExport } from './format.ts'
import { type ExportSummary, readExport } from './read-export.ts'
import { assertDatabaseEmpty, seededByMigrations, type TransferTable } from './tables.ts'

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
    // The export carries the metrics as they were: they replace the defaults the migrations wrote.
    for (const name of seededByMigrations) await tx.execute(sql`delete from ${sql.identifier(name)}`)
    const batch = new RowBatch(tx)
    const summary = await readExport(source(), {
      table: () => batch.flush(),
      row: (table, row, line) => batch.add(table, row, line),
      bytes: (_table, column, chunk) => batch.addBytes(column, chunk),
    })
    await batch.flush()
    await batch.linkSelfReferences()
    return summary.rows
  })
}

/**
 * Rows waiting to be inserted: plain rows go in batches through json_populate_recordset. A row
 * with bytea columns goes alone, its chunks first gathered in a temporary table and joined by
 * the database: no value is ever one giant parameter (PGlite copies a parameter many times).
 */
class RowBatch {
  private table: TransferTable | undefined
  private lines: string[] = []
  private size = 0
  private binaryRow: { line: string; row: Record<string, unknown> } | undefined
  private chunkCount = 0
  private hasChunkTable = false
  /** Per table with a self-reference: the rows' keys and references, set once every row is in. */
  private readonly links = new Map<TransferTable, string[]>()

  constructor(private readonly tx: Tx) {}

  /**
   * Sets the columns that point at a row of the same table (a page's parent), left null while the
   * rows went in, so that a child read before its parent satisfies the foreign key. Kept in memory
   * as small JSON pairs: such tables (pages) hold hundreds of rows, not millions.
   */
  async linkSelfReferences(): Promise<void> {
    for (const [table, lines] of this.links) {
      const name = sql.identifier(table.name)
      const keys = sql.join(
        table.primaryKey.map((c) => sql`t.${sql.identifier(c)} = r.${sql.identifier(c)}`),
        sql` and `,
      )
      const sets = sql.join(
        table.selfReferences.map((c) => sql`${sql.identifier(c)} = r.${sql.identifier(c)}`),
        sql`, `,
      )
      for (let i = 0; i < lines.length; i += PAGE_ROWS) {
        const json = `[${lines.slice(i, i + PAGE_ROWS).join(',')}]`
        await this.insert(
          table,
          sql`update ${name} t set ${sets} from json_populate_recordset(null::${name}, ${json}::json) r where ${keys}`,
        )
      }
    }
  }

  /** Keeps a row's key and self-references for later; true when it has any to set. */
  private holdLinks(table: TransferTable, row: Record<string, unknown>): boolean {
    if (
      table.selfReferences.length === 0 ||
      table.selfReferences.every((c) => row[c] === null || row[c] === undefined)
    )
      return false
    const kept = Object.fromEntries([...table.primaryKey, ...table.selfReferences].map((c) => [c, row[c]]))
    const lines = this.links.get(table) ?? []
    lines.push(JSON.stringify(kept))
    this.links.set(table, lines)
    return true
  }

  async add(table: TransferTable, row: Record<string, unknown>, line: string): Promise<void> {
    if (this.table !== table) await this.flush()
    this.table = table
    if (table.binary.length > 0) {
      await this.flush()
      this.binaryRow = { line, row }
      return
    }
    this.holdLinks(table, row)
    this.lines.push(line)
    this.size += line.length
    if (this.lines.length >= PAGE_ROWS || this.size >= BATCH_BYTES) await this.flush()
  }

  async addBytes(column: string, chunk: Buffer): Promise<void> {
    if (!this.hasChunkTable) {
      await this.tx.execute(
        sql`create temporary table hub_import_chunks (col text not null, n int not null, b bytea not null) on commit drop`,
      )
      this.hasChunkTable = true
    }
    this.chunkCount += 1
    await this.tx.execute(
      sql`insert into hub_import_chunks values (${column}, ${this.chunkCount}, ${chunk}::bytea)`,
    )
  }

  async flush(): Promise<void> {
    const table = this.table
    if (!table) return
    if (this.binaryRow) {
      const { line, row } = this.binaryRow
      this.binaryRow = undefined
      const values = table.columns.map((c) => {
        if (!table.binary.includes(c)) return sql`r.${sql.identifier(c)}`
        if (row[c] === null || row[c] === undefined) return sql`null::bytea`
        return sql`coalesce((select string_agg(b, ''::bytea order by n) from hub_import_chunks where col = ${c}), ''::bytea)`
      })
      await this.insert(
        table,
        sql`insert into ${sql.identifier(table.name)} (${sql.join(
          table.columns.map((c) => sql.identifier(c)),
          sql`, `,
        )}) select ${sql.join(values, sql`, `)} from json_populate_record(null::${sql.identifier(table.name)}, ${line}::json) r`,
      )
      if (this.chunkCount > 0) await this.tx.execute(sql`delete from hub_import_chunks`)
      this.chunkCount = 0
    }
    if (this.lines.length === 0) return
    const json = `[${this.lines.join(',')}]`
    this.lines = []
    this.size = 0
    const name = sql.identifier(table.name)
    // Named columns: a generated column (a search document) is computed, never inserted. A
    // self-reference goes in as null and is set by linkSelfReferences once every row is in.
    const columns = sql.join(
      table.columns.map((c) => sql.identifier(c)),
      sql`, `,
    )
    const values = sql.join(
      table.columns.map((c) => (table.selfReferences.includes(c) ? sql`null` : sql.identifier(c))),
      sql`, `,
    )
    await this.insert(
      table,
      sql`insert into ${name} (${columns}) select ${values} from json_populate_recordset(null::${name}, ${json}::json)`,
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
