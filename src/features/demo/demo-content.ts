import type { BffKind } from '#src/db/schema/index.ts'

/** Fictional BFFs: the demo needs one of each kind, and no real body is named. */
export const demoBffs: { name: string; kind: BffKind; summary: string; admittedOn: string }[] = [
  {
    name: 'Demo Federal Office of Regional Manufacturing',
    kind: 'federal_agency',
    summary:
      'A fictional federal agency office for the demo. It explains funding programs open to manufacturing communities on the national call.',
    admittedOn: '2019-03-04',
  },
  {
    name: 'Demo National Alliance for Shop-Floor Skills',
    kind: 'national_ngo',
    summary:
      'A fictional national non-profit for the demo. It shares open training curricula that any community college can adopt.',
    admittedOn: '2020-09-14',
  },
  {
    name: 'Demo Open Tooling Company',
    kind: 'private_entity',
    summary:
      'A fictional firm for the demo. It publishes open-source tools that small manufacturers use to map their supply chains.',
    admittedOn: '2022-02-07',
  },
]

export const demoBriefings = [
  {
    slug: 'welcome-to-the-hub',
    title: 'The network moves to the Collaborative Hub',
    publishedOn: '2026-01-12',
    bodyMarkdown:
      'Applications, seats, calls and attendance now live in one place. Representatives can see their own obligations at any time.',
  },
  {
    slug: 'dmcsp-lessons',
    title: 'What defense manufacturing communities learned from IMCP',
    publishedOn: '2026-04-20',
    bodyMarkdown:
      'Summary of the call on how the first designated communities built their partnerships, and what newer designees can reuse.',
  },
  {
    slug: 'workforce-pipelines',
    title: 'Workforce pipelines that worked',
    publishedOn: '2026-09-21',
    bodyMarkdown: 'Three members presented training programs run with their colleges and employers.',
  },
]

const firstNames = [
  'Avery',
  'Jordan',
  'Maya',
  'Luis',
  'Priya',
  'Samuel',
  'Grace',
  'Tomás',
  'Ines',
  'Kwame',
  'Hannah',
  'Diego',
  'Mei',
  'Oliver',
  'Fatima',
  'Noah',
  'Sofía',
  'Ethan',
  'Amara',
  'Lucas',
  'Chloe',
  'Rafael',
  'Nadia',
  'Isaac',
  'Leah',
  'Mateo',
  'Zoe',
  'Elijah',
  'Aisha',
  'Caleb',
]
const lastNames = [
  'Bennett',
  'Okafor',
  'Lindqvist',
  'García',
  'Sharma',
  'Kowalski',
  'Nguyen',
  'Hughes',
  'Moreau',
  'Adeyemi',
  'Fischer',
  'Romero',
  'Chen',
  'Walsh',
  'Haddad',
  'Brooks',
  'Núñez',
  'Keller',
  'Mensah',
  'Duarte',
  'Park',
  'Silva',
  'Novak',
  'Reyes',
  'Foster',
  'Ito',
  'Larsen',
  'Quinn',
  'Farah',
  'Morgan',
  'Ortiz',
]

/** The n-th demo name, cycling through combinations that do not repeat for 900 people. */
export function demoPeopleNames(n: number): [string, string] {
  const first = firstNames[n % firstNames.length] ?? 'Alex'
  const last = lastNames[(n * 7 + Math.floor(n / firstNames.length)) % lastNames.length] ?? 'Smith'
  return [first, last]
}

/** Demo staff and Advisory Board members (fictional people, example.org addresses). */
export const demoStaffAndBoard: { name: string; email: string; title: string; role: 'staff' | 'board' }[] = [
  { name: 'Robin Castellano', email: 'staff@example.org', title: 'Network coordinator', role: 'staff' },
  { name: 'Dana Whitfield', email: 'staff2@example.org', title: 'Program associate', role: 'staff' },
  { name: 'Morgan Achebe', email: 'board@example.org', title: 'Advisory Board chair', role: 'board' },
  { name: 'Elena Vasquez', email: 'board2@example.org', title: 'Advisory Board member', role: 'board' },
  { name: 'Harold Kim', email: 'board3@example.org', title: 'Advisory Board member', role: 'board' },
]
