import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminQuery, requireServerUrl } from '../support/global-setup.ts'
import { startHubProcess } from '../support/run-hub.ts'
import { createTestApp, eventually, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts'

const databaseName = (database: TestDatabase) => new URL(database.url ?? '').pathname.slice(1)

/** The backend of the Hub's LISTEN connection on `name`, if there is one now. */
async function listenerPid(admin: pg.Client, name: string): Promise<number | undefined> {
  const result = await admin.query<{ pid: number }>(
    `select pid from pg_stat_activity where datname = $1 and query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
    [name],
  )
  return result.rows[0]?.pid
}

describe('the content listener on a PostgreSQL server', () => {
  let database: TestDatabase
  let hub: TestApp
  let admin: pg.Client
  beforeAll(async () => {
    database = await createTestDatabase()
    hub = await createTestApp(database)
    admin = new pg.Client({ connectionString: requireServerUrl() })
    await admin.connect()
  })
  afterAll(async () => {
    await admin.end()
    await hub.stop()
    await database.drop()
  })

  it('comes back after its connection is terminated twelve times, and the pool stays usable', async () => {
    const name = databaseName(database)
    let previous: number | undefined
    for (let loss = 0; loss < 12; loss++) {
      let pid: number | undefined
      // Back: a new backend listens and the version has been read again.
      await eventually(async () => {
        pid = await listenerPid(admin, name)
        return pid !== undefined && pid !== previous && hub.watcher.current() !== undefined
      }, 10_000)
      await admin.query('select pg_terminate_backend($1)', [pid])
      previous = pid
    }
    await eventually(async () => {
      const pid = await listenerPid(admin, name)
      return pid !== undefined && pid !== previous && hub.watcher.current() !== undefined
    }, 10_000)

    const health = await hub.app.request('/healthz')
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', database: { reachable: true } })

    // More requests at once than the pool has connections still get answers: no broken client is held.
    const answers = await Promise.all(Array.from({ length: 12 }, () => hub.app.request('/healthz')))
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
    const open = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    )
    expect(open.rows[0]?.n).toBeLessThanOrEqual(5)
  }, 120_000)

  it('caches pages again once the listener is back, and forgets them when content changes', async () => {
    await eventually(() => hub.watcher.current() !== undefined, 10_000)
    await hub.app.request('/')
    expect((await hub.app.request('/')).headers.get('X-Cache')).toBe('hit')

    // A write by another connection reaches this process through the new listener.
    const other = new pg.Client({ connectionString: database.url })
    await other.connect()
    try {
      await other.query(
        "insert into organizations (slug, name, category) values ('after-reconnect', 'After Reconnect', 'member')",
      )
    } finally {
      await other.end()
    }
    await eventually(async () => (await hub.app.request('/')).headers.get('X-Cache') === 'miss')
    expect((await hub.app.request('/')).headers.get('X-Cache')).toBe('hit')
  })
})

describe('hub serve on a PostgreSQL server that goes away', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
    await database.close()
  })
  afterAll(async () => {
    await adminQuery(requireServerUrl(), `DROP DATABASE IF EXISTS ${databaseName(database)} WITH (FORCE)`)
  })

  it('answers 503 with a retry hint, and stops promptly on SIGTERM', async () => {
    const hub = await startHubProcess({ DATABASE_URL: database.url ?? '' })
    try {
      expect((await fetch(`${hub.url}/healthz`)).status).toBe(200)
      await adminQuery(requireServerUrl(), `DROP DATABASE ${databaseName(database)} WITH (FORCE)`)
      const health = await fetch(`${hub.url}/healthz`)
      expect(health.status).toBe(503)
      expect(await health.json()).toMatchObject({ database: { reachable: false } })
      const page = await fetch(`${hub.url}/`)
      expect(page.status).toBe(503)
      expect(page.headers.get('Retry-After')).toBeTruthy()
    } finally {
      // A hang here fails the test by its timeout.
      expect(await hub.stop()).toBe(0)
    }
  }, 90_000)
})
