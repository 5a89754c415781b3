import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ReadableStream as WebStream } from 'node:stream/web'
import { saveStreamedUpload } from '#src/lib/waiting-files.ts'

/*
 * An uploaded extract waits here only while it is imported (streamed to disk, never held in
 * memory), then is removed. One left behind by a process that stopped mid-import (up to 512 MB)
 * is removed by the next upload once it is a day old.
 */
const folder = () => path.join(os.tmpdir(), 'hub-grants-uploads')

/** Streams a request body to a new file (.zip or .xml, as the upload says); returns its path. */
export async function saveExtractUpload(body: WebStream<Uint8Array>, isZip: boolean): Promise<string> {
  return (await saveStreamedUpload(folder(), body, isZip ? 'zip' : 'xml')).file
}

export const removeExtractUpload = (file: string): Promise<void> => rm(file, { force: true })
