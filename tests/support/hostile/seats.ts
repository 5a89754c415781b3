import { sql } from 'drizzle-orm'
import { addDays } from '#src/lib/dates.ts'
import { queryRows } from '../../../src/db/sql.ts'
import { buildDemoNetwork } from '../../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

const ORG_A = 'amp-socal'

/**
 * Demo organisations admitted on DEMO_TODAY, except the two other suites rely on: each status
 * sample takes the next one, so that every accepted suspension finds an admitted organisation.
 */
const admittedSlugs = (() => {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const admitted = new Set(
    net.admissionEvents
      .filter((e) => e.kind === 'admitted' && e.effectiveOn <= DEMO_TODAY)
      .map((e) => e.organizationId),
  )
  return net.organizations
    .filter((o) => admitted.has(o.id as string) && o.slug !== ORG_A && o.slug !== 'south-kansas')
    .map((o) => o.slug)
})()

let handovers = 0
let statusChanges = 0
/** The organisation of the latest status sample, for the page that shows what it saved. */
let statusSlug = ''

/** Hostile-input entries for seats, suspension and withdrawal, and the profile API: one per state-changing route, keyed 'METHOD /path'. */
export const seatEntries: Record<string, Entry> = {
  'POST /organizations/:slug/region': {
    sample: () => ({ path: `/organizations/${ORG_A}/region`, fields: { states: 'CA', counties: '06037' } }),
  },
  'POST /organizations/:slug/seats/handover': {
    // Each sample takes effect a day later than the one before, so that every one can succeed.
    sample: () => {
      handovers++
      return {
        path: `/organizations/${ORG_A}/seats/handover`,
        fields: {
          role: 'alternate',
          email: `hostile.holder.${handovers}@example.org`,
          fullName: 'Casey Newholder',
          effectiveOn: addDays(DEMO_TODAY, handovers),
        },
      }
    },
    freeText: {
      fullName: {
        tooLong: 'Enter the full name of the new holder, 1 to 200 characters.',
        readBack: async (db, sent) =>
          (
            await queryRows<{ v: string }>(
              db,
              sql`select full_name as v from people where lower(email) = lower(${sent.email ?? ''})`,
            )
          ).map((r) => r.v),
      },
    },
    // A new holder is invited, so the staff invitations list shows the name. The seats page shows it too
    // (tests/integration/seats.test.ts checks it escaped there), but it sends anonymous visitors to sign in,
    // which this suite's anonymous check of non-staff pages cannot tell from a missing name.
    shownAt: () => ['/staff/invitations'],
  },
  'POST /organizations/:slug/seats/swap': {
    sample: () => ({
      path: `/organizations/${ORG_A}/seats/swap`,
      fields: { effectiveOn: addDays(DEMO_TODAY, 400) },
    }),
  },
  'POST /staff/organizations/:slug/status': {
    sample: () => {
      statusSlug = admittedSlugs[statusChanges++ % admittedSlugs.length] ?? ''
      return {
        path: `/staff/organizations/${statusSlug}/status`,
        fields: { action: 'suspend', reason: 'Dues unpaid for two years.', effectiveOn: DEMO_TODAY },
      }
    },
    freeText: {
      reason: {
        tooLong: 'Write the reason in at most 2,000 characters (this one has 10,001).',
        readBack: async (db) =>
          (
            await queryRows<{ v: string }>(
              db,
              sql`select reason as v from admission_events order by recorded_at desc, id desc limit 1`,
            )
          ).map((r) => r.v),
      },
    },
    shownAt: () => [`/staff/organizations/${statusSlug}/status`],
  },
  // A JSON API: the cross-site checks apply to sessions (tokens are exempt); its own suite covers the rest.
  'PATCH /api/v1/organizations/:slug': {
    sample: () => ({
      path: `/api/v1/organizations/${ORG_A}`,
      fields: { summary: 'A regional partnership.' },
    }),
  },
}
