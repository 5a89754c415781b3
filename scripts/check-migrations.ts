import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const root = path.resolve(import.meta.dirname, '..')
const migrations = path.join(root, 'src/db/migrations')

/**
 * The migration files drizzle-kit would add for schema changes that have none yet: it
 * generates into a scratch copy of the committed folder, which is then thrown away.
 * @example (await missingMigrations()).length === 0 // the schema and the migrations agree
 */
export async function missingMigrations(): Promise<string[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'hub-migrations-'))
  try {
    await cp(migrations, scratch, { recursive: true })
    const before = new Set(await readdir(scratch))
    await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--config', 'drizzle.config.ts'],
      // drizzle-kit reads the folder as relative to the project, so give it one.
      { cwd: root, env: { ...process.env, MIGRATIONS_OUT: path.relative(root, scratch) } },
    )
    return (await readdir(scratch)).filter((file) => !before.has(file)).sort()
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

// `npm run db:check`: exit 1, saying what to do, when the schema has changes without a migration.
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const missing = await missingMigrations()
  if (missing.length > 0) {
    process.stderr.write(
      `db:check: the schema has changes no migration covers (drizzle-kit would write ${missing.join(', ')}); run \`npm run db:generate\` and commit the new migration\n`,
    )
    process.exit(1)
  }
  process.stdout.write('db:check: the committed migrations cover the schema\n')
}
