import { describe, expect, it } from 'vitest'
import { missingMigrations } from '../../scripts/check-migrations.ts'

describe('the committed migrations', () => {
  it('cover every change in the schema (drizzle-kit would generate nothing new)', async () => {
    expect(await missingMigrations(), 'run `npm run db:generate` and commit the new migration').toEqual([])
  })
})
