/**
 * One member of a zip file on disk, streamed and inflated: the central directory is read from the
 * end of the file, then the member's bytes flow through node:zlib a chunk at a time, so a zip of
 * hundreds of megabytes is read in bounded memory.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { AppError } from './errors.ts'

export type ZipMember = {
  name: string
  method: number
  compressedSize: number
  size: number
  headerOffset: number
}

const damaged = (why: string) =>
  new AppError('BAD_INPUT', { userMessage: `The zip file cannot be read (${why}). Nothing was imported.` })

/** The members listed in a zip file's central directory. */
export async function zipMembers(file: string): Promise<ZipMember[]> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const tailLength = Math.min(size, 22 + 0xffff)
    const tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, size - tailLength)
    let end = -1
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        end = i
        break
      }
    }
    if (end < 0) throw damaged('no zip directory at its end')
    const count = tail.readUInt16LE(end + 10)
    const directorySize = tail.readUInt32LE(end + 12)
    const directoryOffset = tail.readUInt32LE(end + 16)
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size)
      throw damaged('a broken directory')
    const directory = Buffer.alloc(directorySize)
    await handle.read(directory, 0, directorySize, directoryOffset)
    const members: ZipMember[] = []
    let at = 0
    for (let n = 0; n < count; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
        throw damaged('a broken directory')
      const nameLength = directory.readUInt16LE(at + 28)
      members.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        headerOffset: directory.readUInt32LE(at + 42),
      })
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32)
    }
    return members
  } finally {
    await handle.close()
  }
}

/** The inflated bytes of one member, as a stream of chunks; `maxBytes` bounds what it may inflate to. */
export async function* zipMemberBytes(
  file: string,
  member: ZipMember,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  if (member.method !== 0 && member.method !== 8) throw damaged(`${member.name} uses an unknown compression`)
  const handle = await open(file, 'r')
  const header = Buffer.alloc(30)
  try {
    await handle.read(header, 0, 30, member.headerOffset)
  } finally {
    await handle.close()
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw damaged(`${member.name} has no local header`)
  const start = member.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (member.compressedSize === 0) return
  const raw = createReadStream(file, {
    start,
    end: start + member.compressedSize - 1,
    highWaterMark: 256 * 1024,
  })
  const chunks = member.method === 0 ? raw : raw.pipe(createInflateRaw())
  let total = 0
  try {
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > maxBytes)
        throw damaged(`${member.name} unpacks to more than ${Math.round(maxBytes / 2 ** 20)} MB`)
      yield chunk
    }
  } catch (error) {
    raw.destroy()
    throw error instanceof AppError ? error : damaged(`${member.name} does not inflate`)
  }
}
