import type { Entry } from './types.ts'

/** Ids of the right shape: the cross-site refusals come before any lookup. */
const RULE_ID = '00000000-0000-4000-8000-000000000003'
const PIN_ID = '00000000-0000-4000-8000-000000000004'
/** The demo network holds no opportunity: these routes answer 404 once past the cross-site checks. */
const OPPORTUNITY = '990001'

/**
 * Hostile-input entries for the funding routes. The demo network the suite loads has no Grants.gov
 * opportunity, so the pin forms are covered here by their cross-site refusals; their note (500
 * characters) is refused and escaped in tests/integration/grants-pins.test.ts, the rules' values in
 * grants-staff.test.ts and the fetch address in grants-fetch.test.ts.
 */
export const fundingEntries: Record<string, Entry> = {
  'POST /staff/funding/uploads': { sample: () => ({ path: '/staff/funding/uploads', fields: {} }) },
  'POST /staff/funding/rules': {
    sample: () => ({
      path: '/staff/funding/rules',
      fields: { kind: 'keyword', value: 'foundry', weight: '2' },
    }),
  },
  'POST /staff/funding/threshold': {
    sample: () => ({ path: '/staff/funding/threshold', fields: { threshold: '4' } }),
  },
  'POST /staff/funding/rules/:id': {
    sample: () => ({
      path: `/staff/funding/rules/${RULE_ID}`,
      fields: { kind: 'keyword', value: 'foundry', weight: '2' },
    }),
  },
  'POST /staff/funding/rules/:id/delete': {
    sample: () => ({ path: `/staff/funding/rules/${RULE_ID}/delete`, fields: {} }),
  },
  'POST /staff/funding/rules/:id/move': {
    sample: () => ({ path: `/staff/funding/rules/${RULE_ID}/move`, fields: { direction: 'up' } }),
  },
  'POST /staff/funding/fetch': { sample: () => ({ path: '/staff/funding/fetch', fields: { url: '' } }) },
  'POST /funding/:id/pins': {
    sample: () => ({
      path: `/funding/${OPPORTUNITY}/pins`,
      fields: { place: 'call', callDate: '2026-11-30', visibility: 'members', note: 'Worth a look.' },
    }),
  },
  'POST /funding/:id/pins/:pinId/delete': {
    sample: () => ({ path: `/funding/${OPPORTUNITY}/pins/${PIN_ID}/delete`, fields: {} }),
  },
}
