import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { attendance } from '#src/db/schema/index.ts'
import {
  type OutcomesBy,
  returnReport,
  saveReportDraft,
  setGoals,
  submitReport,
  verifyReport,
  yearPeriod,
} from '#src/features/outcomes/index.ts'
import { putSetting } from '#src/features/settings/index.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  recordAdmission,
  seatHolder,
  type TestOrganization,
} from '../support/factories.ts'
import { createLibraryItem, givenPresentation } from '../support/library-factories.ts'

/**
 * A small network for the annual report of 2026, seen on 1 February 2027 (the year is over), built
 * with the factories and the outcomes kernel's own commands. What the report must show:
 * - members at the end of 2026: Alpha, Beta, Gamma (Zeta withdrew in September, Epsilon joined in 2027); one BFF;
 * - calls held in 2026: 3 (a fourth was cancelled; 2025's and 2027's are other years);
 * - attendance: Alpha 2 of 3, Beta 2 of the 2 held since it joined, Gamma 0 of 3, the BFF 0 of 3,
 *   Zeta 0 of the 2 held before it withdrew: (2/3 + 1 + 0 + 0 + 0) / 5 = 33%;
 * - presentations: Alpha's public one (Beta's is members-only, Gamma's public one is of 2025);
 * - briefings: one public briefing of 2026 (not the members-only one, the resource, the draft, 2025's);
 * - outcomes: the verified reports whose period ends in 2026 only (Alpha's year, Beta's year to June);
 *   Gamma's draft and submitted reports and Zeta's returned one never count.
 */
export const REPORT_YEAR = 2026
export const REPORT_TODAY = '2027-02-01'
export const NETWORK_NAME = 'Lakes and Valleys Manufacturing Network'

export type ReportNetwork = {
  alpha: TestOrganization
  beta: TestOrganization
  gamma: TestOrganization
  zeta: TestOrganization
}

const asOrganization = (person: { id: string }): OutcomesBy => ({
  personId: person.id,
  actor: `person:${person.id}`,
  isStaff: false,
})

export async function buildReportNetwork(db: Db): Promise<ReportNetwork> {
  await writeAs(db, 'system', (tx) => putSetting(tx, 'siteName', NETWORK_NAME))
  const staff = await createPerson(db, { role: 'staff', since: '2020-01-01' })
  const byStaff: OutcomesBy = { personId: staff.id, actor: `person:${staff.id}`, isStaff: true }
  const alpha = await createOrganization(db, { name: 'Alpha Valley Makers', admittedOn: '2025-03-01' })
  const beta = await createOrganization(db, {
    name: 'Beta Coast Works',
    admittedOn: '2026-04-01',
    states: ['CA'],
  })
  const gamma = await createOrganization(db, { name: 'Gamma Plains Industry', admittedOn: '2025-01-01' })
  const zeta = await createOrganization(db, { name: 'Zeta Former Member', admittedOn: '2024-01-01' })
  await recordAdmission(db, zeta.id, 'withdrawn', '2026-09-01')
  await createOrganization(db, { name: 'Delta Federal Ally', category: 'bff', admittedOn: '2026-02-01' })
  await createOrganization(db, { name: 'Epsilon Late Joiner', admittedOn: '2027-01-10' })

  const alphaRep = await seatHolder(db, alpha, 'representative', { since: '2025-03-01' })
  const betaRep = await seatHolder(db, beta, 'representative', { since: '2026-04-01' })
  const gammaRep = await seatHolder(db, gamma, 'representative', { since: '2025-01-01' })
  const zetaRep = await seatHolder(db, zeta, 'representative', { since: '2024-01-01', until: '2026-09-01' })

  await createCall(db, '2025-12-01')
  const march = await createCall(db, '2026-03-02')
  const june = await createCall(db, '2026-06-01')
  const september = await createCall(db, '2026-09-14')
  await createCall(db, '2026-10-05', { cancelled: 'Holiday week' })
  await createCall(db, '2027-01-11')
  const present = [
    [march, alphaRep],
    [june, alphaRep],
    [june, betaRep],
    [september, betaRep],
  ] as const
  await writeAs(db, 'system', (tx) =>
    tx.insert(attendance).values(
      present.map(([call, person]) => ({
        callId: call.id,
        personId: person.id,
        seconds: 1800,
        source: 'roll_call' as const,
      })),
    ),
  )

  await givenPresentation(db, alpha, { year: 2026, visibility: 'public' })
  await givenPresentation(db, beta, { year: 2026, visibility: 'members' })
  await givenPresentation(db, gamma, { year: 2025, visibility: 'public' })
  await createLibraryItem(db, { visibility: 'public', publishedOn: '2026-05-01' })
  await createLibraryItem(db, { visibility: 'members', publishedOn: '2026-06-01' })
  await createLibraryItem(db, { visibility: 'public', publishedOn: '2026-07-01', kind: 'resource' })
  await createLibraryItem(db, { visibility: 'public', publishedOn: '2026-08-01', status: 'draft' })
  await createLibraryItem(db, { visibility: 'public', publishedOn: '2025-12-15' })

  const report = async (
    org: TestOrganization,
    rep: { id: string },
    period: { start: string; end: string },
    figures: Record<string, number>,
    end: 'draft' | 'submitted' | 'returned' | 'verified',
  ) => {
    const id = await saveReportDraft(
      db,
      {
        organizationId: org.id,
        period: {
          ...period,
          kind: period.start.endsWith('-01-01') && period.end.endsWith('-12-31') ? 'year' : 'custom',
        },
        note: null,
        evidenceUrl: null,
        figures: Object.entries(figures).map(([metric, actual]) => ({ metric, actual, note: null })),
      },
      asOrganization(rep),
    )
    if (end === 'draft') return
    await submitReport(db, id, asOrganization(rep))
    if (end === 'returned')
      await returnReport(db, id, { comment: null, figureComments: { jobs_created: 'Check this.' } }, byStaff)
    if (end === 'verified') await verifyReport(db, id, byStaff)
  }
  const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` })
  await report(
    alpha,
    alphaRep,
    year(2026),
    { jobs_created: 120, workers_trained: 45, private_investment_cents: 123_456_789 },
    'verified',
  )
  await report(alpha, alphaRep, year(2025), { jobs_created: 77 }, 'verified')
  await report(
    beta,
    betaRep,
    { start: '2025-07-01', end: '2026-06-30' },
    { jobs_created: 30, private_investment_cents: 50_000_000 },
    'verified',
  )
  await report(beta, betaRep, { start: '2026-07-01', end: '2027-06-30' }, { jobs_created: 900 }, 'verified')
  await report(gamma, gammaRep, year(2026), { jobs_created: 5_000 }, 'draft')
  await report(
    gamma,
    gammaRep,
    { start: '2026-01-01', end: '2026-06-30' },
    { jobs_created: 333 },
    'submitted',
  )
  await report(zeta, zetaRep, { start: '2026-01-01', end: '2026-08-31' }, { jobs_created: 6_000 }, 'returned')

  await setGoals(
    db,
    {
      organizationId: alpha.id,
      period: yearPeriod(2026),
      targets: { jobs_created: 200, private_investment_cents: 200_000_000 },
    },
    byStaff,
  )
  await setGoals(
    db,
    { organizationId: beta.id, period: yearPeriod(2026), targets: { jobs_created: 60 } },
    asOrganization(betaRep),
  )
  // A changed goal: the later version is the goal.
  await setGoals(
    db,
    { organizationId: beta.id, period: yearPeriod(2026), targets: { jobs_created: 40 } },
    asOrganization(betaRep),
  )
  return { alpha, beta, gamma, zeta }
}
