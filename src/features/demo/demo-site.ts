import { homeDefaults } from '#src/features/site/index.ts'
import { demoId } from './demo-id.ts'
import { type DemoNetwork, recordedAt } from './demo-network.ts'

/** The network's identity as staff would set it (facts: the collaborative's name and acronym). */
const identity = {
  siteName: 'American Manufacturing Community Collaborative',
  siteShortName: 'AMCC',
  siteDescription:
    'A national alliance of regional manufacturing communities and the agencies and experts who back them.',
  // A demonstration address: the real network's is not published in our sources.
  siteContactEmail: 'info@amcc.example.org',
}

type DemoPage = {
  slug: string
  parent?: string
  title: string
  summary: string
  body: string
  navOrder: number
  visibility?: 'public' | 'members'
}

/** The pages of the public site, written for the demo from the collaborative's published facts. */
const pages: DemoPage[] = [
  {
    slug: 'mission-and-purpose',
    title: 'Mission and purpose',
    summary: 'Why the collaborative exists and what its communities work towards together.',
    navOrder: 10,
    body: `## Our mission

The collaborative builds and strengthens an alliance of regions that already run economic development strategies with manufacturing at their heart. Together they aim for growth that is also cleaner and fairer: better environmental performance, and well-paid jobs open to everyone, on a renewed American manufacturing base.

## Our purpose

Manufacturing creates good jobs and local investment in regions across the country. The communities in the collaborative keep learning from one another how to make it stronger, cleaner, more secure and more inclusive.

| What members gain | How |
| --- | --- |
| Lessons from peers | A national call every Monday |
| A wider audience for their work | One presentation a year to the network |
| Briefings and resources | The shared [library](/library) |

Read how it started in [our history](/history), or see [how to join](/membership/how-to-join).
`,
  },
  {
    slug: 'history',
    title: 'History',
    summary: 'From a federal designation program to a collaborative the communities run themselves.',
    navOrder: 20,
    body: `## Designated manufacturing communities

The Commerce Department's Investing in Manufacturing Communities Partnership (IMCP) designated twelve communities in May 2014 and twelve more in July 2015. The first twelve were designated again in September 2016 for two more years.

## A collaborative of their own

In 2018 the IMCP communities and their allies formed the American Manufacturing Community Collaborative, so that the sharing would go on with the support of like-minded non-profit organisations rather than as a government program. Most IMCP communities joined.

## New designations

The Defense Department's Defense Manufacturing Community Support Program, modelled on IMCP, designates communities that support the defense industrial base. Its communities are welcome to join and to bring their own practice to the network.
`,
  },
  {
    slug: 'membership',
    title: 'Membership',
    summary: 'The two kinds of organisation in the network, and what each commits to.',
    navOrder: 30,
    body: `## Two categories

**Member communities** are regional collaborations of public and private partners carrying out an economic development plan in which manufacturing matters. A member shows four things: a written agreement behind the collaboration, a SWOT analysis that informs its plan, the regional plan itself, and an interest in building equity, inclusion and environmental sustainability into how it carries the plan out.

**BFFs** ("best friends forever", the network's own name for them) are federal agency offices, national non-profits and private firms that add open value to manufacturing communities. The Advisory Board decides who joins as a BFF.

## What every organisation commits to

1. Name one representative and one alternate.
2. Join at least half of the weekly 30-minute national calls on Mondays.
3. Give a 10 to 15 minute presentation once a year: progress and lessons for members, the open value of their work for BFFs.
4. At least once a quarter, pass the network's briefings and resources on to their own stakeholders.
`,
  },
  {
    slug: 'how-to-join',
    parent: 'membership',
    title: 'How to join',
    summary: 'Applying takes an account, a draft and the evidence for each criterion.',
    navOrder: 10,
    body: `## Applying

1. Start on the [application page](/apply) with your organisation's name and category.
2. Confirm your email address: the draft waits in your account.
3. Add the evidence for each criterion and submit.

Staff check a member community's evidence, criterion by criterion, and the Advisory Board approves. A BFF application goes to the Advisory Board, which votes.
`,
  },
  {
    slug: 'about',
    title: 'About',
    summary: 'Who runs the collaborative.',
    navOrder: 40,
    body: `The collaborative has a small staff, who coordinate the weekly calls and the records, and an Advisory Board.

- [The Advisory Board](/about/advisory-board)
- [Mission and purpose](/mission-and-purpose)
`,
  },
  {
    slug: 'advisory-board',
    parent: 'about',
    title: 'The Advisory Board',
    summary: 'The board reviews applications and votes on who joins.',
    navOrder: 10,
    body: `## What the board does

- It approves member communities once staff have checked their evidence.
- It decides by vote which organisations join as BFFs: at least half of the board must vote, and a simple majority decides.
- It follows the network's figures: attendance, presentations and the quarterly sharing.
`,
  },
]

/** The network's name and logo, and the pages of its public site, in the demo. */
export function addSiteIdentityAndPages(net: DemoNetwork, today: string): void {
  const at = recordedAt(today)
  for (const [key, value] of Object.entries(identity)) net.settings.push({ key, value, updatedAt: at })
  const written = [
    { ...homeDefaults, slug: 'home', systemKey: 'home', navOrder: 0, parent: undefined, showInNav: false },
    ...pages.map((p) => ({ ...p, bodyMarkdown: p.body, systemKey: undefined, showInNav: true })),
  ]
  for (const page of written) {
    const id = demoId('site-page', page.slug)
    net.sitePages.push({
      id,
      parentId: page.parent ? demoId('site-page', page.parent) : null,
      slug: page.slug,
      title: page.title,
      summary: page.summary,
      bodyMarkdown: page.bodyMarkdown,
      status: 'published',
      publishAt: at,
      navOrder: page.navOrder,
      showInNav: page.showInNav,
      visibility: 'public',
      systemKey: page.systemKey ?? null,
      createdAt: at,
      updatedAt: at,
    })
    net.pageRevisions.push({
      id: demoId('page-revision', `${page.slug}:1`),
      pageId: id,
      number: 1,
      slug: page.slug,
      title: page.title,
      summary: page.summary,
      bodyMarkdown: page.bodyMarkdown,
      note: 'Written for the demo',
      savedAt: at,
    })
  }
}
