import type * as s from '#src/db/schema/index.ts'
import { isHeld, planCallSeries } from '#src/features/calls/index.ts'
import type { Settings } from '#src/features/settings/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { seededRandom } from '#src/lib/random.ts'
import { slugify } from '#src/lib/slug.ts'
import { demoBffs, demoBriefings, demoPeopleNames, demoStaffAndBoard } from './demo-content.ts'
import { demoId } from './demo-id.ts'
import { type CommunityFact, type DemoFacts, demoFacts } from './facts.ts'

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']

export type DemoNetwork = {
  designationPrograms: Insert<typeof s.designationPrograms>[]
  organizations: Insert<typeof s.organizations>[]
  organizationPartners: Insert<typeof s.organizationPartners>[]
  admissionEvents: Insert<typeof s.admissionEvents>[]
  designations: Insert<typeof s.designations>[]
  people: Insert<typeof s.people>[]
  seats: Insert<typeof s.seats>[]
  calls: Insert<typeof s.calls>[]
  attendance: Insert<typeof s.attendance>[]
  presentations: Insert<typeof s.presentations>[]
  sharingAttestations: Insert<typeof s.sharingAttestations>[]
  outcomeReports: Insert<typeof s.outcomeReports>[]
  outcomeFigures: Insert<typeof s.outcomeFigures>[]
  briefings: Insert<typeof s.briefings>[]
  staffMembers: Insert<typeof s.staffMembers>[]
  boardMembers: Insert<typeof s.boardMembers>[]
}

/** The collaborative formed in 2018; demo admissions of the IMCP communities use this date. */
const FOUNDING_DATE = '2018-06-04'
/** Records that happen "now" in the demo carry this fixed time, so two loads are identical. */
const recordedAt = (date: string) => `${date}T12:00:00.000Z`

type DemoOrg = {
  id: string
  slug: string
  admittedOn: string | null
  appliedOn: string
}

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
    briefings: [],
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
  for (const briefing of demoBriefings) {
    net.briefings.push({ id: demoId('briefing', briefing.slug), ...briefing, isPublic: true, isDemo: true })
  }
  return net
}

type AddOrg = (org: Insert<typeof s.organizations>, admittedOn: string | null, appliedOn: string) => void

function addCommunity(
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
      status: 'verified',
      note: outcome.note ?? null,
      source: 'U.S. Department of Commerce redesignation press release, 2016',
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
  }
}

/**
 * DMCSP designees become members admitted the January after their designation,
 * except the two most recent, which have applied and wait for a decision. A
 * designee that an IMCP community already carries (same date and state) is skipped.
 */
function addDmcspDesignees(
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

function addPeopleAndSeats(net: DemoNetwork, orgs: DemoOrg[], today: string, random: () => number) {
  let nameIndex = 0
  const nextPerson = (org: DemoOrg) => {
    const [first, last] = demoPeopleNames(nameIndex++)
    const email = `${first}.${last}.${nameIndex}@example.org`.toLowerCase().replace(/[^a-z0-9.@]/g, '')
    const id = demoId('person', email)
    net.people.push({
      id,
      fullName: `${first} ${last}`,
      email,
      organizationId: org.id,
      isDemo: true,
      createdAt: recordedAt(org.appliedOn),
    })
    return id
  }
  const year = today.slice(0, 4)
  orgs.forEach((org, index) => {
    if (!org.admittedOn) return
    for (const role of ['representative', 'alternate'] as const) {
      const personId = nextPerson(org)
      // Every seventh organisation handed its representative seat over on 1 June.
      const handover = role === 'representative' && index % 7 === 3 ? `${year}-06-01` : null
      const isHandoverDone = handover !== null && handover <= today && handover > org.admittedOn
      net.seats.push({
        id: demoId('seat', `${org.slug}:${role}:1`),
        organizationId: org.id,
        role,
        personId,
        startsOn: org.admittedOn,
        endsOn: isHandoverDone ? handover : null,
      })
      if (isHandoverDone)
        net.seats.push({
          id: demoId('seat', `${org.slug}:${role}:2`),
          organizationId: org.id,
          role,
          personId: nextPerson(org),
          startsOn: handover,
          endsOn: null,
        })
    }
    // A colleague who sometimes joins but holds no seat: shown, never counted.
    if (random() < 0.3) nextPerson(org)
  })
}

function addCallsAndAttendance(
  net: DemoNetwork,
  orgs: DemoOrg[],
  options: { today: string; settings: Settings },
  random: () => number,
) {
  const { settings, today } = options
  const year = today.slice(0, 4)
  const planned = planCallSeries(`${year}-01-01`, `${year}-12-31`, {
    weekday: settings.callWeekday,
    startTime: settings.callStartTime,
    timeZone: settings.callTimeZone,
    durationMinutes: settings.callDurationMinutes,
    cancelOnHolidays: settings.cancelCallsOnFederalHolidays,
  })
  const reliability = new Map(orgs.map((o) => [o.id, 0.4 + random() * 0.55]))
  for (const call of planned) {
    const callId = demoId('call', call.localDate)
    const isPast = call.localDate < today
    const status = call.cancelReason ? 'cancelled' : 'scheduled'
    net.calls.push({
      id: callId,
      localDate: call.localDate,
      startTime: call.startTime,
      timeZone: call.timeZone,
      startsAt: call.startsAt,
      durationMinutes: call.durationMinutes,
      status,
      cancelReason: call.cancelReason,
      seriesDate: call.localDate,
      title: 'National call',
      isDemo: true,
    })
    if (status === 'cancelled' || !isPast) continue
    for (const org of orgs) {
      if (!org.admittedOn || org.admittedOn > call.localDate) continue
      const holders = net.seats.filter(
        (seat) =>
          seat.organizationId === org.id &&
          seat.startsOn <= call.localDate &&
          (!seat.endsOn || call.localDate < seat.endsOn),
      )
      const chance = reliability.get(org.id) ?? 0.5
      for (const seat of holders) {
        const attends = random() < (seat.role === 'representative' ? chance : chance * 0.45)
        if (!attends) continue
        const minutes = random() < 0.1 ? 3 + Math.floor(random() * 6) : 18 + Math.floor(random() * 13)
        const seconds = minutes * 60 + Math.floor(random() * 60)
        net.attendance.push({
          id: demoId('attendance', `${call.localDate}:${seat.personId}`),
          callId,
          personId: seat.personId,
          seconds,
          source: 'demo',
          firstJoin: call.startsAt,
          lastLeave: new Date(Date.parse(call.startsAt) + seconds * 1000).toISOString(),
        })
      }
    }
  }
  addPresentationsAndSharing(net, orgs, today, random)
}

function addPresentationsAndSharing(net: DemoNetwork, orgs: DemoOrg[], today: string, random: () => number) {
  const year = Number(today.slice(0, 4))
  const openCalls = net.calls.filter((c) => c.status !== 'cancelled')
  const admitted = orgs.filter((o) => o.admittedOn && o.admittedOn <= `${year}-12-31`)
  admitted.forEach((org, index) => {
    // Two presentations a call, in turn through the year.
    const call = openCalls[Math.floor(index / 2) % openCalls.length]
    if (!call) return
    const isDone = isHeld({ status: call.status ?? 'scheduled', localDate: call.localDate }, today)
    net.presentations.push({
      id: demoId('presentation', `${org.slug}:${year}`),
      organizationId: org.id,
      year,
      callId: call.id,
      requestedMonth: Number(call.localDate.slice(5, 7)),
      status: isDone ? (random() < 0.9 ? 'given' : 'missed') : 'planned',
      title: 'Progress and best practices',
      actualMinutes: isDone ? 10 + Math.floor(random() * 6) : null,
    })
  })
  for (const org of admitted) {
    for (const quarter of [1, 2, 3, 4]) {
      const quarterEnd = `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`
      const admittedOn = org.admittedOn ?? ''
      if (admittedOn > quarterEnd) continue
      // Mid-quarter, or a week after admission for an organisation admitted later in the quarter.
      const middle = `${year}-${String(quarter * 3 - 1).padStart(2, '0')}-15`
      const afterAdmission = addDays(admittedOn, 7)
      const sharedOn =
        admittedOn < middle ? middle : afterAdmission < quarterEnd ? afterAdmission : quarterEnd
      if (sharedOn > today || random() < 0.03) continue
      net.sharingAttestations.push({
        id: demoId('sharing', `${org.slug}:${year}:Q${quarter}`),
        organizationId: org.id,
        sharedOn,
        audience: 'Regional partners',
        channel: 'Newsletter',
        description: 'Shared the network briefings of the quarter.',
        recordedAt: recordedAt(sharedOn),
      })
    }
  }
}

/** The collaborative's own people: two staff coordinators and a three-person Advisory Board. */
function addStaffAndBoard(net: DemoNetwork) {
  for (const [index, person] of demoStaffAndBoard.entries()) {
    const id = demoId('person', person.email)
    net.people.push({
      id,
      fullName: person.name,
      email: person.email,
      title: person.title,
      isDemo: true,
      createdAt: recordedAt(FOUNDING_DATE),
    })
    const term = { id: demoId(person.role, person.email), personId: id, startsOn: FOUNDING_DATE }
    if (person.role === 'staff') net.staffMembers.push({ ...term, title: person.title })
    else net.boardMembers.push({ ...term, startsOn: index % 2 === 0 ? FOUNDING_DATE : '2022-01-10' })
  }
}
