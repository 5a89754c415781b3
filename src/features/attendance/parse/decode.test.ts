import { describe, expect, it } from 'vitest'
import { decodeReport, NotUtf8, ReportDecoder } from './decode.ts'

const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')])
const utf16be = (s: string) => {
  const b = Buffer.from(s, 'utf16le')
  b.swap16()
  return new Uint8Array([0xfe, 0xff, ...b])
}

describe('decodeReport', () => {
  it('follows the byte-order mark', () => {
    expect(decodeReport(utf16le('Name\tÉloïse\r\n'))).toBe('Name\tÉloïse\r\n')
    expect(decodeReport(utf16be('Name\tÉloïse\n'))).toBe('Name\tÉloïse\n')
    expect(decodeReport(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Name,Sofía')]))).toBe('Name,Sofía')
  })

  it('reads UTF-8 without a mark, and Windows-1252 when it is not UTF-8', () => {
    expect(decodeReport(Buffer.from('Núñez'))).toBe('Núñez')
    expect(decodeReport(new Uint8Array([0x4e, 0xfa, 0xf1, 0x65, 0x7a]))).toBe('Núñez')
  })

  it('refuses empty and binary input', () => {
    expect(() => decodeReport(new Uint8Array())).toThrow(
      /The file is empty: expected a Zoom participants CSV/,
    )
    expect(() => decodeReport(Buffer.from(' \r\n\t'))).toThrow(/empty/)
    expect(() => decodeReport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toThrow(/not text/)
  })
})

describe('ReportDecoder', () => {
  it('gives the same text when the bytes come one at a time, split inside marks and characters', () => {
    const text = 'Name\tÉloïse 👋\r\nDana\t1h 2m\r\n'
    for (const bytes of [
      utf16le(text),
      utf16be(text),
      new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]),
      Buffer.from(text),
    ]) {
      const decoder = new ReportDecoder()
      let out = ''
      for (const byte of bytes) out += decoder.write(new Uint8Array([byte]))
      expect(out + decoder.end()).toBe(text)
    }
  })

  it('says when bytes without a mark are not UTF-8, so they can be read again as Windows-1252', () => {
    const decoder = new ReportDecoder()
    expect(() => decoder.write(new Uint8Array([0x4e, 0xfa, 0xf1, 0x65, 0x7a]))).toThrow(NotUtf8)
    const latin = new ReportDecoder(true)
    expect(latin.write(new Uint8Array([0x4e, 0xfa, 0xf1, 0x65, 0x7a])) + latin.end()).toBe('Núñez')
  })
})
