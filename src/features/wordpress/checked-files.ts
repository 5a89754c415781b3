import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sweepWaitingFiles } from '#src/lib/waiting-files.ts'
import type { Collected } from './collect.ts'

/**
 * What the first pass learned of a file (its checksum, items, authors, terms), kept between a
 * preview and the commit that follows, so that the commit does not read and check the whole file
 * again. Kept per file as it is on disk (path, size, modification time, inode); the commit's own
 * pass still compares the file's SHA-256 with the one kept, and writes nothing if it differs.
 */
const folder = () => path.join(os.tmpdir(), 'hub-wordpress-checked')

async function keyFile(file: string): Promise<string> {
  const s = await stat(file)
  const key = `${path.resolve(file)}\0${s.size}\0${Math.trunc(s.mtimeMs)}\0${s.ino}`
  return path.join(folder(), `${createHash('sha256').update(key).digest('hex')}.json`)
}

type Stored = Omit<Collected, 'terms' | 'attachments'> & {
  terms: [string, string[]][]
  attachments: [number, string][]
}

export async function rememberCheck(file: string, collected: Collected): Promise<void> {
  await mkdir(folder(), { recursive: true, mode: 0o700 })
  await sweepWaitingFiles(folder())
  const stored: Stored = {
    ...collected,
    terms: [...collected.terms].map(([k, v]) => [k, [...v]]),
    attachments: [...collected.attachments],
  }
  await writeFile(await keyFile(file), JSON.stringify(stored), { mode: 0o600 })
}

/** What an earlier pass learned of this very file, or undefined. */
export async function recallCheck(file: string): Promise<Collected | undefined> {
  try {
    const stored = JSON.parse(await readFile(await keyFile(file), 'utf8')) as Stored
    if (typeof stored.sha256 !== 'string' || !Array.isArray(stored.entries)) return undefined
    return {
      ...stored,
      terms: new Map(stored.terms.map(([k, v]) => [k, new Set(v)])),
      attachments: new Map(stored.attachments),
    }
  } catch {
    return undefined
  }
}

export async function forgetCheck(file: string): Promise<void> {
  const kept = await keyFile(file).catch(() => undefined)
  if (kept) await rm(kept, { force: true })
}
