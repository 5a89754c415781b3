import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const migrations = path.join(root, 'src/db/migrations')

describe('the committed migrations', () => {
  it('cover every change in the schema (drizzle-kit would generate nothing new)', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'hub-migrations-'))
    try {
      await cp(migrations, scratch, { recursive: true })
      const before = (await readdir(scratch)).sort()
      await promisify(execFile)(
        process.execPath,
        [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--config', 'drizzle.config.ts'],
        {
          cwd: root, // drizzle-kit reads the folder as relative to the project, so give it one.
          env: { ...process.env, MIGRATIONS_OUT: path.relative(root, scratch) },
        },
      )
      const after = (await readdir(scratch)).sort()
      const added = after.filter((file) => !before.includes(file))
      expect(added, 'run `npm run db:generate` and commit the new migration').toEqual([])
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  })
})
