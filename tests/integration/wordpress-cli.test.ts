import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openDatabase } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import { migratedDataFolder } from '../support/data-folder.ts'
import { runHub } from '../support/run-hub.ts'
import { createTestDatabase, testEngine } from '../support/test-database.ts'
import { MALFORMED_EXPORT, wordpressComExport, writeWxr } from '../support/wxr-files.ts'

describe(`hub wordpress import on ${testEngine}`, () => {
  let home = ''
  let env: Record<string, string>
  /** Opens the database the command used (a PGlite folder is closed again before the command runs). */
  let reopen: () => Promise<Database>
  let dropDatabase = async () => {}

  const counts = async () => {
    const database = await reopen()
    try {
      const [row] = await queryRows<{ posts: number; pages: number; redirects: number; imports: number }>(
        database.db,
        sql`select (select count(*)::int from news_posts) as posts, (select count(*)::int from site_pages) as pages,
          (select count(*)::int from redirects) as redirects, (select count(*)::int from wordpress_imports) as imports`,
      )
      return row
    } finally {
      if (testEngine === 'pglite') await database.close()
    }
  }

  beforeAll(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'hub-wordpress-cli-'))
    if (testEngine === 'postgres') {
      const server = await createTestDatabase()
      env = { DATABASE_URL: server.url as string }
      reopen = async () => server
      dropDatabase = () => server.drop()
    } else {
      const folder = await migratedDataFolder('hub-wordpress-cli-data-')
      dropDatabase = folder.drop
      env = folder.env
      reopen = () => openDatabase({ kind: 'pglite', dataDir: path.join(folder.dir, 'pglite') })
    }
  })
  afterAll(async () => {
    await dropDatabase()
    await rm(home, { recursive: true, force: true })
  })

  it('prints the summary as JSON, with progress on stderr; a second run changes nothing', async () => {
    const file = await writeWxr(home, 'export.xml', wordpressComExport())
    const dry = await runHub(['wordpress', 'import', file, '--dry-run', '--json'], env)
    expect(dry.code).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ result: 'dry-run', dryRun: true, posts: { created: 5 } })
    expect(await counts()).toEqual({ posts: 0, pages: 0, redirects: 0, imports: 0 })

    const run = await runHub(['wordpress', 'import', file, '--json'], env)
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    expect(Object.keys(summary)).toEqual([
      'file', 'site', 'wxrVersion', 'dryRun', 'result', 'importId', 'sha256', 'bytes', 'items', 'posts', 'pages',
      'categories', 'tags', 'authors', 'comments', 'attachments', 'redirects', 'skipped', 'warnings',
    ]) // biome-ignore format: the contract's keys, in order
    expect(summary).toMatchObject({
      file: 'export.xml',
      result: 'imported',
      posts: { created: 5 },
      pages: { created: 4 },
    })
    // The dry run checked the file: the commit does not check it again (its checksum still is).
    expect(run.stderr).not.toMatch(/^Checking:/m)
    expect(run.stderr).toMatch(/^Importing: 13 items read/m)
    expect(await counts()).toEqual({ posts: 5, pages: 4, redirects: 20, imports: 1 })

    const again = await runHub(['wordpress', 'import', file], env)
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/^Checking: 13 items read, 0\.0 MB of 0\.0 MB$/m)
    expect(again.stdout).toContain('Already imported (nothing changed): export.xml')
    expect(again.stdout).toContain('Posts: 0 created, 0 updated, 5 unchanged, 1 skipped.')
    expect(await counts()).toEqual({ posts: 5, pages: 4, redirects: 20, imports: 1 })
  }, 180_000)

  it('refuses a malformed file with status 2, its line and column, and writes nothing', async () => {
    const before = await counts()
    const file = await writeWxr(home, 'broken.xml', MALFORMED_EXPORT)
    const run = await runHub(['wordpress', 'import', file, '--json'], env)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      'hub: The file is not well-formed XML: unexpected close tag (line 4, column 30). Nothing was written.',
    )
    expect(await counts()).toEqual(before)
    const usage = await runHub(['wordpress', 'export'], env)
    expect(usage.code).toBe(2)
  }, 120_000)
})
