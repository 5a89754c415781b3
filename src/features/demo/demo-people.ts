import { demoPeopleNames, demoStaffAndBoard } from './demo-content.ts'
import { demoId } from './demo-id.ts'
import { type DemoNetwork, type DemoOrg, FOUNDING_DATE, recordedAt } from './demo-network.ts'

/** The demo's people: seat holders of every organisation, staff and the Advisory Board. */
export function addPeopleAndSeats(net: DemoNetwork, orgs: DemoOrg[], today: string, random: () => number) {
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

export function addStaffAndBoard(net: DemoNetwork) {
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
