import type { Entry } from './types.ts'

/** A held call of the demo network, and an organisation whose seat holders may ask about it. */
const HELD = '2026-11-23'
const ORG = 'amp-socal'

/**
 * Hostile-input entries for attendance questions, keyed 'METHOD /path'. Asking is for the
 * organisation's seat holders only (staff are refused), and answering needs an open question:
 * the free text of both is covered by tests/integration/attendance-questions.test.ts.
 */
export const attendanceQuestionEntries: Record<string, Entry> = {
  'POST /organizations/:slug/calls/:date/attendance': {
    sample: () => ({
      path: `/organizations/${ORG}/calls/${HELD}/attendance`,
      fields: { personId: '00000000-0000-4000-8000-000000000000', appearedAs: 'iPhone 14', note: '' },
    }),
  },
  'POST /staff/attendance-questions/:id/answer': {
    sample: () => ({
      path: '/staff/attendance-questions/00000000-0000-4000-8000-000000000000/answer',
      fields: { answer: 'decline', reason: 'No such question.' },
    }),
  },
}
