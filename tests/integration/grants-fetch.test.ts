import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import { type DailyFetchRun, runDailyFetch } from '../../src/features/grants/index.ts'
import { putSetting } from '../../src/features/settings/index.ts'
import { createPerson } from '../support/factories.ts'
import { testClock } from '../support/fixtures.ts'
import { GRANTS_SAMPLE } from '../support/grants-factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2025-02-01'
const SETTING = 'https://extracts.example.test/extracts/GrantsDBExtract{YYYYMMDD}v2.xml'

type FetchRow = { file_name: string; status: string; records: number; problem: string | null }

describe(`the daily fetch of the Grants.gov extract on ${testEngine}`, () => {
  let database: TestDatabase
  let other: Database | undefined
  let t: TestApp
  let server: Server
  let origin = ''
  const requested: string[] = []

  const fetchOnce = (db = database.db, target = origin): Promise<DailyFetchRun> =>
    runDailyFetch({
      db,
      clock: testClock(TODAY),
      fromHour: 0,
      testAddress: (url) => url.replace('https://extracts.example.test', target),
    })
  const fetches = () =>
    queryRows<FetchRow>(
      database.db,
      sql`select file_name, status, records, problem from grant_imports where via = 'fetch' order by started_at`,
    )
  const setUrl = (url: string) =>
    writeAs(database.db, 'system', (tx) => putSetting(tx, 'grantsFetchUrl', url))
  /** The day passes for what was recorded: yesterday's fetch no longer holds today. */
  const aDayPasses = () =>
    database.db.execute(sql`update grant_imports set started_at = started_at - interval '1 day'`)

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    t = await createTestApp(database, { today: TODAY })
    const sample = await readFile(GRANTS_SAMPLE)
    server = createServer((req, res) => {
      requested.push(req.url ?? '')
      // A little later, so that two racing runs really overlap.
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': sample.byteLength })
        res.end(sample)
      }, 50)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    // On a server, a second connection pool races like a second Hub process; PGlite has one connection.
    other =
      testEngine === 'postgres' && database.url
        ? await openDatabase({
            kind: 'postgres',
            url: database.url,
            maxConnections: 2,
            clock: testClock(TODAY),
          })
        : undefined
  })
  afterAll(async () => {
    await other?.close()
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    await t?.stop()
    await database?.drop()
  })

  it('is off by default: nothing is fetched', async () => {
    expect(await fetchOnce()).toEqual({ status: 'off' })
    expect(requested).toHaveLength(0)
    expect(await fetches()).toHaveLength(0)
  })

  it('lets staff set the address (https only, explained) and nobody else', async () => {
    const staff = new Session(t.app)
    const officer = await createPerson(database.db, { role: 'staff', since: '2024-01-01' })
    await signInAs(staff, database.db, t.auth, { email: officer.email })
    const page = await pageText(await staff.get('/staff/funding/fetch'))
    expect(page).toContain('the Hub may have no internet')
    expect(page).toContain('No fetch yet.')
    const plain = await staff.post('/staff/funding/fetch', { url: 'http://extracts.example.test/x.zip' })
    expect(plain.status).toBe(400)
    expect(await pageText(plain)).toContain('Give an address starting with https://, or nothing.')
    const saved = await staff.post('/staff/funding/fetch', { url: SETTING })
    expect(saved.headers.get('location')).toBe('/staff/funding/fetch?saved=on')
    const reader = await createPerson(database.db, {})
    const someone = new Session(t.app)
    await signInAs(someone, database.db, t.auth, { email: reader.email })
    expect((await someone.get('/staff/funding/fetch')).status).toBe(403)
    expect((await someone.post('/staff/funding/fetch', { url: '' })).status).toBe(403)
    expect((await staff.post('/staff/funding/fetch', { url: SETTING, _csrf: 'forged' })).status).toBe(403)
  })

  it('fetches and imports the extract once, even when two runs race', async () => {
    const runs = await Promise.all([fetchOnce(), fetchOnce(other?.db ?? database.db)])
    expect(runs.map((run) => run.status).sort()).toEqual(['imported', 'taken'])
    expect(requested).toEqual(['/extracts/GrantsDBExtract20250201v2.xml'])
    expect(await fetches()).toEqual([
      { file_name: 'GrantsDBExtract20250201v2.xml', status: 'done', records: 4, problem: null },
    ])
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from grant_opportunities`,
    )
    expect(count?.n).toBe(4)
  })

  it('does nothing on a second run the same day', async () => {
    expect(await fetchOnce()).toEqual({ status: 'taken' })
    expect(requested).toHaveLength(1)
    expect(await fetches()).toHaveLength(1)
  })

  it('records an unreachable address as failed, and tries again the next day', async () => {
    await aDayPasses()
    const failed = await fetchOnce(database.db, 'http://127.0.0.1:9')
    expect(failed).toMatchObject({ status: 'failed' })
    const [, last] = await fetches()
    expect(last).toMatchObject({ status: 'failed', records: 0 })
    expect(last?.problem).toContain('could not be reached')
    expect(await fetchOnce()).toEqual({ status: 'taken' })
    await aDayPasses()
    expect(await fetchOnce()).toMatchObject({ status: 'imported', records: 4, added: 0, updated: 0 })
    expect(requested).toHaveLength(2)
  })

  it('gives up a download still arriving when the Hub stops, and records why', async () => {
    await aDayPasses()
    // A server that sends the start of an extract and then nothing more, for as long as it is asked.
    let asked = () => {}
    const askedFor = new Promise<void>((resolve) => (asked = resolve))
    const slow = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml', 'Content-Length': 10_000_000 })
      res.write('<?xml version="1.0" encoding="UTF-8"?>\n<Grants>')
      asked()
    })
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve))
    const slowOrigin = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`
    const stopping = new AbortController()
    try {
      const running = runDailyFetch({
        db: database.db,
        clock: testClock(TODAY),
        fromHour: 0,
        testAddress: (url) => url.replace('https://extracts.example.test', slowOrigin),
        signal: stopping.signal,
      })
      await askedFor
      stopping.abort(new Error('the Hub was stopped'))
      const run = await running
      expect(run).toMatchObject({ status: 'failed' })
      const problem = (await fetches()).at(-1)?.problem
      expect(problem).toContain('the download was given up, the Hub was stopped')
      expect(run).toMatchObject({ problem })
    } finally {
      slow.closeAllConnections()
      await new Promise<void>((resolve) => slow.close(() => resolve()))
    }
    // The day is recorded as failed (the next day tries again), and nothing of the extract was kept.
    expect(await fetchOnce()).toEqual({ status: 'taken' })
    const [count] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from grant_opportunities`,
    )
    expect(count?.n).toBe(4)
  })

  it('stops a download larger than the bound and keeps the reason', async () => {
    await aDayPasses()
    const run = await runDailyFetch({
      db: database.db,
      clock: testClock(TODAY),
      fromHour: 0,
      maxBytes: 1000,
      testAddress: (url) => url.replace('https://extracts.example.test', origin),
    })
    expect(run).toMatchObject({ status: 'failed' })
    expect((await fetches()).at(-1)?.problem).toContain('more than 1000')
    await setUrl('')
    await aDayPasses()
    expect(await fetchOnce()).toEqual({ status: 'off' })
  })
})
