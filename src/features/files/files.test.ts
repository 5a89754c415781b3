import { describe, expect, it } from 'vitest'
import {
  nearMisses,
  pdfOfSize,
  sampleCompoundFile,
  sampleFiles,
  zipOf,
} from '../../../tests/support/fixtures/sample-files.ts'
import { cfbRootNames, zipEntryNames } from './containers.ts'
import {
  attachmentDisposition,
  checkUpload,
  downloadHeaders,
  fileKinds,
  formatFileSize,
  MAX_FILE_BYTES,
  safeFileName,
  sniffFileKind,
} from './files.ts'

describe('finding what a file is from its content', () => {
  it('recognises every accepted kind from its bytes, whatever it is called', () => {
    for (const [kind, make] of Object.entries(sampleFiles)) {
      const sample = make()
      expect(sniffFileKind(sample.bytes), sample.name).toBe(kind)
      expect(fileKinds[kind as keyof typeof fileKinds].contentType).toBe(sample.contentType)
    }
  })

  it('refuses near misses: text, zips that are not Office files, other compound files, truncated ones, markup', () => {
    for (const [what, make] of Object.entries(nearMisses))
      expect(sniffFileKind(make().bytes), what).toBeUndefined()
    expect(sniffFileKind(new Uint8Array())).toBeUndefined()
    expect(sniffFileKind(Buffer.from('%PDF'))).toBeUndefined()
    expect(sniffFileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBeUndefined()
  })

  it('reads the names in a zip without extracting it, and the root streams of a compound file', () => {
    expect(zipEntryNames(sampleFiles.xlsx().bytes)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
    ])
    expect(zipEntryNames(zipOf([]))).toEqual([])
    expect(cfbRootNames(sampleCompoundFile('PowerPoint Document'))).toEqual(new Set(['PowerPoint Document']))
    // A central directory that points past the end is not followed.
    const broken = Buffer.from(sampleFiles.docx().bytes)
    broken.writeUInt32LE(0xfffffff0, broken.length - 6)
    expect(zipEntryNames(broken)).toBeUndefined()
    // A directory chain that loops back on itself is not followed for ever.
    const looping = Buffer.from(sampleCompoundFile('WordDocument'))
    looping.writeUInt32LE(1, 512 + 4)
    expect(cfbRootNames(looping)).toBeUndefined()
  })
})

describe('checking an upload', () => {
  it('accepts a file by its content and names it with the extension of what it is', () => {
    expect(checkUpload({ name: 'scan.pdf', bytes: sampleFiles.jpeg().bytes })).toEqual({
      ok: true,
      kind: 'jpeg',
      name: 'scan.jpg',
    })
  })

  it('says what was wrong and what is accepted', () => {
    expect(checkUpload(nearMisses.textAsPdf())).toEqual({
      ok: false,
      status: 400,
      message:
        'report.pdf is not a PDF: its content is not a PDF, Word, Excel, PowerPoint, PNG or JPEG file.',
    })
    expect(checkUpload({ name: 'notes.txt', bytes: Buffer.from('hello') })).toMatchObject({
      message:
        'notes.txt was not accepted: its content is not a PDF, Word, Excel, PowerPoint, PNG or JPEG file.',
    })
    expect(checkUpload({ name: 'swot.docx', bytes: new Uint8Array() })).toEqual({
      ok: false,
      status: 400,
      message: 'swot.docx was not accepted: the file is empty.',
    })
    expect(checkUpload({ name: 'plan.pdf', bytes: pdfOfSize(21 * 1024 * 1024) })).toEqual({
      ok: false,
      status: 413,
      message: 'plan.pdf was not accepted: the file is 21.0 MB; the limit is 20 MB.',
    })
  })

  it('takes a file of exactly 20 MB and refuses one byte more', () => {
    expect(checkUpload({ name: 'a.pdf', bytes: pdfOfSize(MAX_FILE_BYTES) }).ok).toBe(true)
    expect(checkUpload({ name: 'a.pdf', bytes: pdfOfSize(MAX_FILE_BYTES + 1) })).toMatchObject({
      ok: false,
      status: 413,
    })
  })
})

describe('safe file names', () => {
  it('drops paths, control and bidirectional characters, and characters file systems refuse', () => {
    expect(safeFileName('C:\\Users\\me\\Desktop\\plan.PDF', 'pdf')).toBe('plan.pdf')
    expect(safeFileName('../../etc/passwd', 'png')).toBe('passwd.png')
    expect(safeFileName('invoice\u202egpj.exe', 'pdf')).toBe('invoicegpj.pdf')
    expect(safeFileName('a\u0000b\nc\td.docx', 'docx')).toBe('ab c d.docx')
    expect(safeFileName('what: "a" <plan>?|*.xlsx', 'xlsx')).toBe('what_ _a_ _plan____.xlsx')
    expect(safeFileName('...hidden', 'pdf')).toBe('hidden.pdf')
  })

  it('keeps the extension of the content, and digits that are not an extension', () => {
    expect(safeFileName('photo.png', 'jpeg')).toBe('photo.jpg')
    expect(safeFileName('Plan v2.1', 'pdf')).toBe('Plan v2.1.pdf')
    expect(safeFileName('', 'pdf')).toBe('evidence.pdf')
    expect(safeFileName('.pdf', 'pdf')).toBe('evidence.pdf')
  })

  it('cuts long names at 120 characters without splitting a character', () => {
    const name = safeFileName(`${'é'.repeat(50)}${'🏭'.repeat(100)}.pdf`, 'pdf')
    expect(Array.from(name)).toHaveLength(124)
    expect(name.endsWith('🏭.pdf')).toBe(true)
  })
})

describe('downloads', () => {
  it('offers an ASCII name to old clients and the exact UTF-8 name to others', () => {
    expect(attachmentDisposition('plan.pdf')).toBe(
      `attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`,
    )
    expect(attachmentDisposition('Région "Nord" (2026).pdf')).toBe(
      `attachment; filename="R_gion _Nord_ (2026).pdf"; filename*=UTF-8''R%C3%A9gion%20%22Nord%22%20%282026%29.pdf`,
    )
  })

  it('sends every download as a sandboxed attachment of its own type, cached only when anyone may read it', () => {
    const file = { name: 'plan.pdf', contentType: 'application/pdf', data: new Uint8Array(3) }
    expect(downloadHeaders(file, { isPublic: false })).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Length': '3',
      'Content-Disposition': `attachment; filename="plan.pdf"; filename*=UTF-8''plan.pdf`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    })
    expect(downloadHeaders(file, { isPublic: true })['Cache-Control']).toBe('no-cache')
  })

  it('describes sizes as people read them', () => {
    expect(formatFileSize(900)).toBe('900 bytes')
    expect(formatFileSize(1536)).toBe('2 KB')
    expect(formatFileSize(22020096)).toBe('21.0 MB')
  })
})
