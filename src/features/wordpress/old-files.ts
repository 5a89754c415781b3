import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/**
 * Removes the files of `dir` last written more than `ageMs` before `now` (ms): the uploads and
 * kept checks a closed tab or an abandoned preview left behind. A missing folder holds none.
 */
export async function removeFilesOlderThan(dir: string, ageMs: number, now: number): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const file = path.join(dir, name)
    const modified = await stat(file).then(
      (s) => s.mtimeMs,
      () => now,
    )
    if (now - modified > ageMs) await rm(file, { force: true })
  }
}
