import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../src/db/client.ts'
import { migrateDatabase } from '../../src/db/migrate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string
    postgresTemplate: string
  }
}

/**
 * Migrates one database per run, which every test file then copies: a PGlite
 * data-folder snapshot, or a PostgreSQL template database. Both are removed after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = project.config.env?.TEST_DB
  if (engine === 'postgres') {
    const url = requireServerUrl()
    const template = `hub_template_${randomBytes(4).toString('hex')}`
    await adminQuery(url, `CREATE DATABASE ${template}`)
    const database = await openDatabase({
      kind: 'postgres',
      url: withDatabase(url, template),
      maxConnections: 2,
    })
    await migrateDatabase(database)
    await database.close()
    project.provide('postgresTemplate', template)
    project.provide('pgliteSnapshot', '')
    return async () => {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hub-test-'))
  const database = await openDatabase({ kind: 'pglite' })
  await migrateDatabase(database)
  const client = (database.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } })
    .$client
  const snapshot = path.join(dir, 'migrated.tar')
  await writeFile(snapshot, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()))
  await database.close()
  project.provide('pgliteSnapshot', snapshot)
  project.provide('postgresTemplate', '')
  return async () => {
    await rm(dir, { recursive: true, force: true })
  }
}

export function requireServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  return url
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
