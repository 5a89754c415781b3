/**
 * Reads the rows of an Excel workbook (.xlsx: a zip of XML parts) without a spreadsheet
 * library: the zip's central directory locates the parts, node:zlib inflates them and saxes
 * reads the XML. The worksheet streams (inflated and parsed in chunks, one row at a time);
 * only the shared strings are held. Formulas are read as their cached values, styles ignored.
 */
import { Readable } from 'node:stream'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import { SaxesParser } from 'saxes'
import { AppError } from '#src/lib/errors.ts'

type Entry = { name: string; method: number; size: number; offset: number }

/** More than the shared strings of any 50,000-row sheet; a part inflating past it is refused. */
const MAX_PART_BYTES = 64 * 1024 * 1024

const damaged = (why: string) =>
  new AppError('BAD_INPUT', {
    userMessage: `This Excel file cannot be read (${why}). Save it again as .xlsx or as CSV. Nothing was imported.`,
  })

function entries(bytes: Uint8Array): Map<string, Entry> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  if (end < 0) throw damaged('no zip directory')
  const found = new Map<string, Entry>()
  let at = buf.readUInt32LE(end + 16)
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw damaged('a broken zip directory')
    const nameLength = buf.readUInt16LE(at + 28)
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength)
    const local = buf.readUInt32LE(at + 42)
    if (local + 30 > buf.length) throw damaged('a part outside the file')
    const offset = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    found.set(name, { name, method: buf.readUInt16LE(at + 10), size: buf.readUInt32LE(at + 20), offset })
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
  }
  return found
}

function rawPart(bytes: Uint8Array, entry: Entry): Uint8Array {
  if (entry.offset + entry.size > bytes.length) throw damaged('a part cut short')
  const data = bytes.subarray(entry.offset, entry.offset + entry.size)
  if (entry.method !== 0 && entry.method !== 8) throw damaged('an unknown compression')
  return data
}

function partText(bytes: Uint8Array, entry: Entry): string {
  const data = rawPart(bytes, entry)
  try {
    const out = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES })
    return new TextDecoder().decode(out)
  } catch {
    throw damaged(`${entry.name} does not inflate`)
  }
}

async function* partChunks(bytes: Uint8Array, entry: Entry): AsyncGenerator<string> {
  const data = rawPart(bytes, entry)
  const decoder = new TextDecoder()
  if (entry.method === 0) {
    yield decoder.decode(data)
    return
  }
  let total = 0
  try {
    for await (const chunk of Readable.from([data]).pipe(createInflateRaw())) {
      total += (chunk as Buffer).length
      if (total > MAX_PART_BYTES) throw damaged('a worksheet over 64 MB unpacked')
      yield decoder.decode(chunk as Buffer, { stream: true })
    }
  } catch (error) {
    throw error instanceof AppError ? error : damaged(`${entry.name} does not inflate`)
  }
  yield decoder.decode()
}

const local = (name: string) => name.slice(name.indexOf(':') + 1)

/** Each <si> of the shared strings as its text (rich-text runs joined, phonetic hints left out). */
function sharedStrings(xml: string): string[] {
  const strings: string[] = []
  const parser = new SaxesParser()
  let current: string | null = null
  let inText = false
  let phonetic = 0
  parser.on('opentag', (tag) => {
    const name = local(tag.name)
    if (name === 'si') current = ''
    else if (name === 'rPh') phonetic++
    else if (name === 't') inText = phonetic === 0
  })
  parser.on('closetag', (tag) => {
    const name = local(tag.name)
    if (name === 'si') strings.push(current ?? '')
    else if (name === 'rPh') phonetic--
    else if (name === 't') inText = false
  })
  parser.on('text', (text) => {
    if (inText && current !== null) current += text
  })
  try {
    parser.write(xml).close()
  } catch {
    throw damaged('its shared strings are not well-formed XML')
  }
  return strings
}

/** The columns of a sheet that are read; any further to the right are ignored. */
export const MAX_SHEET_COLUMNS = 64

/** A cell reference's column, from 0 ("A1" -> 0); past XFD (Excel's last column) it is -1. */
const columnOf = (ref: string): number => {
  let n = 0
  for (const ch of ref) {
    const code = ch.charCodeAt(0)
    if (code < 65 || code > 90) break
    n = n * 26 + (code - 64)
    if (n > 16_384) return -1
  }
  return n - 1
}

/** The first worksheet of the workbook (in the workbook's order, by its relationship), or sheet1. */
function firstSheet(bytes: Uint8Array, parts: Map<string, Entry>): Entry {
  const workbook = parts.get('xl/workbook.xml')
  const rels = parts.get('xl/_rels/workbook.xml.rels')
  if (workbook && rels) {
    const id = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(partText(bytes, workbook))?.[1]
    const relsText = partText(bytes, rels)
    const target = id
      ? new RegExp(`<Relationship\\b[^>]*Id="${id.replace(/[^\w]/g, '')}"[^>]*/?>`).exec(relsText)?.[0]
      : undefined
    const path = target ? /Target="([^"]+)"/.exec(target)?.[1] : undefined
    const entry = path ? parts.get(path.startsWith('/') ? path.slice(1) : `xl/${path}`) : undefined
    if (entry) return entry
  }
  const sheet = parts.get('xl/worksheets/sheet1.xml')
  if (!sheet) throw damaged('it has no worksheet')
  return sheet
}

/** Whether a zip is an Excel workbook (.xlsx): an Office package with a workbook part. */
export function isWorkbook(bytes: Uint8Array): boolean {
  try {
    const parts = entries(bytes)
    return parts.has('[Content_Types].xml') && [...parts.keys()].some((name) => name.startsWith('xl/'))
  } catch {
    return false
  }
}

/**
 * Streams the first worksheet's rows to `visit` with their row numbers as Excel shows them;
 * empty rows are skipped. `visit` returns false to stop.
 */
export async function readXlsxRows(
  bytes: Uint8Array,
  visit: (row: string[], rowNumber: number) => boolean | undefined,
): Promise<void> {
  const parts = entries(bytes)
  const sheet = firstSheet(bytes, parts)
  const stringsPart = parts.get('xl/sharedStrings.xml')
  const strings = stringsPart ? sharedStrings(partText(bytes, stringsPart)) : []
  const parser = new SaxesParser()
  let row: string[] | null = null
  let rowNumber = 0
  let cell: { column: number; type: string; text: string } | null = null
  let reading = false
  let stopped = false
  parser.on('opentag', (tag) => {
    const name = local(tag.name)
    if (name === 'row') {
      row = []
      rowNumber = Number(tag.attributes.r) || rowNumber + 1
    } else if (name === 'c' && row) {
      const ref = String(tag.attributes.r ?? '')
      cell = { column: ref ? columnOf(ref) : row.length, type: String(tag.attributes.t ?? 'n'), text: '' }
    } else if ((name === 'v' || name === 't') && cell) reading = true
  })
  parser.on('text', (text) => {
    if (reading && cell) cell.text += text
  })
  parser.on('closetag', (tag) => {
    const name = local(tag.name)
    if (name === 'v' || name === 't') reading = false
    else if (name === 'c' && cell && row) {
      const value = cell.type === 's' ? (strings[Number(cell.text)] ?? '') : cell.text
      // Only the first columns are read: a cell far to the right is ignored before any padding, so "ZZZZZZZZ2" costs nothing.
      if (cell.column >= 0 && cell.column < MAX_SHEET_COLUMNS) {
        while (row.length < cell.column) row.push('')
        row[cell.column] = value
      }
      cell = null
    } else if (name === 'row' && row) {
      const done: string[] = row
      row = null
      if (!stopped && done.some((v) => v.trim() !== '') && visit(done, rowNumber) === false) stopped = true
    }
  })
  try {
    for await (const text of partChunks(bytes, sheet)) {
      parser.write(text)
      if (stopped) return
    }
    parser.close()
  } catch (error) {
    if (error instanceof AppError) throw error
    throw damaged(`its worksheet is not well-formed XML near row ${rowNumber + 1}`)
  }
}
