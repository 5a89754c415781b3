import { createHash, type Hash } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import {
  CHUNK_BYTES,
  currentSchemaTag,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportTrailer,
  PAGE_ROWS,
} from './format.ts'
import { type TransferTable, transferTables } from './tables.ts'

export { currentSchemaTag, EXPORT_FORMAT, EXPORT_VERSION } from './format.ts'

/** Receives the document in pieces of whole lines; the export waits for each write. */
export type ExportSink = (text: string) => Promise<void> | void

/** Lines are handed to the sink in pieces of about this size. */
const FLUSH_BYTES = 256 * 1024

/**
 * Writes the whole network as an NDJSON document (see format.ts): every table, parents
 * before children, rows read a page at a time in primary-key order, times in UTC, stored
 * files in base64 chunks of their own. It carries no time of export, so exporting the same
 * data twice, from either engine, gives the same bytes. Memory stays bounded by a page of
 * rows and one chunk, whatever the size of the data.
 */
export async function exportNetwork(db: Db, sink: ExportSink): Promise<void> {
  await db.transaction(
    async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`)
      const out = new LineWriter(sink)
      await out.line(
        JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, schema: currentSchemaTag() }),
      )
      const totals: ExportTrailer['tables'] = []
      for (const table of transferTables()) {
        const hash = createHash('sha256')
        out.table = hash
        await out.line(JSON.stringify(['table', table.name]))
        const rows = await exportTable(tx, table, out)
        out.table = undefined
        totals.push({ table: table.name, rows, sha256: hash.digest('hex') })
      }
      // The closing line is not part of the document's own sum.
      const trailer: ExportTrailer = { tables: totals, sha256: out.closeDocument() }
      await out.line(JSON.stringify(['end', trailer]))
      await out.flush()
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}

/** The export as one string: for tests and small networks only. */
export async function exportNetworkText(db: Db): Promise<string> {
  const parts: string[] = []
  await exportNetwork(db, (text) => {
    parts.push(text)
  })
  return parts.join('')
}

/** Buffers lines for the sink and hashes each one into the table's and the document's sums. */
class LineWriter {
  table: Hash | undefined
  private document: Hash | undefined = createHash('sha256')
  private parts: string[] = []
  private size = 0
  constructor(private readonly sink: ExportSink) {}

  async line(text: string): Promise<void> {
    const line = `${text}\n`
    this.document?.update(line, 'utf8')
    this.table?.update(line, 'utf8')
    this.parts.push(line)
    this.size += line.length
    if (this.size >= FLUSH_BYTES) await this.flush()
  }

  /** The document's SHA-256 so far; later lines are not counted. */
  closeDocument(): string {
    const digest = this.document?.digest('hex') ?? ''
    this.document = undefined
    return digest
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return
    const text = this.parts.join('')
    this.parts = []
    this.size = 0
    await this.sink(text)
  }
}

/** A primary-key column in the order the export sorts it: text by code point, on every server. */
const keyColumn = (table: TransferTable, column: string, alias: string): SQL => {
  const ref = sql`${sql.identifier(alias)}.${sql.identifier(column)}`
  return table.types[column] === 'text' ? sql`${ref} collate "C"` : ref
}

const keyValue = (table: TransferTable, column: string, value: string): SQL =>
  sql`cast(${value} as ${sql.raw(table.types[column] ?? 'text')})`

/** Rows of one table, PAGE_ROWS at a time after the last key seen; returns how many. */
async function exportTable(tx: Tx, table: TransferTable, out: LineWriter): Promise<number> {
  const keys = table.primaryKey.map((c) => keyColumn(table, c, 't'))
  const order = sql.join(keys, sql`, `)
  // A bytea column is written in the row as its length; its bytes follow in chunks.
  const fields = sql.join(
    table.columns.map((c) =>
      table.binary.includes(c)
        ? sql`octet_length(t.${sql.identifier(c)}) as ${sql.identifier(c)}`
        : sql`t.${sql.identifier(c)}`,
    ),
    sql`, `,
  )
  const keyText = sql.join(
    table.primaryKey.map((c, i) => sql`t.${sql.identifier(c)}::text as ${sql.identifier(`k${i}`)}`),
    sql`, `,
  )
  let after: string[] | undefined
  let count = 0
  for (;;) {
    const where = after
      ? sql`where (${order}) > (${sql.join(
          table.primaryKey.map((c, i) => keyValue(table, c, after?.[i] ?? '')),
          sql`, `,
        )})`
      : sql``
    const rows = await queryRows<Record<string, string> & { line: string }>(
      tx,
      sql`select row_to_json(r)::text as line, ${keyText}
        from ${sql.identifier(table.name)} t cross join lateral (select ${fields}) r
        ${where} order by ${order} limit ${PAGE_ROWS}`,
    )
    for (const row of rows) {
      await out.line(row.line)
      const key = table.primaryKey.map((_, i) => String(row[`k${i}`]))
      if (table.binary.length > 0) await exportBytes(tx, table, key, JSON.parse(row.line), out)
      count += 1
    }
    if (rows.length < PAGE_ROWS) return count
    after = table.primaryKey.map((_, i) => String(rows.at(-1)?.[`k${i}`]))
  }
}

/** The bytes of one row's bytea columns, CHUNK_BYTES at a time, each chunk a line. */
async function exportBytes(
  tx: Tx,
  table: TransferTable,
  key: string[],
  row: Record<string, unknown>,
  out: LineWriter,
): Promise<void> {
  const match = sql.join(
    table.primaryKey.map((c, i) => sql`t.${sql.identifier(c)} = ${keyValue(table, c, key[i] ?? '')}`),
    sql` and `,
  )
  for (const column of table.binary) {
    const length = row[column]
    if (typeof length !== 'number') continue
    for (let offset = 0; offset < length; offset += CHUNK_BYTES) {
      const [chunk] = await queryRows<{ b: Uint8Array }>(
        tx,
        sql`select substring(t.${sql.identifier(column)} from ${offset + 1}::int for ${CHUNK_BYTES}::int) as b
          from ${sql.identifier(table.name)} t where ${match}`,
      )
      const bytes = chunk?.b ?? new Uint8Array()
      const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
      await out.line(JSON.stringify(['bytes', column, base64]))
    }
  }
}
