import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { openConfiguredDatabase } from '../../src/db/open-configured.ts'
import { queryRows } from '../../src/db/sql.ts'
import { startHub } from '../../src/server.ts'

// The embedded engine only: PostgreSQL's buffers are the server's own setting.
describe("PGlite's buffer pool", () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-buffers-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const sharedBuffers = async (bufferPool?: 'serving' | 'small') => {
    const database = await openConfiguredDatabase(loadConfig({ DATA_DIR: dir }), { bufferPool })
    try {
      const [row] = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`)
      return row?.shared_buffers
    } finally {
      await database.close()
    }
  }

  it('is small for a command, so that a long import stays within its memory', async () => {
    expect(await sharedBuffers()).toBe('16MB')
  })

  it("is PGlite's default for a Hub that serves pages, so that searches read from memory", async () => {
    expect(await sharedBuffers('serving')).toBe('128MB')
  })

  it('is the serving one when the Hub opens its own data folder', async () => {
    // Production mode, so that the empty folder is served as it is (no demo network to load).
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      AUTH_SECRET: 'a-test-secret-of-at-least-32-characters',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(dir, 'served'),
    })
    const hub = await startHub(config, { reminders: 'off', grantsFetch: 'off' })
    try {
      const [row] = await queryRows<{ shared_buffers: string }>(hub.database.db, sql`show shared_buffers`)
      expect(row?.shared_buffers).toBe('128MB')
    } finally {
      await hub.close()
    }
  }, 60_000)
})
