import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { adminQuery, requireServerUrl } from '../support/global-setup.ts'
import { createTestApp, eventually, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

// A hang makes these fail: each request must be answered well within this.
const ANSWER_WITHIN_MS = 15_000

async function expectUnavailable(app: TestApp['app']) {
  const page = await app.request('/')
  expect(page.status).toBe(503)
  expect(Number(page.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(page.headers.get('Content-Type')).toContain('text/html')
  expect(await page.text()).toContain('cannot reach its database')

  const api = await app.request('/api/v1/organizations')
  expect(api.status).toBe(503)
  expect(Number(api.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE')

  const health = await app.request('/healthz')
  expect(health.status).toBe(503)
  expect(await health.json()).toMatchObject({
    status: 'database-unreachable',
    database: { reachable: false },
  })
}

describe('a Hub whose PostgreSQL server cannot be reached', () => {
  it(
    'answers 503 with a retry hint when nothing listens at the server address',
    async () => {
      // Port 1 on loopback: nothing listens there, so every connection is refused at once.
      const database = await openDatabase({
        kind: 'postgres',
        url: 'postgres://postgres@127.0.0.1:1/x',
        isLazy: true,
      })
      const hub = await createTestApp(database)
      try {
        await expectUnavailable(hub.app)
      } finally {
        await hub.stop()
        await database.close()
      }
    },
    ANSWER_WITHIN_MS,
  )

  describe('when the server accepts connections but never answers', () => {
    let silent: Server
    const sockets = new Set<Socket>()
    let database: Database
    beforeAll(async () => {
      silent = createServer((socket) => {
        sockets.add(socket)
      })
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
      const port = (silent.address() as { port: number }).port
      database = await openDatabase({
        kind: 'postgres',
        url: `postgres://postgres@127.0.0.1:${port}/x`,
        isLazy: true,
      })
    })
    afterAll(async () => {
      await database.close().catch(() => {})
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => silent.close(() => resolve()))
    })

    it('gives up on connecting within seconds and answers 503 instead of waiting for ever', async () => {
      const hub = await createTestApp(database)
      try {
        await expectUnavailable(hub.app)
      } finally {
        await hub.stop()
      }
    }, 30_000) // Three requests, each waiting for the connect timeout (5 s), plus the watcher's first try.
  })

  describe('when its database disappears while it runs', () => {
    let database: TestDatabase
    let hub: TestApp
    beforeAll(async () => {
      database = await createTestDatabase()
      hub = await createTestApp(database)
    })
    afterAll(async () => {
      await hub.stop()
      await database.drop()
    })

    it(
      'says unreachable on /healthz and 503 on pages, not "migrations pending" or 500',
      async () => {
        expect((await hub.app.request('/healthz')).status).toBe(200)
        expect((await hub.app.request('/')).status).toBe(200)
        const name = new URL(database.url ?? '').pathname.slice(1)
        const admin = requireServerUrl()
        // Cut every connection of the Hub, then remove the database so none can be made again.
        await adminQuery(admin, `DROP DATABASE ${name} WITH (FORCE)`)
        // The cached home page stops being served as soon as the listener is known to be lost.
        await eventually(() => hub.watcher.current() === undefined)
        await expectUnavailable(hub.app)
      },
      ANSWER_WITHIN_MS,
    )
  })
})
