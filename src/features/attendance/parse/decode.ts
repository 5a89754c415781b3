import { notAReport } from './errors.ts'

/**
 * Turns the bytes of an uploaded report into text: the byte-order mark decides
 * (FF FE UTF-16 LE, FE FF UTF-16 BE, EF BB BF UTF-8); without one, UTF-8, falling
 * back to Windows-1252 for old exports that are not valid UTF-8. The BOM is dropped
 * and line ends are left as they are (the CSV reader accepts CRLF, LF and CR).
 * Empty input and binary input (NUL characters) are refused.
 */
export function decodeReport(bytes: Uint8Array): string {
  let text: string
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  } else {
    const body =
      bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
        ? bytes.subarray(3)
        : bytes
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    } catch {
      text = new TextDecoder('windows-1252').decode(body)
    }
  }
  if (text.trim() === '') throw notAReport('The file is empty')
  if (text.includes('\u0000') || text.includes('\uFFFD'))
    throw notAReport('This file is not text (it looks like a binary file)')
  return text
}
