import { existsSync } from 'node:fs'
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sweepLeftOverExtracts } from './upload-store.ts'

describe('extracts left behind by a stopped import', () => {
  it('removes one older than a day and keeps one being imported now', async () => {
    // A folder of its own: the uploads of tests running beside this one are not touched.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-grants-sweep-test-'))
    try {
      const now = Date.parse('2026-12-07T12:00:00Z')
      const leftOver = path.join(dir, 'left-over.zip')
      const current = path.join(dir, 'current.xml')
      for (const [file, at] of [
        [leftOver, now - 25 * 60 * 60 * 1000],
        [current, now - 10 * 60 * 1000],
      ] as const) {
        await writeFile(file, '<Grants/>')
        await utimes(file, at / 1000, at / 1000)
      }
      await sweepLeftOverExtracts(now, dir)
      expect(existsSync(leftOver)).toBe(false)
      expect(existsSync(current)).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
