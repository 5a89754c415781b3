import { sql } from 'drizzle-orm'
import { queryRows } from '../../../src/db/sql.ts'
import { buildDemoNetwork } from '../../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

const ORG_A = 'amp-socal'

/** A demo sharing record of AMP SoCal in DEMO_TODAY's year: staff question it, then it is answered. */
const recordId = (() => {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const org = net.organizations.find((o) => o.slug === ORG_A)
  const record = net.sharingAttestations.find(
    (s) => s.organizationId === org?.id && s.sharedOn.startsWith(DEMO_TODAY.slice(0, 4)),
  )
  if (!record?.id) throw new Error(`the demo has no sharing record of ${ORG_A} in ${DEMO_TODAY.slice(0, 4)}`)
  return record.id
})()

/** The latest sharing record's value of a column (the record route's samples add one each). */
const latest =
  (column: 'audience' | 'channel' | 'description') => async (db: Parameters<typeof queryRows>[0]) =>
    (
      await queryRows<{ v: string | null }>(
        db,
        sql`select ${sql.identifier(column)} as v from sharing_attestations order by recorded_at desc, id desc limit 1`,
      )
    ).flatMap((r) => (r.v === null ? [] : [r.v]))

const ofRecord = (column: 'question' | 'answer') => async (db: Parameters<typeof queryRows>[0]) =>
  (
    await queryRows<{ v: string | null }>(
      db,
      sql`select ${sql.identifier(column)} as v from sharing_attestations where id = ${recordId}`,
    )
  ).flatMap((r) => (r.v === null ? [] : [r.v]))

const sharingPages = () => [`/organizations/${ORG_A}/sharing`, '/staff/sharing']

/**
 * Hostile-input entries for the sharing routes: one per state-changing route, keyed 'METHOD /path'.
 * The answer route needs a standing question: the suite runs the routes in the app's order, and
 * the question route is registered before it, so its samples put one on the record first.
 */
export const sharingEntries: Record<string, Entry> = {
  'POST /organizations/:slug/sharing': {
    sample: () => ({
      path: `/organizations/${ORG_A}/sharing`,
      fields: {
        sharedOn: DEMO_TODAY,
        audience: 'Regional partners’ steering committee',
        channel: 'Email newsletter',
        description: 'Shared the briefing on workforce pipelines.',
        evidenceUrl: 'https://amp-socal.example.org/news/november',
      },
    }),
    freeText: {
      audience: {
        tooLong: 'Describe the audience in at most 200 characters (this one has 10,001).',
        readBack: latest('audience'),
      },
      channel: {
        tooLong: 'Name the channel in at most 100 characters (this one has 10,001).',
        readBack: latest('channel'),
      },
      description: {
        tooLong: 'Write the description in at most 2,000 characters (this one has 10,001).',
        readBack: latest('description'),
      },
    },
    shownAt: sharingPages,
  },
  'POST /staff/sharing/:id/question': {
    sample: () => ({
      path: `/staff/sharing/${recordId}/question`,
      fields: { question: 'Which briefings did the newsletter carry?' },
    }),
    freeText: {
      question: {
        tooLong: 'Write the question in at most 2,000 characters (this one has 10,001).',
        readBack: ofRecord('question'),
      },
    },
    shownAt: () => [...sharingPages(), `/staff/sharing/${recordId}`],
  },
  'POST /organizations/:slug/sharing/:id/answer': {
    sample: () => ({
      path: `/organizations/${ORG_A}/sharing/${recordId}/answer`,
      fields: { answer: 'The workforce pipelines briefing, in the November issue.' },
    }),
    freeText: {
      answer: {
        tooLong: 'Write the answer in at most 2,000 characters (this one has 10,001).',
        readBack: ofRecord('answer'),
      },
    },
    shownAt: sharingPages,
  },
}
