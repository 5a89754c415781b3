import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import { queryRows } from '../../src/db/sql.ts'
import { type GrantImportResult, importExtract } from '../../src/features/grants/index.ts'
import { saveChoices } from '../../src/features/reminders/preferences.ts'
import type { TestPerson } from './factories.ts'

/** The synthetic Grants.gov sample (four opportunities, one a forecast) copied from the shared fixtures. */
export const GRANTS_SAMPLE = path.resolve(
  import.meta.dirname,
  'fixtures/grants/GrantsDBExtract20250115v2.xml',
)

/** Imports the sample as if it were the extract of `extractDay` (YYYYMMDD in its name). */
export async function importGrantsSample(
  db: Db,
  options: { extractDay?: string; today: string },
): Promise<GrantImportResult> {
  const text = await readFile(GRANTS_SAMPLE, 'utf8')
  return importExtract(db, {
    fileName: `GrantsDBExtract${options.extractDay ?? '20250115'}v2.xml`,
    source: (async function* () {
      yield new TextEncoder().encode(text)
    })(),
    via: 'cli',
    by: { personId: null, actor: 'system' },
    today: options.today,
  })
}

/** A person who asked for the weekly funding email. */
export async function fundingReader(db: Db, person: TestPerson): Promise<TestPerson> {
  await saveChoices(db, person.id, { funding_digest: true })
  return person
}

/** How many funding emails were recorded as sent for the week starting on `weekStart`. */
export async function fundingDigestsRecorded(db: Db, weekStart: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from reminder_deliveries
      where kind = 'funding_digest' and subject = ${weekStart} and sent_at is not null`,
  )
  return row?.n ?? 0
}
