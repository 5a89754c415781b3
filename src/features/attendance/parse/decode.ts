import { encodingOf } from '#src/lib/text-encoding.ts'
import { notAReport } from './errors.ts'

/** Bytes as they arrive: a file read in chunks, or one upload cut into pieces. */
export type ByteChunks = AsyncIterable<Uint8Array> | Iterable<Uint8Array>

/** Raised when bytes without a byte-order mark turn out not to be UTF-8: read again as Windows-1252. */
export class NotUtf8 extends Error {}

const notText = () => notAReport('This file is not text (it looks like a binary file)')

/**
 * Turns the bytes of an uploaded report into text, chunk by chunk (a chunk may end
 * inside a character): the byte-order mark decides (FF FE UTF-16 LE, FE FF UTF-16 BE,
 * EF BB BF UTF-8); without one, UTF-8, and when that fails (NotUtf8 is thrown) the
 * caller starts again with `windows1252` for old exports that are not valid UTF-8.
 * The BOM is dropped and line ends are left as they are (the CSV reader accepts CRLF,
 * LF and CR). Empty input and binary input (NUL characters) are refused.
 */
export class ReportDecoder {
  #decoder: TextDecoder | undefined
  #head: Uint8Array = new Uint8Array(0)
  #sawText = false
  #sawReplacement = false

  constructor(private readonly windows1252 = false) {}

  /** The encoding the text turned out to be in; known after the first bytes. */
  get encoding(): string | undefined {
    return this.#decoder?.encoding
  }

  /** The text of the next chunk (possibly empty while a character or the BOM is incomplete). */
  write(chunk: Uint8Array): string {
    let bytes = chunk
    if (!this.#decoder) {
      // The mark is up to three bytes: wait for them unless the file is shorter.
      this.#head = concat(this.#head, chunk)
      if (this.#head.length < 3) return ''
      bytes = this.#start(this.#head)
    }
    return this.#check(this.#decode(bytes, true))
  }

  /** The rest of the text; refuses a file that was empty or not text. */
  end(): string {
    const last = this.#decoder ? new Uint8Array(0) : this.#start(this.#head)
    const text = this.#check(this.#decode(last, false))
    if (!this.#sawText) throw notAReport('The file is empty')
    if (this.#sawReplacement) throw notText()
    return text
  }

  #start(head: Uint8Array): Uint8Array {
    const { encoding, skip } = encodingOf(head, this.windows1252)
    this.#decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' })
    return head.subarray(skip)
  }

  #decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return (this.#decoder as TextDecoder).decode(bytes, { stream })
    } catch {
      throw new NotUtf8('not UTF-8')
    }
  }

  #check(text: string): string {
    if (text.includes('\u0000')) throw notText()
    // Decided at the end: in UTF-8 it may yet turn out to be Windows-1252 text.
    if (text.includes('\uFFFD')) this.#sawReplacement = true
    if (!this.#sawText && text.trim() !== '') this.#sawText = true
    return text
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

/** The text of chunks, decoded as they come (see ReportDecoder). */
export async function* decodeChunks(chunks: ByteChunks, windows1252 = false): AsyncGenerator<string> {
  const decoder = new ReportDecoder(windows1252)
  for await (const chunk of chunks) {
    const text = decoder.write(chunk)
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

/** Bytes in memory as chunks of 64 KiB, so that no step holds a second copy of the whole file. */
export function* chunksOf(bytes: Uint8Array, size = 64 * 1024): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size)
}

/** The whole text of a report in memory (see ReportDecoder). */
export function decodeReport(bytes: Uint8Array): string {
  const read = (windows1252: boolean) => {
    const decoder = new ReportDecoder(windows1252)
    return decoder.write(bytes) + decoder.end()
  }
  try {
    return read(false)
  } catch (error) {
    if (error instanceof NotUtf8) return read(true)
    throw error
  }
}
