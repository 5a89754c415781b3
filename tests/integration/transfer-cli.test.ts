import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { exportNetworkText } from '../../src/features/transfer/export-network.ts'
import { countContentRows } from '../../src/features/transfer/tables.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { exportLines } from '../support/export-document.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`hub import refuses a damaged export before touching a database, on ${testEngine}`, () => {
  let workDir: string
  let exported: string

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'hub-transfer-cli-'))
    const source = await createTestDatabase()
    try {
      await loadDemo(source.db, { isProduction: false, today: DEMO_TODAY })
      exported = await exportNetworkText(source.db)
    } finally {
      await source.drop()
    }
  })
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true })
  })

  /**
   * Imports `content` into a data folder that does not exist yet unless one is given (PGlite), or
   * an empty server database, and says what became of the target.
   */
  async function importInto(
    name: string,
    content: string | Buffer,
    stdin?: string,
    dataDir = path.join(workDir, `${name}.data`),
  ) {
    const file = path.join(workDir, name)
    await writeFile(file, content)
    let server: TestDatabase | undefined
    if (testEngine === 'postgres') server = await createTestDatabase()
    try {
      const env: Record<string, string> = server ? { DATABASE_URL: server.url ?? '' } : { DATA_DIR: dataDir }
      const run = await runHub(['import', stdin === undefined ? file : '-'], env, stdin)
      const rows = server
        ? Object.values(await countContentRows(server.db)).reduce((a, b) => a + b, 0)
        : undefined
      return { ...run, hasFolder: existsSync(dataDir), rows }
    } finally {
      await server?.drop()
    }
  }

  const expectRefused = (run: Awaited<ReturnType<typeof importInto>>, reason: string | RegExp) => {
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    expect(run.stderr).toMatch(/^hub: cannot import \S+: /)
    if (typeof reason === 'string') expect(run.stderr).toContain(reason)
    else expect(run.stderr).toMatch(reason)
    expect(run.hasFolder).toBe(false)
    if (testEngine === 'postgres') expect(run.rows).toBe(0)
  }

  it('refuses a file whose last lines were cut', async () => {
    const run = await importInto('cut.ndjson', `${exportLines(exported).slice(0, -25).join('\n')}\n`)
    expectRefused(run, /the export is cut short: no closing line after line \d+ \(a truncated file\?\)/)
  })

  it("refuses a file with a table's lines removed, naming the table and the counts", async () => {
    const lines = exportLines(exported)
    const start = lines.indexOf('["table","seats"]')
    let end = start + 1
    while (lines[end]?.startsWith('{')) end += 1
    const run = await importInto(
      'no-seats.ndjson',
      `${[...lines.slice(0, start), ...lines.slice(end)].join('\n')}\n`,
    )
    expectRefused(run, `table seats: ${end - start - 1} rows announced, 0 found`)
  })

  it('refuses a file with a row altered', async () => {
    const lines = exportLines(exported)
    const row = lines.indexOf('["table","calls"]') + 1
    lines[row] = (lines[row] ?? '').replace(
      /"duration_minutes":(\d+)/,
      (_, n) => `"duration_minutes":${Number(n) + 1}`,
    )
    const run = await importInto('altered.ndjson', `${lines.join('\n')}\n`)
    expectRefused(run, 'table calls: its lines do not match their SHA-256 (the file was altered)')
  })

  it('refuses a file with a wrong header', async () => {
    const [, ...rest] = exportLines(exported)
    const run = await importInto('header.ndjson', `{"format":"zip"}\n${rest.join('\n')}\n`)
    expectRefused(run, 'not a Collaborative Hub export: line 1 is not its header')
  })

  it('refuses an empty file', async () => {
    expectRefused(await importInto('empty.ndjson', ''), 'the file is empty')
  })

  it('refuses random bytes', async () => {
    const run = await importInto('noise.bin', randomBytes(200_000))
    expectRefused(run, /line 1 is not JSON; expected a `hub export` document|cut short/)
  })

  it('imports a good export read from standard input', async () => {
    // Into the run's migrated, empty PGlite database, as the server's starts from the template:
    // only the refusals are about a folder that must not come to exist.
    const folder = testEngine === 'pglite' ? await migratedDataFolder('hub-transfer-good-') : undefined
    try {
      const run = await importInto('good.ndjson', '', exported, folder?.dir)
      expect(run.stderr).toMatch(/^Imported \d+ rows into \d+ tables\.$/m)
      expect(run.code).toBe(0)
    } finally {
      await folder?.drop()
    }
  }, 180_000)
})
