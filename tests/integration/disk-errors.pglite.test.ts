import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer } from '#src/lib/mailer.ts'
import { classifyFailure } from '../../src/db/failures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestApp } from '../support/test-app.ts'
import { createTestDatabase } from '../support/test-database.ts'

/** Mounts a tmpfs at `dir` (root on Linux only); false when this machine does not allow it. */
function tryMount(dir: string, options: string): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' })
  } catch {
    // Not mounted.
  }
}

/** One line on stderr, naming the cause: no stack, no "[object Object]". */
function expectOneLine(stderr: string, expected: string) {
  const lines = stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(expected)
  expect(stderr).not.toContain('[object Object]')
  expect(stderr).not.toContain('unexpected error')
}

// The data folder is PGlite's: these run once, in the PGlite project.
describe('a data folder that cannot be written', () => {
  let dir: string
  const mounts: string[] = []
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-disk-'))
  })
  afterAll(async () => {
    for (const mount of mounts) unmount(mount)
    await rm(dir, { recursive: true, force: true })
  })

  it('names the folder when DATA_DIR lies below a regular file, for serve, migrate and demo', async () => {
    const file = path.join(dir, 'not-a-folder')
    await writeFile(file, 'x')
    const dataDir = path.join(file, 'data')
    for (const command of ['serve', 'migrate', 'demo']) {
      const run = await runHub([command], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' })
      expect(run.code).toBe(1)
      expectOneLine(
        run.stderr,
        `hub: the data folder ${dataDir} cannot be created: part of its path is a file`,
      )
    }
  }, 120_000)

  it('says the data folder is read-only when DATA_DIR is on a read-only disk', async (context) => {
    const readOnly = path.join(dir, 'read-only')
    await mkdir(readOnly)
    if (!tryMount(readOnly, 'ro,size=1m'))
      context.skip('cannot mount a read-only tmpfs here (needs root on Linux)')
    mounts.push(readOnly)
    const dataDir = path.join(readOnly, 'data')
    const run = await runHub(['serve'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' })
    expect(run.code).toBe(1)
    expectOneLine(run.stderr, `hub: the data folder ${dataDir} is read-only (EROFS`)
  }, 120_000)

  it('says the disk is full, and leaves no half-built data folder behind', async (context) => {
    const small = path.join(dir, 'small')
    await mkdir(small)
    // Too small for a PGlite database: the first start fails part-way through creating it.
    if (!tryMount(small, 'size=3m')) context.skip('cannot mount a small tmpfs here (needs root on Linux)')
    mounts.push(small)
    const dataDir = path.join(small, 'data')
    const run = await runHub(['demo'], { DATA_DIR: dataDir })
    expect(run.code).toBe(1)
    expectOneLine(run.stderr, `hub: the data folder ${dataDir} is full (ENOSPC`)
    expect(existsSync(dataDir)).toBe(false)
  }, 120_000)

  it('answers 507 "cannot save" when PGlite throws its bare errno object at run time, not a bare 500', async () => {
    const database = await createTestDatabase()
    const hub = await createTestApp(database)
    try {
      // What PGlite's file system throws when the disk fills under a write.
      hub.app.get('/disk-full-probe', () => {
        throw { name: 'ErrnoError', errno: 51 }
      })
      hub.app.get('/api/v1/disk-full-probe', () => {
        throw { name: 'ErrnoError', errno: 69 }
      })
      const page = await hub.app.request('/disk-full-probe')
      expect(page.status).toBe(507)
      expect(await page.text()).toContain('its disk is full or read-only')
      const api = await hub.app.request('/api/v1/disk-full-probe')
      expect(api.status).toBe(507)
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe('STORAGE_UNAVAILABLE')
    } finally {
      await hub.stop()
      await database.drop()
    }
  })

  it('names the outbox folder when an email cannot be written there at run time', async () => {
    const file = path.join(dir, 'outbox-is-a-file')
    await writeFile(file, 'x')
    const mailer = createMailer({ outboxDir: path.join(file, 'outbox'), from: 'Hub <hub@example.org>' })
    const error = await mailer.send({ to: 'a@example.org', subject: 'Hello', text: 'Hi' }).catch((e) => e)
    const failure = classifyFailure(error, { folder: path.join(dir, 'pglite') })
    expect(failure?.code).toBe('STORAGE_UNAVAILABLE')
    expect(failure?.status).toBe(507)
    expect(failure?.userMessage).toContain(`the data folder ${file}`)
  })
})
