import { WxrFormatError } from './wxr-types.ts'

/** A chunk's text; `valid` is false when bytes not in the file's encoding follow that text. */
export type Decoded = { text: string; valid: boolean }

/**
 * XML 1.0 refuses these; real exports carry them in titles and bodies. Each becomes U+FDD0 (a
 * noncharacter, meant for a program's internal use) before parsing, so that the parser's columns
 * stay those of the file, and is dropped from the text read.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters are the point
const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
export const PLACEHOLDER = '\uFDD0'

const EMPTY = new Uint8Array(0)
const AGAIN = 'export it again from WordPress, which writes UTF-8'

/**
 * Decodes a WXR file chunk by chunk in its encoding: UTF-16 when it starts with a byte-order mark
 * (or `<` and a zero byte), else the one its XML declaration names, else UTF-8. WordPress writes
 * UTF-8; older exports and edited files may say ISO-8859-1 or windows-1252 (read as windows-1252,
 * as browsers do). Bytes that are not valid in the encoding refuse the file rather than becoming
 * U+FFFD: the decoder is fatal, and on an error it finds the first bad byte of the chunk so that
 * the reader can say where it is. Memory stays one chunk, plus the unfinished character at its end.
 */
export class WxrDecoder {
  private decoder: TextDecoder | undefined
  /** The bytes at the end of the last chunk that begin a character the next chunk finishes. */
  private tail: Uint8Array = EMPTY

  /** Whether any character XML refuses was met (and replaced with PLACEHOLDER). */
  placeholders = false

  /** The encoding's name, for messages: 'UTF-8', 'UTF-16LE', 'WINDOWS-1252'. */
  get encoding(): string {
    return (this.decoder?.encoding ?? 'utf-8').toUpperCase()
  }

  decode(chunk: Uint8Array): Decoded {
    this.decoder ??= decoderFor(chunk)
    const { decoder, tail } = this
    this.tail = unfinishedTail(decoder.encoding, chunk)
    try {
      return this.forParser({ text: decoder.decode(chunk, { stream: true }), valid: true })
    } catch {
      return this.forParser(textBeforeBadBytes(decoder.encoding, concat(tail, chunk)))
    }
  }

  /** The end of the file: an unfinished last character is a bad byte too. */
  end(): Decoded {
    try {
      return this.forParser({ text: this.decoder?.decode() ?? '', valid: true })
    } catch {
      return { text: '', valid: false }
    }
  }

  private forParser(decoded: Decoded): Decoded {
    const text = decoded.text.replace(DISALLOWED, PLACEHOLDER)
    if (!this.placeholders && text !== decoded.text) this.placeholders = true
    return { text, valid: decoded.valid }
  }
}

function decoderFor(head: Uint8Array): TextDecoder {
  const [a, b] = head
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0))
    return new TextDecoder('utf-16le', { fatal: true })
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c))
    return new TextDecoder('utf-16be', { fatal: true })
  const start = new TextDecoder('latin1').decode(head.subarray(0, 256))
  const label = /^(?:\uFEFF|ï»¿)?<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(start)?.[1] ?? 'utf-8'
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label, { fatal: true })
  } catch {
    throw new WxrFormatError(
      `The file says its encoding is "${label}", which the import cannot read: ${AGAIN}.`,
    )
  }
  // A file whose first bytes read as ASCII is not UTF-16, whatever its declaration says.
  if (decoder.encoding.startsWith('utf-16') || decoder.encoding === 'replacement')
    throw new WxrFormatError(
      `The file says its encoding is "${label}" but its bytes are not in that encoding: ${AGAIN}.`,
    )
  return decoder
}

function unfinishedTail(encoding: string, chunk: Uint8Array): Uint8Array {
  if (encoding === 'utf-8') return utf8Tail(chunk)
  if (!encoding.startsWith('utf-16')) return EMPTY
  const odd = chunk.length % 2
  const high = encoding === 'utf-16le' ? chunk[chunk.length - odd - 1] : chunk[chunk.length - odd - 2]
  const surrogate = chunk.length - odd >= 2 && high !== undefined && high >= 0xd8 && high <= 0xdb
  return chunk.slice(chunk.length - odd - (surrogate ? 2 : 0))
}

/** UTF-8: a lead byte in the last three whose character needs more bytes than the chunk has. */
function utf8Tail(chunk: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back] as number
    if ((byte & 0xc0) === 0x80) continue
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
    return size > back ? chunk.slice(chunk.length - back) : EMPTY
  }
  return EMPTY
}

/**
 * Only when a chunk holds bad bytes: the shortest start of it that a fresh decoder refuses ends
 * with the first bad byte (found by halving); the text before the character it belongs to is
 * what the reader still gives the parser, whose position is then the bad character's.
 */
function textBeforeBadBytes(encoding: string, bytes: Uint8Array): Decoded {
  const refuses = (length: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true })
      return false
    } catch {
      return true
    }
  }
  let [low, high] = [0, bytes.length]
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (refuses(middle)) high = middle
    else low = middle + 1
  }
  const text = new TextDecoder(encoding).decode(bytes.subarray(0, Math.max(0, low - 1)), { stream: true })
  return { text, valid: false }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}
