import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ReadableStream } from 'node:stream/web'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveStreamedUpload, sweepWaitingFiles, WAITING_FILES_KEPT_MS } from './waiting-files.ts'

const HOUR = 60 * 60 * 1000

const bodyOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
      controller.close()
    },
  })

describe('files waiting between two steps', () => {
  // A folder of each test's own: the uploads of tests running beside these are not touched.
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-waiting-test-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('are kept a day', () => {
    expect(WAITING_FILES_KEPT_MS).toBe(24 * HOUR)
  })

  it('removes a file that waited more than a day, and keeps a recent one until its day is over', async () => {
    const now = Date.parse('2026-12-07T12:00:00Z')
    const old = path.join(dir, 'old.xml')
    const recent = path.join(dir, 'recent.zip')
    for (const [file, at] of [
      [old, now - 25 * HOUR],
      [recent, now - HOUR],
    ] as const) {
      await writeFile(file, '<rss/>')
      await utimes(file, at / 1000, at / 1000)
    }
    await sweepWaitingFiles(dir, now)
    expect(existsSync(old)).toBe(false)
    expect(existsSync(recent)).toBe(true)
    await sweepWaitingFiles(dir, now + 2 * 24 * HOUR)
    expect(existsSync(recent)).toBe(false)
  })

  it('measures age by the file system, so a process whose clock runs ahead keeps fresh files', async () => {
    const fresh = path.join(dir, 'fresh.xml')
    const old = path.join(dir, 'old.xml')
    await writeFile(fresh, '<rss/>')
    await writeFile(old, '<rss/>')
    // Two days before the fresh file was written, by the file system's own stamps.
    const oldAt = (await stat(fresh)).mtimeMs - 2 * 24 * HOUR
    await utimes(old, oldAt / 1000, oldAt / 1000)
    await sweepWaitingFiles(dir)
    expect(existsSync(fresh)).toBe(true)
    expect(existsSync(old)).toBe(false)
  })

  it('streams an upload to a private file named by its token, sweeping the stale ones first', async () => {
    const folder = path.join(dir, 'uploads')
    const first = await saveStreamedUpload(folder, bodyOf('<rss>', '</rss>'), 'xml')
    expect(first.file).toBe(path.join(folder, `${first.token}.xml`))
    expect(await readFile(first.file, 'utf8')).toBe('<rss></rss>')
    expect((await stat(first.file)).mode & 0o777).toBe(0o600)
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    // Three days old by the file system's own stamps (a process's clock may be shifted).
    const stale = ((await stat(first.file)).mtimeMs - 3 * 24 * HOUR) / 1000
    await utimes(first.file, stale, stale)
    const second = await saveStreamedUpload(folder, bodyOf('PK'), 'zip')
    expect(second.token).not.toBe(first.token)
    expect((await readdir(folder)).filter((name) => name !== '.now')).toEqual([`${second.token}.zip`])
  })

  it('leaves no file behind when the body breaks off, however early', async () => {
    // Breaking off at once races the file's opening: many tries, so that a lost race shows.
    for (let i = 0; i < 50; i++) {
      const broken = new ReadableStream<Uint8Array>({
        start(controller) {
          if (i % 2 === 0) controller.enqueue(new TextEncoder().encode('<rss>'))
          controller.error(new Error('the connection was reset'))
        },
      })
      await expect(saveStreamedUpload(dir, broken, 'xml')).rejects.toThrow('the connection was reset')
      expect((await readdir(dir)).filter((name) => name !== '.now')).toEqual([])
    }
  })
})
