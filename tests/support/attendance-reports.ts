/** Attendance reports written in code for tests and benchmarks, in the Zoom participants CSV layout. */
import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { writeAs } from '../../src/db/actor.ts'
import type { Db } from '../../src/db/client.ts'
import { organizations } from '../../src/db/schema/index.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from './factories.ts'

export type ReportPerson = {
  name: string
  email?: string | null
  /** Minutes after the call's start the person joined. */
  joinMinute?: number
  minutes: number
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `MM/DD/YYYY hh:mm:ss AM` for a wall-clock minute after `startHour`:00 on `date`. */
function zoomTime(date: string, startHour: number, minute: number): string {
  const [y, m, d] = date.split('-')
  const total = startHour * 60 + minute
  const h24 = Math.floor(total / 60)
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12
  return `${m}/${d}/${y} ${pad(h12)}:${pad(total % 60)}:00 ${h24 < 12 ? 'AM' : 'PM'}`
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/**
 * A Zoom participants CSV (the newer headers, no meeting-data preamble) for a call on `date`
 * starting at `startHour`:00 in the call's zone, one row a person.
 */
export function zoomReport(date: string, rows: readonly ReportPerson[], startHour = 13): Buffer {
  const lines = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest']
  for (const row of rows) {
    const join = row.joinMinute ?? 0
    lines.push(
      [
        quote(row.name),
        row.email ?? '',
        zoomTime(date, startHour, join),
        zoomTime(date, startHour, join + row.minutes),
        String(row.minutes),
        row.email ? 'No' : 'Yes',
      ].join(','),
    )
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')
}

/** One participant of the review report who matches nobody, and who they really are (null: a guest). */
export type Unknown = { row: ReportPerson; expected: TestPerson | null }

/**
 * A network of fourteen organisations (with short names and websites) and a 30-participant Zoom
 * report for a call on `date`: twenty seat holders the matcher finds by email, and ten it cannot
 * (a typo with the organisation in brackets, a swapped name, initials, an organisation after a
 * dash, an email at an organisation's domain, a misspelling, a short name in brackets, a hyphen,
 * a device and a masked phone), with who each one is.
 */
export async function reviewNetwork(db: Db, date: string, since = '2026-01-05') {
  const key = randomBytes(3).toString('hex')
  const holders: TestPerson[] = []
  const org = async (
    name: string,
    shortName: string | null,
    website: string | null,
    rep: string,
    alt: string,
  ) => {
    const created = await createOrganization(db, {
      name: `${name} ${key}`,
      slug: `review-${holders.length / 2}-${key}`,
      admittedOn: since,
    })
    await writeAs(db, 'system', (tx) =>
      tx.update(organizations).set({ shortName, website }).where(eq(organizations.id, created.id)),
    )
    const people = []
    for (const [role, fullName] of [
      ['representative', rep],
      ['alternate', alt],
    ] as const) {
      const email = `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}.${key}@example.org`
      const person = await createPerson(db, { fullName, email })
      await seatHolder(db, created, role, { since, person })
      people.push(person)
    }
    holders.push(...people)
    return { ...created, rep: people[0] as TestPerson, alt: people[1] as TestPerson }
  }
  const harbor = await org('Harbor Robotics Alliance', 'Harbor Robotics', null, 'Jane Doe', 'Omar Haddad')
  const chidi = await org('Delta Textile Partners', null, null, 'Chidi Okafor', 'Wen Li')
  const maja = await org('Nordic Composites Group', null, null, 'Maja Lindqvist', 'Ivo Petrov')
  const prairie = await org('Prairie Forge Collaborative', null, null, 'Pat Quinn', 'Lena Brandt')
  const cascade = await org(
    'Cascade Works',
    null,
    `https://www.cascade-${key}.org`,
    'Tomas Nguyen',
    'Ruth Adler',
  )
  const rosa = await org('Mesa Batteries Consortium', null, null, 'Rosa Delgado', 'Kofi Mensah')
  const lake = await org(
    'Lakeshore Manufacturing Extension',
    `Lakeshore MEP ${key}`,
    null,
    'Iris Cole',
    'Sam Whittaker',
  )
  const ana = await org('Piedmont Furniture Network', null, null, 'Ana-Lucia Ferraz', 'Dev Patel')
  for (const name of [
    'Gulf Ports',
    'High Plains Wind',
    'Ozark Wood',
    'Sierra Chips',
    'Tidewater Ships',
    'Yukon Metals',
  ])
    await org(name, null, null, `Rep ${name}`, `Alt ${name}`)

  const unknowns: Unknown[] = [
    { row: { name: `Jane Do (Harbor Robotics)`, minutes: 40 }, expected: harbor.rep },
    { row: { name: 'Okafor Chidi', minutes: 35 }, expected: chidi.rep },
    { row: { name: 'M. Lindqvist', minutes: 30 }, expected: maja.rep },
    { row: { name: 'Pat - Prairie Forge', minutes: 45 }, expected: prairie.rep },
    { row: { name: 'tn-laptop', email: `tn@cascade-${key}.org`, minutes: 50 }, expected: cascade.rep },
    { row: { name: 'Rosa Delgato', minutes: 25 }, expected: rosa.rep },
    { row: { name: `Sam Whitaker (Lakeshore MEP ${key})`, minutes: 28 }, expected: lake.alt },
    { row: { name: 'Ana Lucia Ferraz', minutes: 33 }, expected: ana.rep },
    { row: { name: 'Jamie-iPhone', minutes: 18 }, expected: null },
    { row: { name: '+1 414 ***-**21', minutes: 47 }, expected: null },
  ]
  const targets = new Set(unknowns.flatMap((u) => (u.expected ? [u.expected.id] : [])))
  const known = holders.filter((p) => !targets.has(p.id)).slice(0, 20)
  const rows = [
    ...known.map((p, i) => ({ name: p.fullName, email: p.email, minutes: 20 + i })),
    ...unknowns.map((u) => u.row),
  ]
  return { known, unknowns, report: zoomReport(date, rows) }
}
