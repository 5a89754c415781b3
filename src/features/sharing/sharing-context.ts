/** What the sharing form needs to know beyond what was typed: the first admission and the briefings offered. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import type { AdmissionEventRecord } from '#src/features/admission/index.ts'
import type { BriefingOption } from './sharing-form.ts'

/** The first day the organisation was admitted, or null when it never was. */
export const firstAdmission = (events: readonly AdmissionEventRecord[]): string | null =>
  events
    .filter((e) => e.kind === 'admitted')
    .reduce<string | null>(
      (earliest, e) => (earliest === null || e.effectiveOn < earliest ? e.effectiveOn : earliest),
      null,
    )

/** The library's published items from `from` to `to` (both included), newest first: the ones the form offers. */
export async function publishedBriefings(
  db: DbOrTx,
  range: { from: string; to: string },
): Promise<BriefingOption[]> {
  return queryRows<BriefingOption>(
    db,
    sql`select id::text as id, title, published_on::text as "publishedOn", kind, slug, tags from briefings
      where status = 'published' and published_on is not null
        and published_on between ${range.from}::date and ${range.to}::date
      order by published_on desc, title`,
  )
}
