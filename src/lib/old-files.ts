import { readdir, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

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
