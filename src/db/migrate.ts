import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { Database } from './client.ts'
import { isConnectionFailure } from './failures.ts'
import { queryRows } from './sql.ts'

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

// Any constant will do, as long as every Hub process uses the same one.
const MIGRATION_LOCK = 727_001

type Journal = { entries: { tag: string; when: number }[] }

/** The migrations this build ships, in order. */
export function expectedMigrations(): string[] {
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal
  return journal.entries.map((e) => e.tag)
}

/** Applies pending migrations; safe when several processes start at once on one server. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder })
    return
  }
  await database.withAdvisoryLock(MIGRATION_LOCK, () =>
    migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder }),
  )
}

export type MigrationState = { applied: number; expected: number; isCurrent: boolean }

/** How many migrations the database has applied, against how many this build ships. */
export async function migrationState(database: Database): Promise<MigrationState> {
  const expected = expectedMigrations().length
  let applied = 0
  try {
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )
    applied = rows[0]?.n ?? 0
  } catch (error) {
    // No migrations table means none applied; no database at all is another answer.
    if (isConnectionFailure(error)) throw error
    applied = 0
  }
  return { applied, expected, isCurrent: applied === expected }
}
