/**
 * The dates a report states before its participants table: the start time in Zoom's
 * meeting-data preamble (`Meeting ID,Topic,Start Time,…` then a data row) and in Teams'
 * summary (`Start time<TAB>1/14/25, 9:58:03 AM`). A unique-users Zoom report has no other date.
 */
import { normaliseHeader } from './csv.ts'

/** Collects the start-time cells of the rows before a table's header, one row at a time. */
export function preambleDates(): { add: (row: readonly string[]) => void; cells: () => string[] } {
  const found: string[] = []
  let column: number | null = null
  return {
    add: (row) => {
      const keys = row.map(normaliseHeader)
      if (keys.every((k) => k === '')) return
      if (column !== null) {
        const cell = row[column]?.trim()
        if (cell) found.push(cell)
        column = null
        return
      }
      if (keys[0] === 'start time' && row[1]?.trim()) {
        found.push((row[1] as string).trim())
        return
      }
      const at = keys.indexOf('start time')
      if (at >= 0 && (keys.includes('topic') || keys.includes('meeting id') || keys.includes('id')))
        column = at
    },
    cells: () => found,
  }
}
