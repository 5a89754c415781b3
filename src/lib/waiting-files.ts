import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebStream } from 'node:stream/web'

const MARKER = '.now'

/**
 * The file system's own time, read from a marker file written in `dir` just now. Files' ages are
 * measured against it rather than the process clock, which a shifted clock (HUB_TODAY, faketime
 * in CI) moves while the kernel keeps stamping files with the real time.
 */
async function fileSystemNow(dir: string): Promise<number> {
  const marker = path.join(dir, MARKER)
  await writeFile(marker, '', { mode: 0o600 })
  return (await stat(marker)).mtimeMs
}

/**
 * Removes the files of `dir` last written more than `ageMs` before `now` (ms; by default the
 * file system's time): the uploads and kept checks a closed tab or an abandoned preview left
 * behind. A missing folder holds none.
 */
export async function removeFilesOlderThan(dir: string, ageMs: number, now?: number): Promise<void> {
  const names = await readdir(dir).catch(() => undefined)
  if (!names) return
  const reference = now ?? (await fileSystemNow(dir))
  for (const name of names) {
    if (name === MARKER) continue
    const file = path.join(dir, name)
    const modified = await stat(file).then(
      (s) => s.mtimeMs,
      () => reference,
    )
    if (reference - modified > ageMs) await rm(file, { force: true })
  }
}

/**
 * How long a file may wait between two steps (an upload between its preview and its commit, an
 * extract being imported, what a preview learned of a file): a day after it was last written, the
 * next upload to its folder removes it, so a closed tab or a stopped process leaves nothing for good.
 */
export const WAITING_FILES_KEPT_MS = 24 * 60 * 60 * 1000

/** Removes the files of `dir` that waited longer than a day (see WAITING_FILES_KEPT_MS). */
export const sweepWaitingFiles = (dir: string, now?: number): Promise<void> =>
  removeFilesOlderThan(dir, WAITING_FILES_KEPT_MS, now)

/**
 * Streams a request body to a new file in `dir` (created private to the Hub's user, the file too),
 * named by a new token and `extension`, never holding it in memory; first sweeps the files that
 * waited longer than a day. A body that breaks off leaves no file. Its size is bounded by the
 * route's body limit (src/http/route-body-limits.ts), which ends the stream when it is over.
 */
export async function saveStreamedUpload(
  dir: string,
  body: WebStream<Uint8Array>,
  extension: string,
): Promise<{ token: string; file: string }> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await sweepWaitingFiles(dir)
  const token = randomUUID()
  const file = path.join(dir, `${token}.${extension}`)
  const out = createWriteStream(file, { mode: 0o600 })
  try {
    await pipeline(Readable.fromWeb(body), out)
  } catch (error) {
    // A body that breaks off at once can fail the pipeline while the file is still being opened:
    // wait until the stream has closed it, or the removal would come before the file exists.
    if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()))
    await rm(file, { force: true })
    throw error
  }
  return { token, file }
}
