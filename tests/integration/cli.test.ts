import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededByMigrations } from '../../src/features/transfer/tables.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { exportedRows, exportLines } from '../support/export-document.ts'
import { runHub, startHubProcess } from '../support/run-hub.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** An empty, migrated database for a child process: a data folder for PGlite, a server database otherwise. */
async function emptyTarget(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testEngine === 'postgres') {
    const database: TestDatabase = await createTestDatabase()
    return { env: { DATABASE_URL: database.url ?? '' }, drop: () => database.drop() }
  }
  return migratedDataFolder('hub-cli-')
}

describe('the hub command', () => {
  it('lists its commands with --help', async () => {
    const run = await runHub(['--help'], {})
    expect(run.code).toBe(0)
    for (const command of ['serve', 'migrate', 'demo', 'export', 'import FILE'])
      expect(run.stdout).toContain(command)
  })

  it('refuses an unknown command with status 2', async () => {
    const run = await runHub(['frobnicate'], {})
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('hub: unknown command "frobnicate"; run `hub --help` for the list\n')
  })

  it('stops with one line when PORT is wrong', async () => {
    const run = await runHub(['serve'], { PORT: 'eighty' })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('hub: PORT: PORT must be a whole number from 0 to 65535\n')
  })

  it('stops with one line when DATABASE_URL cannot be reached', async () => {
    const run = await runHub(['serve'], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/nowhere' })
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(
      /^hub: cannot reach the PostgreSQL server at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere/,
    )
    expect(run.stderr).not.toContain('secret')
  })
})

describe(`hub demo, export and import on ${testEngine}`, () => {
  let source: Awaited<ReturnType<typeof emptyTarget>>
  let workDir: string

  beforeAll(async () => {
    source = await emptyTarget()
    workDir = await mkdtemp(path.join(os.tmpdir(), 'hub-export-'))
  })
  afterAll(async () => {
    await source.drop()
    await rm(workDir, { recursive: true, force: true })
  })

  it('loads the demo once, exports it, and imports it losslessly into an empty database', async () => {
    const demo = await runHub(['demo'], source.env)
    expect(demo.stderr).toMatch(/^Loaded the demo network: \d+ organisations/)
    expect(demo.code).toBe(0)
    const again = await runHub(['demo'], source.env)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^hub: cannot load the demo network: the database is not empty/)

    const exported = await runHub(['export'], source.env)
    expect(exported.code).toBe(0)
    const file = path.join(workDir, 'network.ndjson')
    await writeFile(file, exported.stdout)
    expect(JSON.parse(exportLines(exported.stdout)[0] ?? '').format).toBe('collaborative-hub-export')
    expect(exportedRows(exported.stdout).organizations?.length).toBeGreaterThan(30)

    const target = await emptyTarget()
    try {
      const imported = await runHub(['import', file], target.env)
      expect(imported.stderr).toMatch(/^Imported \d+ rows into \d+ tables\./)
      expect(imported.code).toBe(0)
      const second = await runHub(['export'], target.env)
      expect(second.stdout).toBe(await readFile(file, 'utf8'))
      const twice = await runHub(['import', file], target.env)
      expect(twice.code).toBe(1)
      expect(twice.stderr).toMatch(/^hub: cannot import: the database is not empty/)
    } finally {
      await target.drop()
    }
  }, 120_000)

  it('refuses a file that is not an export, and writes nothing', async () => {
    const target = await emptyTarget()
    try {
      const file = path.join(workDir, 'not-json.txt')
      await writeFile(file, 'Name,Email\nAda,ada@example.org\n')
      const run = await runHub(['import', file], target.env)
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('is not JSON')
      expect(run.stderr).toContain('expected a `hub export` document')
      const exported = exportedRows((await runHub(['export'], target.env)).stdout)
      // Only the defaults the migrations write (the outcome metrics, the relevance rules) are there.
      const written = Object.entries(exported).filter(([table]) => !seededByMigrations.has(table))
      expect(written.every(([, rows]) => rows.length === 0)).toBe(true)
    } finally {
      await target.drop()
    }
  }, 120_000)

  it('never loads the demo in production', async () => {
    const target = await emptyTarget()
    try {
      const run = await runHub(['demo'], {
        ...target.env,
        NODE_ENV: 'production',
        AUTH_SECRET: 'a-production-secret-of-at-least-32-chars',
        SMTP_URL: 'smtp://127.0.0.1:2525',
      })
      expect(run.code).toBe(1)
      expect(run.stderr).toBe('hub: the demo network is never loaded when NODE_ENV=production\n')
    } finally {
      await target.drop()
    }
  }, 120_000)
})

describe(`hub serve on ${testEngine}`, () => {
  it('starts with the demo network on an empty database, and reuses the data on the next start', async () => {
    const target = await emptyTarget()
    try {
      const first = await startHubProcess(target.env)
      const health = await fetch(`${first.url}/healthz`)
      expect(health.status).toBe(200)
      const orgs = (await (await fetch(`${first.url}/api/v1/organizations`)).json()) as { data: unknown[] }
      expect(orgs.data.length).toBeGreaterThan(30)
      expect(first.output()).toMatch(/Loaded the demo network/)
      expect(first.output()).toMatch(
        testEngine === 'pglite' ? /Database: embedded PGlite in / : /Database: PostgreSQL at /,
      )
      expect(await first.stop()).toBe(0)

      const second = await startHubProcess(target.env)
      expect(second.output()).not.toMatch(/Loaded the demo network/)
      const again = (await (await fetch(`${second.url}/api/v1/organizations`)).json()) as { data: unknown[] }
      expect(again.data).toEqual(orgs.data)
      expect(await second.stop()).toBe(0)
    } finally {
      await target.drop()
    }
  }, 120_000)

  it('leaves an empty database empty in production', async () => {
    const target = await emptyTarget()
    try {
      const hub = await startHubProcess({
        ...target.env,
        NODE_ENV: 'production',
        AUTH_SECRET: 'a-production-secret-of-at-least-32-chars',
        SMTP_URL: 'smtp://127.0.0.1:2525',
      })
      expect(hub.output()).toContain('Production mode never loads the demo network.')
      const orgs = (await (await fetch(`${hub.url}/api/v1/organizations`)).json()) as { data: unknown[] }
      expect(orgs.data).toEqual([])
      await hub.stop()
    } finally {
      await target.drop()
    }
  }, 120_000)
})
