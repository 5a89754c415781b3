/**
 * Reading delimited text. The report's rows stream through csv-parse (readRecords, in the
 * kernel's spreadsheet reader); candidate header lines are split by the small RFC 4180 reader
 * below while sniffing.
 */

export type Delimiter = ',' | '\t'

/**
 * Splits text into rows of cells: quoted fields with doubled quotes and line breaks,
 * CRLF, LF or CR. Rows are never empty arrays: a blank line is `['']`. Used on one
 * line at a time (splitLine); whole reports go through readRecords.
 */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text[i] as string
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      // Copy the run of ordinary characters at once: huge quoted cells stay linear.
      const next = text.indexOf('"', i)
      const end = next === -1 ? n : next
      cell += text.slice(i, end)
      i = end
      continue
    }
    if (ch === '"' && cell.trim() === '') {
      cell = ''
      quoted = true
      i++
    } else if (ch === delimiter) {
      row.push(cell)
      cell = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      cell += ch
      i++
    }
  }
  if (cell !== '' || row.length > 0 || quoted) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Cells of a single line, for sniffing the delimiter of a candidate header line. */
export const splitLine = (line: string, delimiter: Delimiter): string[] =>
  parseDelimited(line, delimiter)[0] ?? ['']

/** Header keys normalised: lower case, trimmed, spaces collapsed, `user email` read as `email`. */
export function normaliseHeader(key: string): string {
  const k = key
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
  return k === 'user email' ? 'email' : k
}
