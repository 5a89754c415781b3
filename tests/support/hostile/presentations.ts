import { sql } from 'drizzle-orm'
import { queryRows } from '../../../src/db/sql.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

const ORG_A = 'amp-socal'
/** Next year: the demo's presentations of this year are all planned already, next year's are open. */
const NEXT_YEAR = String(Number(DEMO_TODAY.slice(0, 4)) + 1)

/**
 * A presentation id of the right shape. The cross-site refusals come before any lookup, and the
 * signed-out control is sent to sign in; tests/integration/presentations.test.ts runs these
 * routes on real presentations.
 */
const PRESENTATION_ID = '00000000-0000-4000-8000-000000000002'

/** Hostile-input entries for the presentations routes: one per state-changing route, keyed 'METHOD /path'. */
export const presentationsEntries: Record<string, Entry> = {
  'POST /organizations/:slug/presentation': {
    sample: () => ({
      path: `/organizations/${ORG_A}/presentation`,
      fields: { year: NEXT_YEAR, requestedMonth: '3', title: 'Lean cells in aerospace supply chains' },
    }),
    freeText: {
      title: {
        tooLong: 'Write the title in at most 200 characters (this one has 10,001).',
        readBack: async (db) =>
          (
            await queryRows<{ v: string }>(
              db,
              sql`select p.title as v from presentations p join organizations o on o.id = p.organization_id
                where o.slug = ${ORG_A} and p.year = ${Number(NEXT_YEAR)}`,
            )
          ).map((r) => r.v),
      },
    },
    shownAt: () => [`/organizations/${ORG_A}/presentation`, `/staff/presentations?year=${NEXT_YEAR}`],
  },
  'POST /staff/presentations/plan': {
    sample: () => ({ path: '/staff/presentations/plan', fields: { year: NEXT_YEAR } }),
  },
  'POST /staff/presentations/:id/move': {
    sample: () => ({
      path: `/staff/presentations/${PRESENTATION_ID}/move`,
      fields: { callDate: `${NEXT_YEAR}-03-01` },
    }),
  },
  'POST /staff/presentations/:id/outcome': {
    sample: () => ({
      path: `/staff/presentations/${PRESENTATION_ID}/outcome`,
      fields: { outcome: 'given', actualMinutes: '12' },
    }),
  },
}
