import type * as s from '#src/db/schema/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { slugify } from '#src/lib/slug.ts'
import { demoId } from './demo-id.ts'
import { type DemoNetwork, FOUNDING_DATE, type Insert, recordedAt } from './demo-network.ts'
import type { CommunityFact, DemoFacts } from './facts.ts'

/** The demo's organisations: the designated communities from the facts file, and the DMCSP designees. */
export type AddOrg = (
  org: Insert<typeof s.organizations>,
  admittedOn: string | null,
  appliedOn: string,
) => void

export function addCommunity(
  net: DemoNetwork,
  c: CommunityFact,
  addOrg: AddOrg,
  programId: (code: string) => string,
) {
  const slug = slugify(c.short ?? c.name)
  const id = demoId('org', slug)
  addOrg(
    {
      id,
      slug,
      name: c.name,
      shortName: c.short ?? null,
      category: 'member',
      leadOrganization: c.lead,
      states: c.states,
      counties: c.counties,
      focusIndustries: c.focus,
    },
    FOUNDING_DATE,
    addDays(FOUNDING_DATE, -28),
  )
  for (const d of c.designations) {
    net.designations.push({
      id: demoId('designation', `${slug}:${d.program}:${d.date}`),
      organizationId: id,
      programId: programId(d.program),
      kind: d.kind,
      designatedOn: d.date,
    })
  }
  if (slug === 'amp-socal') {
    net.organizationPartners.push({
      id: demoId('partner', `${slug}:city-of-los-angeles`),
      organizationId: id,
      name: 'City of Los Angeles',
      website: 'https://www.lacity.gov',
      position: 0,
    })
  }
  for (const outcome of c.outcomes ?? []) {
    const [periodStart = '', periodEnd = ''] = outcome.period.split('/')
    const reportId = demoId('outcome', `${slug}:${outcome.period}`)
    net.outcomeReports.push({
      id: reportId,
      organizationId: id,
      periodStart,
      periodEnd,
      periodKind: 'designation',
      designationId: demoId(
        'designation',
        `${slug}:${c.designations[0]?.program}:${c.designations[0]?.date}`,
      ),
      status: 'verified',
      note: outcome.note ?? null,
      source: 'U.S. Department of Commerce redesignation press release, 2016',
      round: 1,
      createdAt: recordedAt('2016-09-27'),
      submittedAt: recordedAt('2016-09-27'),
      verifiedAt: recordedAt('2016-09-27'),
    })
    const figures = [
      ['jobs_created', outcome.jobs_created],
      ['jobs_retained', outcome.jobs_retained],
      ['workers_trained', outcome.workers_trained],
    ] as const
    for (const [metric, actual] of figures) {
      if (actual === undefined) continue
      net.outcomeFigures.push({ id: demoId('figure', `${reportId}:${metric}`), reportId, metric, actual })
    }
    const kept = net.outcomeFigures.filter((f) => f.reportId === reportId)
    net.outcomeReportEvents.push({
      id: demoId('event', `${reportId}:verified`),
      reportId,
      round: 1,
      action: 'verified',
      at: recordedAt('2016-09-27'),
      comment: 'Figures as the redesignation press release gives them.',
      figures: kept.map((f) => ({ metric: f.metric, actual: f.actual ?? null, note: null })),
    })
  }
}

/**
 * DMCSP designees become members admitted the January after their designation,
 * except the two most recent, which have applied and wait for a decision. A
 * designee that an IMCP community already carries (same date and state) is skipped.
 */
export function addDmcspDesignees(
  net: DemoNetwork,
  facts: DemoFacts,
  addOrg: AddOrg,
  programId: (code: string) => string,
) {
  const carried = facts.communities.flatMap((c) =>
    c.designations.filter((d) => d.program === 'DMCSP').map((d) => ({ date: d.date, states: c.states })),
  )
  const designees = facts.dmcsp_designees.filter(
    (d) => !carried.some((c) => c.date === d.date && c.states.some((st) => d.states.includes(st))),
  )
  designees.forEach((d, index) => {
    const name = d.name ?? `${d.lead} defense manufacturing community`
    const slug = slugify(d.name ?? `${d.lead} dmc`)
    const isPending = index >= designees.length - 2
    const admittedOn = isPending ? null : `${d.fy + 1}-01-${index % 2 === 0 ? '11' : '12'}`
    addOrg(
      {
        id: demoId('org', slug),
        slug,
        name,
        category: 'member',
        leadOrganization: d.lead,
        states: d.states,
        counties: [],
        focusIndustries: [d.focus],
      },
      admittedOn,
      isPending ? '2026-10-05' : addDays(`${d.fy + 1}-01-11`, -35),
    )
    net.designations.push({
      id: demoId('designation', `${slug}:DMCSP:${d.date}`),
      organizationId: demoId('org', slug),
      programId: programId('DMCSP'),
      kind: 'designated',
      designatedOn: d.date,
    })
  })
}
