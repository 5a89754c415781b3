import { RefusedExport } from './format.ts'

export type RawLine = { bytes: Buffer; number: number; isComplete: boolean }

/**
 * The lines of a byte stream without their newline, one at a time, none longer than
 * `maxBytes` (a file with no newline in it is refused, not held). `isComplete` is false
 * for a last line that has no newline: a file cut short.
 */
export async function* readLines(
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<RawLine> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let number = 0
  const tooLong = () => new RefusedExport(`line ${number + 1} is longer than ${maxBytes / 1024 / 1024} MB`)
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    let start = 0
    for (let end = buf.indexOf(10, start); end >= 0; end = buf.indexOf(10, start)) {
      if (pendingBytes + end - start > maxBytes) throw tooLong()
      const part = buf.subarray(start, end)
      const bytes = pending.length === 0 ? Buffer.from(part) : Buffer.concat([...pending, part])
      pending = []
      pendingBytes = 0
      number += 1
      yield { bytes, number, isComplete: true }
      start = end + 1
    }
    if (start < buf.length) {
      if (pendingBytes + buf.length - start > maxBytes) throw tooLong()
      pending.push(Buffer.from(buf.subarray(start)))
      pendingBytes += buf.length - start
    }
  }
  if (pendingBytes > 0) yield { bytes: Buffer.concat(pending), number: number + 1, isComplete: false }
}
