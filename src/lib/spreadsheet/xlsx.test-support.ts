/**
 * Builds small .xlsx workbooks for tests: a zip (deflated parts) with a workbook, its
 * relationships, shared strings and one worksheet. Strings go to the shared strings; cells
 * given as numbers are written as numbers (an Excel date is its day number).
 */
import { crc32, deflateRawSync } from 'node:zlib'

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const column = (i: number): string => {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

function zip(files: [string, string][]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of files) {
    const raw = Buffer.from(text, 'utf8')
    const data = deflateRawSync(raw)
    const nameBytes = Buffer.from(name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc32(raw), 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(raw.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc32(raw), 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(raw.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += 30 + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** A workbook whose first sheet holds `rows` (row 1 first); `{ at, text }` puts a cell at a given reference. */
export function buildXlsx(rows: (string | number | { at: string; text: string })[][]): Uint8Array {
  const strings: string[] = []
  const sheetRows = rows.map((row, r) => {
    const cells = row.map((value, c) => {
      if (typeof value === 'object')
        return `<c r="${value.at}" t="inlineStr"><is><t>${value.text}</t></is></c>`
      const ref = `${column(c)}${r + 1}`
      if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`
      strings.push(value)
      return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`
    })
    return `<row r="${r + 1}">${cells.join('')}</row>`
  })
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
  return zip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook ${ns} ${rel}><sheets><sheet name="Attendance" sheetId="1" r:id="rId7"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>',
    ],
    [
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst ${ns}>${strings.map((s) => `<si><t>${xmlText(s)}</t></si>`).join('')}</sst>`,
    ],
    [
      'xl/worksheets/data.xml',
      `<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ],
  ])
}
