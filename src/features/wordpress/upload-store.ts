import { readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ReadableStream as WebStream } from 'node:stream/web'
import { isUuid } from '#src/lib/ids.ts'
import { saveStreamedUpload } from '#src/lib/waiting-files.ts'
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

/** Streams a request body to a new file (an upload waits a day at most); returns its token. */
export const saveUpload = async (body: WebStream<Uint8Array>): Promise<string> =>
  (await saveStreamedUpload(folder(), body, 'xml')).token

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
