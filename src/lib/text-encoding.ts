/**
 * How the bytes of an uploaded text file are to be read, from their first bytes: the byte-order
 * mark decides (FF FE UTF-16 LE, FE FF UTF-16 BE, EF BB BF UTF-8) and is skipped; without one,
 * UTF-8, or Windows-1252 when the caller found the bytes are not UTF-8 and reads them again.
 */
export function encodingOf(head: Uint8Array, windows1252: boolean): { encoding: string; skip: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  return { encoding: windows1252 ? 'windows-1252' : 'utf-8', skip: 0 }
}
