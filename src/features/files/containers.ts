/**
 * Reading the table of contents of the two containers Office files come in, without
 * extracting anything: the entry names of a zip (Office Open XML: docx, xlsx, pptx) and the
 * root stream names of an OLE compound file (doc, xls, ppt). Both return undefined for
 * anything truncated or malformed, and both stop after a bounded number of steps.
 */

const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const ZIP_END = 0x06054b50
const ZIP_CENTRAL = 0x02014b50
/** More entries than any document of 20 MB needs; a zip claiming more is not read. */
const MAX_ZIP_ENTRIES = 20_000

/**
 * The names in a zip's central directory, found from the end-of-central-directory record.
 * Zip64 archives (over 4 GB or 65,535 entries) are not documents we take: undefined.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const buf = view(bytes)
  if (buf.length < 22) return undefined
  // The record is 22 bytes plus a comment of at most 65,535: search backwards from the end.
  let end = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === ZIP_END) {
      end = i
      break
    }
  }
  if (end < 0) return undefined
  const count = buf.readUInt16LE(end + 10)
  const size = buf.readUInt32LE(end + 12)
  const offset = buf.readUInt32LE(end + 16)
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ZIP_ENTRIES) return undefined
  if (offset + size > end) return undefined
  const names: string[] = []
  let at = offset
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== ZIP_CENTRAL) return undefined
    const nameLength = buf.readUInt16LE(at + 28)
    const extraLength = buf.readUInt16LE(at + 30)
    const commentLength = buf.readUInt16LE(at + 32)
    if (at + 46 + nameLength > end) return undefined
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}

const NO_STREAM = 0xffffffff
/** Sector numbers from here up are markers (end of chain, free, FAT or DIFAT sector). */
const LAST_REGULAR_SECTOR = 0xfffffff9
const MAX_DIRECTORY_SECTORS = 10_000

type DirectoryEntry = { name: string; left: number; right: number; child: number }

/**
 * The names directly under the root storage of an OLE compound file (MS-CFB): its FAT is
 * located from the header and the DIFAT chain, the directory chain followed through it, and
 * the root's children walked (a red-black tree of siblings).
 */
export function cfbRootNames(bytes: Uint8Array): Set<string> | undefined {
  const buf = view(bytes)
  if (buf.length < 512) return undefined
  const sectorShift = buf.readUInt16LE(0x1e)
  if (sectorShift !== 9 && sectorShift !== 12) return undefined
  const sectorSize = 1 << sectorShift
  const sectorAt = (sector: number) => {
    const start = (sector + 1) * sectorSize
    return start + sectorSize <= buf.length ? start : undefined
  }

  const fatSectorCount = buf.readUInt32LE(0x2c)
  const fatSectors: number[] = []
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++)
    fatSectors.push(buf.readUInt32LE(0x4c + i * 4))
  let difat = buf.readUInt32LE(0x44)
  for (let steps = 0; fatSectors.length < fatSectorCount; steps++) {
    const start = difat <= LAST_REGULAR_SECTOR ? sectorAt(difat) : undefined
    if (start === undefined || steps > MAX_DIRECTORY_SECTORS) return undefined
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatSectorCount; i++)
      fatSectors.push(buf.readUInt32LE(start + i * 4))
    difat = buf.readUInt32LE(start + sectorSize - 4)
  }
  const perFatSector = sectorSize / 4
  const nextSector = (sector: number): number | undefined => {
    const fatSector = fatSectors[Math.floor(sector / perFatSector)]
    const start = fatSector === undefined ? undefined : sectorAt(fatSector)
    return start === undefined ? undefined : buf.readUInt32LE(start + (sector % perFatSector) * 4)
  }

  const entries: DirectoryEntry[] = []
  const visited = new Set<number>()
  for (let sector = buf.readUInt32LE(0x30); sector <= LAST_REGULAR_SECTOR; ) {
    const start = sectorAt(sector)
    if (start === undefined || visited.has(sector) || visited.size >= MAX_DIRECTORY_SECTORS) return undefined
    visited.add(sector)
    for (let at = start; at < start + sectorSize; at += 128) {
      const nameBytes = buf.readUInt16LE(at + 0x40)
      const name = nameBytes >= 2 && nameBytes <= 64 ? buf.toString('utf16le', at, at + nameBytes - 2) : ''
      entries.push({
        name,
        left: buf.readUInt32LE(at + 0x44),
        right: buf.readUInt32LE(at + 0x48),
        child: buf.readUInt32LE(at + 0x4c),
      })
    }
    const next = nextSector(sector)
    if (next === undefined) return undefined
    sector = next
  }

  const root = entries[0]
  if (!root) return undefined
  const names = new Set<string>()
  const seen = new Set<number>()
  const stack = [root.child]
  while (stack.length > 0) {
    const index = stack.pop() as number
    if (index === NO_STREAM || index >= entries.length || seen.has(index)) continue
    seen.add(index)
    const entry = entries[index] as DirectoryEntry
    names.add(entry.name)
    stack.push(entry.left, entry.right)
  }
  return names
}
