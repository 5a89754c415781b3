import { randomBytes } from 'node:crypto'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import {
  type AdmissionEventKind,
  admissionEvents,
  boardMembers,
  calls,
  type OrganizationCategory,
  organizations,
  people,
  type SeatRole,
  seats,
  staffMembers,
} from '#src/db/schema/index.ts'
import { zonedTimeToUtc } from '#src/lib/time-zone.ts'
import { DEMO_TODAY } from './fixtures.ts'

/**
 * Records a test builds for itself, in a few lines, instead of searching the demo network.
 * Each writes through the audit trigger as 'system' and returns the row it made; names, slugs
 * and emails are unique unless given.
 * @example const org = await createOrganization(db); const rep = await seatHolder(db, org, 'representative')
 */
const unique = () => randomBytes(4).toString('hex')

export type TestOrganization = { id: string; slug: string; name: string; category: OrganizationCategory }
export type TestPerson = { id: string; email: string; fullName: string }
export type TestCall = { id: string; localDate: string; startsAt: string; durationMinutes: number }

/** An organisation, admitted on `admittedOn` (the demo's today by default; null leaves it unadmitted). */
export async function createOrganization(
  db: Db,
  options: {
    name?: string
    slug?: string
    category?: OrganizationCategory
    states?: string[]
    focusIndustries?: string[]
    admittedOn?: string | null
  } = {},
): Promise<TestOrganization> {
  const key = unique()
  const category = options.category ?? 'member'
  const row = {
    name: options.name ?? `Test Community ${key}`,
    slug: options.slug ?? `test-community-${key}`,
    category,
    bffKind: category === 'bff' ? ('other' as const) : null,
    states: options.states ?? ['OH'],
    focusIndustries: options.focusIndustries ?? ['Advanced manufacturing'],
  }
  const [org] = await writeAs(db, 'system', (tx) => tx.insert(organizations).values(row).returning())
  if (!org) throw new Error('the organisation was not created')
  const admittedOn = options.admittedOn === undefined ? DEMO_TODAY : options.admittedOn
  if (admittedOn) await recordAdmission(db, org.id, 'admitted', admittedOn)
  return { id: org.id, slug: org.slug, name: org.name, category }
}

/** One event of an organisation's admission history (suspended, reinstated, withdrawn…). */
export async function recordAdmission(
  db: Db,
  organizationId: string,
  kind: AdmissionEventKind,
  effectiveOn: string,
): Promise<void> {
  await writeAs(db, 'system', (tx) =>
    tx.insert(admissionEvents).values({ organizationId, kind, effectiveOn, reason: `test: ${kind}` }),
  )
}

/** A person, optionally staff or on the Advisory Board from `since` (the demo's today by default). */
export async function createPerson(
  db: Db,
  options: { fullName?: string; email?: string; role?: 'staff' | 'board'; since?: string } = {},
): Promise<TestPerson> {
  const key = unique()
  const fullName = options.fullName ?? `Test Person ${key}`
  const email = options.email ?? `person-${key}@example.org`
  const [person] = await writeAs(db, 'system', (tx) =>
    tx.insert(people).values({ fullName, email }).returning(),
  )
  if (!person) throw new Error('the person was not created')
  const startsOn = options.since ?? DEMO_TODAY
  if (options.role === 'staff')
    await writeAs(db, 'system', (tx) => tx.insert(staffMembers).values({ personId: person.id, startsOn }))
  if (options.role === 'board')
    await writeAs(db, 'system', (tx) => tx.insert(boardMembers).values({ personId: person.id, startsOn }))
  return { id: person.id, email: person.email, fullName: person.fullName }
}

/** A new person holding the organisation's `role` seat from `since` (the demo's today by default). */
export async function seatHolder(
  db: Db,
  organization: { id: string },
  role: SeatRole,
  options: { since?: string; until?: string; person?: TestPerson } = {},
): Promise<TestPerson> {
  const person = options.person ?? (await createPerson(db))
  await writeAs(db, 'system', (tx) =>
    tx.insert(seats).values({
      organizationId: organization.id,
      role,
      personId: person.id,
      startsOn: options.since ?? DEMO_TODAY,
      endsOn: options.until ?? null,
    }),
  )
  return person
}

/** A national call on `localDate` (13:00 New York time, 30 minutes), scheduled or cancelled. */
export async function createCall(
  db: Db,
  localDate: string,
  options: { startTime?: string; timeZone?: string; durationMinutes?: number; cancelled?: string } = {},
): Promise<TestCall> {
  const startTime = options.startTime ?? '13:00'
  const timeZone = options.timeZone ?? 'America/New_York'
  const [call] = await writeAs(db, 'system', (tx) =>
    tx
      .insert(calls)
      .values({
        localDate,
        startTime,
        timeZone,
        startsAt: zonedTimeToUtc(localDate, startTime, timeZone),
        durationMinutes: options.durationMinutes ?? 30,
        isSeries: false,
        status: options.cancelled ? 'cancelled' : 'scheduled',
        cancelReason: options.cancelled ?? null,
      })
      .returning(),
  )
  if (!call) throw new Error('the call was not created')
  return {
    id: call.id,
    localDate: call.localDate,
    startsAt: call.startsAt,
    durationMinutes: call.durationMinutes,
  }
}
