import { sql } from 'drizzle-orm'
import { queryRows } from '../../../src/db/sql.ts'
import { demoId } from '../../../src/features/demo/demo-id.ts'
import type { Entry } from './types.ts'

/** A demo board member: each staff term sample is a short term of its own in a past year, so none overlaps. */
const BOARD_MEMBER = demoId('person', 'board@example.org')
/** A term id of the right shape: the cross-site refusals come before any lookup. */
const TERM_ID = '00000000-0000-4000-8000-000000000002'

let terms = 0

/** Hostile-input entries for the people pages: one per state-changing route, keyed 'METHOD /path'. */
export const peopleEntries: Record<string, Entry> = {
  'POST /staff/people/:id/invite': {
    sample: () => ({ path: `/staff/people/${BOARD_MEMBER}/invite`, fields: {} }),
  },
  'POST /staff/people/:id/terms': {
    sample: () => {
      terms++
      const year = 1900 + terms
      return {
        path: `/staff/people/${BOARD_MEMBER}/terms`,
        fields: { role: 'staff', startsOn: `${year}-01-01`, endsOn: `${year}-06-01`, title: 'Program lead' },
      }
    },
    freeText: {
      title: {
        tooLong: 'The title has at most 200 characters.',
        readBack: async (db, sent) =>
          (
            await queryRows<{ v: string }>(
              db,
              sql`select title as v from staff_members
                where person_id = ${BOARD_MEMBER} and starts_on = ${sent.startsOn ?? ''}::date`,
            )
          ).map((r) => r.v ?? ''),
      },
    },
    shownAt: () => [`/staff/people/${BOARD_MEMBER}`],
  },
  'POST /staff/people/:id/terms/end': {
    sample: () => ({
      path: `/staff/people/${BOARD_MEMBER}/terms/end`,
      fields: { termId: TERM_ID, role: 'board', endsOn: '2027-01-01' },
    }),
  },
}
