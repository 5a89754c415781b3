import { createHash } from 'node:crypto'

/** An export's lines without their newlines (the document ends with one). */
export const exportLines = (text: string): string[] => text.replace(/\n$/, '').split('\n')

/** The rows of each table, parsed from an export's row lines. */
export function exportedRows(text: string): Record<string, Record<string, unknown>[]> {
  const tables: Record<string, Record<string, unknown>[]> = {}
  let current: Record<string, unknown>[] = []
  for (const line of exportLines(text).slice(1)) {
    const value = JSON.parse(line) as unknown
    if (Array.isArray(value) && value[0] === 'table') {
      current = []
      tables[String(value[1])] = current
    } else if (!Array.isArray(value)) current.push(value as Record<string, unknown>)
  }
  return tables
}

/**
 * A document with a fresh closing line for `lines` (header and body, no closing line): what a
 * careful forger would write, so that a test reaches the checks after the checksums.
 */
export function sealExport(lines: string[]): string {
  const sha = () => createHash('sha256')
  const document = sha()
  const tables: { table: string; rows: number; sha256: string }[] = []
  let table: { table: string; rows: number; hash: ReturnType<typeof sha> } | undefined
  const close = () => {
    if (table) tables.push({ table: table.table, rows: table.rows, sha256: table.hash.digest('hex') })
  }
  for (const [index, line] of lines.entries()) {
    document.update(`${line}\n`)
    if (index === 0) continue
    if (line.startsWith('["table",')) {
      close()
      table = { table: JSON.parse(line)[1], rows: 0, hash: sha() }
    }
    table?.hash.update(`${line}\n`)
    if (table && line.startsWith('{')) table.rows += 1
  }
  close()
  return `${[...lines, JSON.stringify(['end', { tables, sha256: document.digest('hex') }])].join('\n')}\n`
}
