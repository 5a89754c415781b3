import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebStream } from 'node:stream/web'
import { isUuid } from '#src/lib/ids.ts'
import { removeFilesOlderThan } from '#src/lib/old-files.ts'
import type { PreviewRow } from './apply-import.ts'
import { forgetCheck } from './checked-files.ts'
import type { ImportSummary } from './import-summary.ts'

/**
 * Uploaded exports wait here between the preview and the commit: the file as it came (streamed
 * to disk, never held in memory) and its preview. A commit or a discard removes both.
 */
const folder = () => path.join(os.tmpdir(), 'hub-wordpress-uploads')

export type StoredPreview = { fileName: string; summary: ImportSummary; firstRows: PreviewRow[] }

export const uploadFile = (token: string) => path.join(folder(), `${token}.xml`)
const previewFile = (token: string) => path.join(folder(), `${token}.json`)

/** An upload neither committed nor discarded (the tab closed) is removed a day later. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000

/** Removes the files of uploads left waiting longer than a day (up to 256 MB each) in `dir`. */
export const sweepAbandoned = (now?: number, dir = folder()): Promise<void> =>
  removeFilesOlderThan(dir, ABANDONED_AFTER_MS, now)

/** Streams a request body to a new file; returns its token. */
export async function saveUpload(body: WebStream<Uint8Array>): Promise<string> {
  await mkdir(folder(), { recursive: true, mode: 0o700 })
  await sweepAbandoned()
  const token = randomUUID()
  try {
    await pipeline(Readable.fromWeb(body), createWriteStream(uploadFile(token), { mode: 0o600 }))
  } catch (error) {
    await discardUpload(token)
    throw error
  }
  return token
}

export async function savePreview(token: string, preview: StoredPreview): Promise<void> {
  await writeFile(previewFile(token), JSON.stringify(preview), { mode: 0o600 })
}

/** The preview of an upload still waiting, or undefined (committed, discarded, or never made). */
export async function readPreview(token: string): Promise<StoredPreview | undefined> {
  if (!isUuid(token)) return undefined
  try {
    return JSON.parse(await readFile(previewFile(token), 'utf8')) as StoredPreview
  } catch {
    return undefined
  }
}

export async function discardUpload(token: string): Promise<void> {
  if (!isUuid(token)) return
  await forgetCheck(uploadFile(token))
  await rm(uploadFile(token), { force: true })
  await rm(previewFile(token), { force: true })
}
