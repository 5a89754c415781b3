import { sql } from 'drizzle-orm'
import type { Db } from '../../../src/db/client.ts'
import { queryRows } from '../../../src/db/sql.ts'
import type { Entry } from './types.ts'

const ORG = 'amp-socal'
/** A fact id of the right shape: the cross-site refusals come before any lookup. */
const FACT_ID = '00000000-0000-4000-8000-000000000003'

/** One column of AMP SoCal's reported facts (the profile lists them all). */
const factColumn = (column: 'label' | 'source_title') => async (db: Db) =>
  (
    await queryRows<{ v: string }>(
      db,
      sql`select f.${sql.identifier(column)} as v from reported_facts f
        join organizations o on o.id = f.organization_id where o.slug = ${ORG}`,
    )
  ).map((r) => r.v)

/** Hostile-input entries for staff's reported facts (/staff/outcomes/facts). */
export const outcomeFactsEntries: Record<string, Entry> = {
  'POST /staff/outcomes/facts': {
    sample: () => ({
      path: '/staff/outcomes/facts',
      fields: {
        organization: ORG,
        topic: 'other',
        label: 'Partner organisations',
        qualifier: 'over',
        unit: 'count',
        value: '100',
        asOf: '2016-09-27',
        sourceTitle: 'AMP SoCal redesignation press release',
        sourceUrl: 'https://example.org/press-release',
      },
    }),
    freeText: {
      label: {
        tooLong: 'Write at most 200 characters (this description has 10,001).',
        readBack: factColumn('label'),
      },
      sourceTitle: {
        tooLong: 'Write at most 300 characters (this source has 10,001).',
        readBack: factColumn('source_title'),
      },
    },
    shownAt: () => [`/staff/outcomes/facts?organization=${ORG}`, `/organizations/${ORG}`],
  },
  'POST /staff/outcomes/facts/:id/remove': {
    sample: () => ({ path: `/staff/outcomes/facts/${FACT_ID}/remove`, fields: { organization: ORG } }),
  },
}
