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

/** A library item of the demo (the network's briefings and resources), in our own words. */
export type DemoLibraryItem = {
  slug: string
  kind: 'briefing' | 'resource'
  title: string
  summary: string
  publishedOn: string
  bodyMarkdown: string
  tags: string[]
  focusIndustries: string[]
  visibility: 'public' | 'members'
  links?: { title: string; url: string }[]
  /** Tie it to the last call held on or before its date. */
  onCall?: boolean
}

export const demoBriefings: DemoLibraryItem[] = [
  {
    slug: 'welcome-to-the-hub',
    kind: 'briefing',
    title: 'The network moves to the Collaborative Hub',
    summary: 'Applications, seats, calls and attendance now live in one place.',
    publishedOn: '2026-01-12',
    bodyMarkdown:
      "Applications, seats, calls and attendance now live in one place. Representatives can see their own obligations at any time.\n\n## What changes for members\n\n- Your seats and your alternate are on your organisation's page.\n- Attendance is taken from the call reports.\n- The library holds the briefings to share each quarter.",
    tags: ['network news', 'how-to'],
    focusIndustries: [],
    visibility: 'public',
  },
  {
    slug: 'dmcsp-lessons',
    kind: 'briefing',
    title: 'What defense manufacturing communities learned from IMCP',
    summary:
      'How the first designated communities built their partnerships, and what newer designees can reuse.',
    publishedOn: '2026-04-20',
    bodyMarkdown:
      'Summary of the call on how the first designated communities built their partnerships, and what newer designees can reuse.\n\n| Lesson | Why it mattered |\n| --- | --- |\n| One convener | Partners knew whom to call |\n| Shared data | Grant applications reused the same figures |',
    tags: ['partnerships', 'designation'],
    focusIndustries: ['Aerospace and defense'],
    visibility: 'members',
    onCall: true,
  },
  {
    slug: 'workforce-pipelines',
    kind: 'briefing',
    title: 'Workforce pipelines that worked',
    summary: 'Three members presented training programs run with their colleges and employers.',
    publishedOn: '2026-09-21',
    bodyMarkdown:
      'Three members presented training programs run with their colleges and employers.\n\nEach started from a short list of jobs employers could not fill, and built a course of twelve weeks or less with them.',
    tags: ['workforce', 'training'],
    focusIndustries: ['Advanced manufacturing'],
    visibility: 'public',
    onCall: true,
  },
  {
    slug: 'supplier-mapping-toolkit',
    kind: 'resource',
    title: 'A toolkit for mapping regional suppliers',
    summary:
      'Open templates a community can use to list its suppliers, their capabilities and their customers.',
    publishedOn: '2026-06-08',
    bodyMarkdown:
      'A fictional resource for the demo: a spreadsheet template and a short guide to interviewing suppliers.\n\nStart with the fifty firms your partners already know.',
    tags: ['supply chain', 'how-to'],
    focusIndustries: ['Advanced manufacturing', 'Automotive'],
    visibility: 'public',
    links: [{ title: 'Demo template (example address)', url: 'https://example.org/supplier-mapping' }],
  },
  {
    slug: 'federal-funding-calendar-2026',
    kind: 'resource',
    title: 'Federal funding calendar, second half of 2026',
    summary: 'The programs open to manufacturing communities and when their applications close.',
    publishedOn: '2026-07-13',
    bodyMarkdown:
      'A fictional calendar for the demo, kept by staff for members: deadlines, matching rules and whom to ask.',
    tags: ['funding'],
    focusIndustries: [],
    visibility: 'members',
  },
  {
    slug: 'quarterly-briefing-q4-2026',
    kind: 'briefing',
    title: 'Quarterly briefing: autumn 2026',
    summary: 'What the network did this quarter, for members to pass on to their partners.',
    publishedOn: '2026-10-19',
    bodyMarkdown:
      'Four calls, two new members and a redesignation. Share this briefing with your steering committee and partners.',
    tags: ['quarterly briefing', 'network news'],
    focusIndustries: [],
    visibility: 'members',
    onCall: true,
  },
]

/** What a few demo presentations covered, for the archive: summary, topics and who may see it. */
export const demoPresentationArchive: {
  title: string
  summary: string
  topics: string[]
  visibility: 'public' | 'members'
}[] = [
  {
    title: 'An apprenticeship ladder built with two colleges',
    summary:
      'How the partnership agreed on one ladder of credentials with its colleges, and what employers pay for. Fictional, for the demo.',
    topics: ['apprenticeships', 'workforce'],
    visibility: 'public',
  },
  {
    title: 'Mapping suppliers before a plant closed',
    summary:
      'The survey that found new customers for small suppliers in the region. Fictional, for the demo.',
    topics: ['supply chain'],
    visibility: 'members',
  },
  {
    title: 'One dashboard for the partnership',
    summary: 'The shared figures that partners now report each quarter. Fictional, for the demo.',
    topics: ['data', 'partnerships'],
    visibility: 'public',
  },
  {
    title: 'Lessons from a redesignation',
    summary:
      'What the community changed between its first designation and its second. Fictional, for the demo.',
    topics: ['designation', 'partnerships'],
    visibility: 'members',
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
