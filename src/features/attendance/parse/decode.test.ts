import { describe, expect, it } from 'vitest'
import { decodeReport } from './decode.ts'

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
