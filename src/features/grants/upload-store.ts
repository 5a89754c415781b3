import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebStream } from 'node:stream/web'
import { removeFilesOlderThan } from '#src/lib/old-files.ts'

/*
 * An uploaded extract waits here only while it is imported (streamed to disk, never held in
 * memory), then is removed. One left behind by a process that stopped mid-import (up to 512 MB)
 * is removed by the next upload once it is a day old.
 */
const folder = () => path.join(os.tmpdir(), 'hub-grants-uploads')

const LEFT_OVER_AFTER_MS = 24 * 60 * 60 * 1000

/** Removes extracts left in `dir` for more than a day (ages by the file system's clock). */
export const sweepLeftOverExtracts = (now?: number, dir = folder()): Promise<void> =>
  removeFilesOlderThan(dir, LEFT_OVER_AFTER_MS, now)

/** Streams a request body to a new file (.zip or .xml, as the upload says); returns its path. */
export async function saveExtractUpload(body: WebStream<Uint8Array>, isZip: boolean): Promise<string> {
  await mkdir(folder(), { recursive: true, mode: 0o700 })
  await sweepLeftOverExtracts()
  const file = path.join(folder(), `${randomUUID()}.${isZip ? 'zip' : 'xml'}`)
  try {
    await pipeline(Readable.fromWeb(body), createWriteStream(file, { mode: 0o600 }))
  } catch (error) {
    await rm(file, { force: true })
    throw error
  }
  return file
}

export const removeExtractUpload = (file: string): Promise<void> => rm(file, { force: true })
