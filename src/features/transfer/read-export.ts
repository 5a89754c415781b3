import { createHash } from 'node:crypto'
import { z } from 'zod'
import {
  currentSchemaTag,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportTrailer,
  MAX_LINE_BYTES,
  MAX_VALUE_BYTES,
  RefusedExport,
} from './format.ts'
import { readLines } from './lines.ts'
import { type TransferTable, transferTables } from './tables.ts'

/** What an import does with each piece of a document as it is read; all optional. */
export type ExportHandler = {
  table?: (table: TransferTable) => Promise<void>
  /** `line` is the row's JSON text as it stands in the document. */
  row?: (table: TransferTable, row: Record<string, unknown>, line: string) => Promise<void>
  bytes?: (table: TransferTable, column: string, chunk: Buffer) => Promise<void>
}

export type ExportSummary = { schema: string; rows: Record<string, number> }

const headerSchema = z.object({ format: z.literal(EXPORT_FORMAT), version: z.unknown(), schema: z.string() })
const trailerSchema = z.object({
  tables: z.array(z.object({ table: z.string(), rows: z.number().int().min(0), sha256: z.string() })),
  sha256: z.string(),
})
const base64 = /^[A-Za-z0-9+/]*={0,2}$/
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Reads an export from start to end, checking as it goes that it is whole and unaltered:
 * the header and schema, tables in the order this Hub inserts them, known columns only,
 * each bytea value's announced length, and at the end every table's row count and SHA-256
 * and the document's. Throws RefusedExport with the first problem found; memory stays
 * bounded by one line (and one bytea value, in the handler of an import).
 */
export async function readExport(
  source: AsyncIterable<Uint8Array>,
  handler: ExportHandler = {},
): Promise<ExportSummary> {
  const tables = transferTables()
  const order = new Map(tables.map((t, i) => [t.name, i]))
  const documentHash = createHash('sha256')
  const tableHashes = new Map<string, string>()
  const rows: Record<string, number> = {}
  let tableHash: ReturnType<typeof createHash> | undefined
  let current: TransferTable | undefined
  let schema: string | undefined
  let trailer: ExportTrailer | undefined
  let lastLine = 0
  // The bytea columns of the row just read: announced length, and bytes found so far.
  let pendingBytes: { column: string; announced: number; found: number }[] = []
  let rowNumber = 0

  const closeRow = () => {
    for (const value of pendingBytes)
      if (value.found !== value.announced)
        throw new RefusedExport(
          `table ${current?.name} row ${rowNumber}: ${value.column} announced ${value.announced} bytes, ${value.found} found`,
        )
    pendingBytes = []
  }
  const closeTable = () => {
    closeRow()
    if (current && tableHash) tableHashes.set(current.name, tableHash.digest('hex'))
    tableHash = undefined
  }

  for await (const { bytes, number, isComplete } of readLines(source, MAX_LINE_BYTES)) {
    lastLine = number
    if (!isComplete)
      throw new RefusedExport(
        `the export is cut short: its last line (${number}) has no end (a truncated file?)`,
      )
    if (trailer) throw new RefusedExport(`line ${number} comes after the export's closing line`)
    let text: string
    let value: unknown
    try {
      text = utf8.decode(bytes)
      value = JSON.parse(text)
    } catch {
      throw new RefusedExport(
        number === 1
          ? 'line 1 is not JSON; expected a `hub export` document'
          : `line ${number} is not JSON: the export is damaged`,
      )
    }

    if (number === 1) {
      const header = headerSchema.safeParse(value)
      if (!header.success) throw new RefusedExport('not a Collaborative Hub export: line 1 is not its header')
      if (header.data.version !== EXPORT_VERSION)
        throw new RefusedExport(
          `the export has format version ${JSON.stringify(header.data.version)}; this Hub reads version ${EXPORT_VERSION}: export again with \`hub export\` from a Hub of this version`,
        )
      if (header.data.schema !== currentSchemaTag())
        throw new RefusedExport(
          `the export was made with schema ${header.data.schema} but this Hub has ${currentSchemaTag()}: export again from a Hub of the same version`,
        )
      schema = header.data.schema
      documentHash.update(bytes).update('\n')
      continue
    }

    if (Array.isArray(value) && value[0] === 'end') {
      closeTable()
      current = undefined
      const parsed = trailerSchema.safeParse(value[1])
      if (!parsed.success) throw new RefusedExport(`line ${number}: the export's closing line is damaged`)
      trailer = parsed.data
      continue
    }
    documentHash.update(bytes).update('\n')

    if (Array.isArray(value) && value[0] === 'table') {
      const name = String(value[1])
      const table = tables.find((t) => t.name === name)
      if (!table)
        throw new RefusedExport(`line ${number}: the export has a table this Hub does not know: ${name}`)
      const previous = current ? (order.get(current.name) ?? -1) : -1
      if (tableHashes.has(name) || (order.get(name) ?? 0) <= previous)
        throw new RefusedExport(
          `line ${number}: table ${name} is out of place (each table once, parents first)`,
        )
      closeTable()
      current = table
      tableHash = createHash('sha256')
      tableHash.update(bytes).update('\n')
      rows[name] = 0
      rowNumber = 0
      await handler.table?.(table)
      continue
    }
    tableHash?.update(bytes).update('\n')

    if (Array.isArray(value) && value[0] === 'bytes') {
      const [, column, data] = value as unknown[]
      const pending = pendingBytes.find((p) => p.column === column)
      if (!current || !pending || typeof data !== 'string' || !base64.test(data))
        throw new RefusedExport(`line ${number}: bytes that belong to no row's file`)
      const chunk = Buffer.from(data, 'base64')
      pending.found += chunk.length
      if (pending.found > pending.announced)
        throw new RefusedExport(
          `table ${current.name} row ${rowNumber}: ${pending.column} announced ${pending.announced} bytes, more found`,
        )
      await handler.bytes?.(current, pending.column, chunk)
      continue
    }

    if (!current) throw new RefusedExport(`line ${number}: a row before any table`)
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new RefusedExport(`line ${number}: not a row of table ${current.name}`)
    closeRow()
    const row = value as Record<string, unknown>
    rowNumber += 1
    rows[current.name] = rowNumber
    const extra = Object.keys(row).filter((key) => !current?.columns.includes(key))
    if (extra.length > 0)
      throw new RefusedExport(
        `table ${current.name} row ${rowNumber} has columns this Hub does not know: ${extra.join(', ')}`,
      )
    for (const column of current.binary) {
      const announced = row[column]
      if (announced === null || announced === undefined) continue
      if (typeof announced !== 'number' || !Number.isInteger(announced) || announced < 0)
        throw new RefusedExport(`table ${current.name} row ${rowNumber}: ${column} must be a length in bytes`)
      if (announced > MAX_VALUE_BYTES)
        throw new RefusedExport(
          `table ${current.name} row ${rowNumber}: ${column} is ${announced} bytes, more than the ${MAX_VALUE_BYTES / 1024 / 1024} MB an import takes`,
        )
      pendingBytes.push({ column, announced, found: 0 })
    }
    await handler.row?.(current, row, text)
  }

  if (lastLine === 0) throw new RefusedExport('the file is empty; expected a `hub export` document')
  if (!trailer || !schema)
    throw new RefusedExport(
      `the export is cut short: no closing line after line ${lastLine} (a truncated file?)`,
    )
  checkTotals(trailer, tables, rows, tableHashes, documentHash.digest('hex'))
  return { schema, rows }
}

/** Compares what the closing line announces with what was read: counts first, then sums. */
function checkTotals(
  trailer: ExportTrailer,
  tables: TransferTable[],
  rows: Record<string, number>,
  hashes: Map<string, string>,
  documentSha: string,
) {
  const known = new Set(tables.map((t) => t.name))
  const unknown = trailer.tables.filter((t) => !known.has(t.table)).map((t) => t.table)
  if (unknown.length > 0)
    throw new RefusedExport(`the export has tables this Hub does not know: ${unknown.join(', ')}`)
  const announced = new Map(trailer.tables.map((t) => [t.table, t]))
  for (const { name } of tables) {
    const total = announced.get(name)
    if (!total) throw new RefusedExport(`table ${name}: missing from the export's closing line`)
    const found = rows[name] ?? 0
    if (total.rows !== found)
      throw new RefusedExport(`table ${name}: ${total.rows} rows announced, ${found} found`)
  }
  for (const { name } of tables)
    if (announced.get(name)?.sha256 !== hashes.get(name))
      throw new RefusedExport(`table ${name}: its lines do not match their SHA-256 (the file was altered)`)
  if (trailer.sha256 !== documentSha)
    throw new RefusedExport('the export does not match its SHA-256 (the file was altered)')
}
