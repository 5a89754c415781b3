import type * as s from '#src/db/schema/index.ts'
import type { Settings } from '#src/features/settings/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { seededRandom } from '#src/lib/random.ts'
import { slugify } from '#src/lib/slug.ts'
import { addCallsAndAttendance } from './demo-calls.ts'
import { demoBffs } from './demo-content.ts'
import { demoId } from './demo-id.ts'
import { addLibrary } from './demo-library.ts'
import { type DemoNetwork, type DemoOrg, type Insert, recordedAt } from './demo-network.ts'
import { addNews } from './demo-news.ts'
import { addCommunity, addDmcspDesignees } from './demo-organizations.ts'
import { addAmpSocalFacts, addDemoOutcomeReports } from './demo-outcomes.ts'
import { addPeopleAndSeats, addStaffAndBoard } from './demo-people.ts'
import { addSiteIdentityAndPages } from './demo-site.ts'
import { type DemoFacts, demoFacts } from './facts.ts'

export type { DemoNetwork }

/**
 * Builds the demo network as rows, without touching a database: real communities
 * from the facts file (unknown facts left empty), fictional BFFs, people with
 * example.org addresses, and this year's weekly calls with plausible attendance.
 * `today` decides which calls are held; the same inputs give the same rows.
 */
export function buildDemoNetwork(options: {
  today: string
  settings: Settings
  facts?: DemoFacts
}): DemoNetwork {
  const facts = options.facts ?? demoFacts
  const random = seededRandom(2018)
  const net: DemoNetwork = {
    designationPrograms: [],
    organizations: [],
    organizationPartners: [],
    admissionEvents: [],
    designations: [],
    people: [],
    seats: [],
    calls: [],
    attendance: [],
    presentations: [],
    sharingAttestations: [],
    outcomeReports: [],
    outcomeFigures: [],
    outcomeReportEvents: [],
    outcomeGoals: [],
    reportedFacts: [],
    briefings: [],
    settings: [],
    sitePages: [],
    pageRevisions: [],
    newsPosts: [],
    staffMembers: [],
    boardMembers: [],
  }
  const programId = (code: string) => demoId('program', code)
  for (const program of facts.programs) {
    net.designationPrograms.push({
      id: programId(program.code),
      code: program.code,
      name: program.name,
      agency: program.agency,
      notes: program.notes,
    })
  }

  const orgs: DemoOrg[] = []
  const addOrg = (org: Insert<typeof s.organizations>, admittedOn: string | null, appliedOn: string) => {
    net.organizations.push({
      ...org,
      isDemo: true,
      createdAt: recordedAt(appliedOn),
      updatedAt: recordedAt(appliedOn),
    })
    const id = org.id as string
    net.admissionEvents.push({
      id: demoId('admission', `${org.slug}:applied`),
      organizationId: id,
      kind: 'applied',
      effectiveOn: appliedOn,
      reason: 'Demo application.',
      recordedAt: recordedAt(appliedOn),
    })
    if (admittedOn)
      net.admissionEvents.push({
        id: demoId('admission', `${org.slug}:admitted`),
        organizationId: id,
        kind: 'admitted',
        effectiveOn: admittedOn,
        reason: 'Demo admission.',
        recordedAt: recordedAt(admittedOn),
      })
    orgs.push({ id, slug: org.slug, admittedOn, appliedOn })
  }

  for (const community of facts.communities) addCommunity(net, community, addOrg, programId)
  addDmcspDesignees(net, facts, addOrg, programId)
  for (const bff of demoBffs) {
    const slug = slugify(bff.name)
    addOrg(
      {
        id: demoId('org', slug),
        slug,
        name: bff.name,
        category: 'bff',
        bffKind: bff.kind,
        summary: bff.summary,
        website: null,
        isFictional: true,
      },
      bff.admittedOn,
      addDays(bff.admittedOn, -42),
    )
  }

  addPeopleAndSeats(net, orgs, options.today, random)
  addStaffAndBoard(net)
  addCallsAndAttendance(net, orgs, options, random)
  addLibrary(net, options.today)
  addSiteIdentityAndPages(net, options.today)
  addNews(net, options.today)
  addAmpSocalFacts(net)
  addDemoOutcomeReports(net, options.today)
  return net
}
