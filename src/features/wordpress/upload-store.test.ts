import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sweepAbandoned } from './upload-store.ts'

describe('the waiting uploads', () => {
  it('removes an upload left waiting more than a day, and keeps a recent one', async () => {
    // A folder of its own: the uploads of tests running beside this one are not touched.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-sweep-test-'))
    try {
      const now = Date.parse('2026-12-07T12:00:00Z')
      const old = path.join(dir, 'old.xml')
      const recent = path.join(dir, 'recent.xml')
      for (const [file, at] of [
        [old, now - 25 * 60 * 60 * 1000],
        [recent, now - 60 * 60 * 1000],
      ] as const) {
        await writeFile(file, '<rss/>')
        await utimes(file, at / 1000, at / 1000)
      }
      await sweepAbandoned(now, dir)
      expect(existsSync(old)).toBe(false)
      expect(existsSync(recent)).toBe(true)
      await sweepAbandoned(now + 2 * 24 * 60 * 60 * 1000, dir)
      expect(existsSync(recent)).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('measures age by the file system, so a process whose clock runs ahead keeps fresh uploads', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-sweep-test-'))
    try {
      const fresh = path.join(dir, 'fresh.xml')
      const old = path.join(dir, 'old.xml')
      await writeFile(fresh, '<rss/>')
      await writeFile(old, '<rss/>')
      // Two days before the fresh file was written, by the file system's own stamps.
      const freshAt = (await stat(fresh)).mtimeMs
      const oldAt = freshAt - 2 * 24 * 60 * 60 * 1000
      await utimes(old, oldAt / 1000, oldAt / 1000)
      await sweepAbandoned(undefined, dir)
      expect(existsSync(fresh)).toBe(true)
      expect(existsSync(old)).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
