import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { type RunningHub, startHub } from '../../src/server.ts'
import { createOrganization } from '../support/factories.ts'
import { testClock } from '../support/fixtures.ts'
import { eventually } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** The visitors' fast path (src/http/ready-answers.ts) on a real server: same bytes, never stale, never to someone signed in. */
describe(`a visitor's page sent again by the server on ${testEngine}`, () => {
  let database: TestDatabase
  let hub: RunningHub
  let dataDir: string
  let slug: string

  beforeAll(async () => {
    database = await createTestDatabase()
    const org = await createOrganization(database.db, {
      name: 'Fast Path Manufacturing Community',
      admittedOn: '2024-01-08',
    })
    slug = org.slug
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hub-ready-'))
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
    })
    hub = await startHub(config, { database, clock: testClock() })
  }, 120_000)

  afterAll(async () => {
    await hub?.close()
    await database?.drop()
    await rm(dataDir, { recursive: true, force: true })
  })

  const get = (headers: Record<string, string> = {}) => fetch(`${hub.url}/organizations/${slug}`, { headers })

  it('sends the very answer the app gave, headers included, and a 304 to a browser that has it', async () => {
    const first = await get()
    expect(first.status).toBe(200)
    const firstBody = await first.text()
    const again = await get()
    expect(again.headers.get('x-cache')).toBe('ready')
    expect(await again.text()).toBe(firstBody)
    for (const name of [
      'content-type',
      'etag',
      'content-security-policy',
      'x-content-type-options',
      'cache-control',
    ])
      expect(again.headers.get(name), name).toBe(first.headers.get(name))
    const etag = again.headers.get('etag') ?? ''
    expect((await get({ 'If-None-Match': etag })).status).toBe(304)
  })

  it('never serves what changed since, nor to a request with a cookie or a token', async () => {
    await get()
    await database.db
      .update(organizations)
      .set({ name: 'Renamed Manufacturing Community' })
      .where(eq(organizations.slug, slug))
    await eventually(
      async () => (await (await get()).text()).includes('Renamed Manufacturing Community'),
      10_000,
    )
    const withCookie = await get({ Cookie: 'hub.session_token=not-a-session' })
    expect(withCookie.headers.get('x-cache')).toBe('hit')
    const withToken = await get({ Authorization: 'Bearer not-a-token' })
    expect(withToken.headers.get('x-cache')).not.toBe('ready')
  })
})
