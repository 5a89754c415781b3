import type { Entry } from './types.ts'

/**
 * An application id for the samples. The suite's cross-site attacks are refused before any
 * handler runs, and its control request is made signed out, so no application is needed.
 * No free-text fields are declared: a review and a close can be recorded only once per
 * round (and votes need a board member, while the suite posts as staff), so the suite's
 * repeated posts of one sample cannot all be accepted. tests/integration/review.test.ts and
 * board.test.ts check the comments for markup, SQL characters and over-long values instead.
 */
const APPLICATION = '00000000-0000-4000-8000-00000000a11c'

/** Hostile-input entries for staff review and Advisory Board votes: one per state-changing route, keyed 'METHOD /path'. */
export const reviewEntries: Record<string, Entry> = {
  'POST /staff/applications/:id/review': {
    sample: () => ({
      path: `/staff/applications/${APPLICATION}/review`,
      fields: {
        verdict_agreement: 'met',
        comment_agreement: '',
        verdict_swot: 'needs_info',
        comment_swot: 'Upload the SWOT analysis itself.',
        verdict_plan: 'met',
        comment_plan: '',
        verdict_dei_sustainability: 'not_met',
        comment_dei_sustainability: 'No sustainability goals.',
      },
    }),
  },
  'POST /staff/applications/:id/send-to-board': {
    sample: () => ({
      path: `/staff/applications/${APPLICATION}/send-to-board`,
      fields: { comment: 'Widely used open curricula.' },
    }),
  },
  'POST /staff/applications/:id/close': {
    sample: () => ({
      path: `/staff/applications/${APPLICATION}/close`,
      fields: { comment: 'Closed at the board meeting.' },
    }),
  },
  'POST /board/applications/:id/vote': {
    sample: () => ({
      path: `/board/applications/${APPLICATION}/vote`,
      fields: { choice: 'approve', comment: 'Strong open-source value.' },
    }),
  },
}
