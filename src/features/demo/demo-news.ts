import type * as s from '#src/db/schema/index.ts'
import { addDays } from '#src/lib/dates.ts'
import { demoId } from './demo-id.ts'
import type { DemoNetwork, Insert } from './demo-network.ts'

/** The slug of the demo's press release (the news benchmark reads this page). */
export const DEMO_PRESS_RELEASE_SLUG = 'amp-socal-redesignated-as-a-manufacturing-community'

type DemoPost = Omit<Insert<typeof s.newsPosts>, 'id' | 'status'> & { slug: string; day: string }

/** The demo's posts, from the facts of the sources (the wording is the demo's own). */
function posts(today: string): DemoPost[] {
  return [
    {
      slug: DEMO_PRESS_RELEASE_SLUG,
      day: '2016-09-27',
      title: 'AMP SoCal redesignated as a Manufacturing Community',
      summary:
        'The Advanced Manufacturing Partnership for Southern California keeps its IMCP Manufacturing Community standing for two more years, one of the 12 regions the Commerce Department redesignated.',
      bodyMarkdown: [
        'The U.S. Department of Commerce has renewed the Manufacturing Community designation of the **Advanced Manufacturing Partnership for Southern California (AMP SoCal)** under the Investing in Manufacturing Communities Partnership (IMCP). Commerce Secretary Penny Pritzker named it among 12 regions redesignated on September 27, 2016.',
        '## Who is behind it',
        'AMP SoCal is led by the USC Center for Economic Development at the Sol Price School of Public Policy, working with the City of Los Angeles and a long list of public and private partners. Its focus is aerospace and defense manufacturing across the ten southernmost counties of California. The region first earned the designation in 2014.',
        '## What the designation brings',
        'Designated communities receive preference when they apply for a share of about $1.3 billion in federal funding opportunities across several agencies.',
        '## Results so far',
        '| In the first two years of the designation | Reported |\n| --- | ---: |\n| Jobs created | 4,347 |\n| Jobs retained | 1,953 |\n| Workers trained in aerospace and defense skills | nearly 1,500 |',
        'These figures are those the partnership reported at the time; they are shown as reported, not as verified outcomes. The partnership also took part in the Smart Manufacturing Leadership Coalition, whose successful bid brings the Clean Energy Smart Manufacturing Innovation Institute to Los Angeles with more than $140 million of public and private funding.',
        'Read more about the community on its [profile](/organizations/amp-socal).',
      ].join('\n\n'),
      categories: ['Press release'],
      tags: ['IMCP', 'Aerospace and defense', 'California'],
    },
    {
      slug: 'twelve-more-regions-become-manufacturing-communities',
      day: '2015-07-08',
      title: 'Twelve more regions become Manufacturing Communities',
      summary:
        'A second round of the IMCP adds twelve regions, from Greater Pittsburgh to the Central Valley, to the twelve designated in 2014.',
      bodyMarkdown: [
        'The Investing in Manufacturing Communities Partnership named its second group of twelve Manufacturing Communities on July 8, 2015, each designated through 2017. They join the twelve regions designated in May 2014.',
        'The new communities include the Greater Pittsburgh Metals Manufacturing Community, the Alamo Manufacturing Partnership, the Louisiana Chemical Corridor, the Madison Region Economic Partnership, Made in the Mid-South, Greater Peoria, the Minnesota Medical Manufacturing Partnership, South Central Idaho, the Utah Advanced Materials and Manufacturing Initiative, the Pacific Northwest Partnership Region, the Connecticut Advanced Manufacturing Communities Region and the Central Valley AgPlus Food and Beverage Manufacturing Consortium.',
        'Browse them all in the [directory](/directory).',
      ].join('\n\n'),
      categories: ['Network news'],
      tags: ['IMCP'],
    },
    {
      slug: 'south-kansas-joins-the-defense-manufacturing-communities',
      day: '2021-08-11',
      title: 'South Kansas joins the Defense Manufacturing Communities',
      summary:
        'Led by Wichita State University, South Kansas adds a designation under the Defense Manufacturing Community Support Program to its IMCP history.',
      bodyMarkdown: [
        'South Kansas, led by Wichita State University, was among the regions the Department of Defense designated under the Defense Manufacturing Community Support Program (DMCSP) on August 11, 2021.',
        'The region was one of the first twelve IMCP Manufacturing Communities in 2014 and was redesignated in 2016, which makes it one of the few members to carry designations from both programs.',
      ].join('\n\n'),
      categories: ['Network news'],
      tags: ['DMCSP', 'Kansas'],
    },
    {
      slug: 'members-this-quarters-sharing-reminder',
      day: addDays(today, -7),
      title: 'For members: passing on this quarter’s briefings',
      summary:
        'A reminder for representatives and alternates: record how you shared the network’s briefings before the quarter ends.',
      bodyMarkdown:
        'Each organisation shares the network’s briefings and resources with its own stakeholders at least once a quarter. Record what you shared, with its evidence, from your organisation’s **Sharing** page before the quarter closes.',
      categories: ['Network news'],
      tags: ['Obligations'],
      visibility: 'members',
    },
  ]
}

/** The network's news in the demo: a press release and a few short posts, all dated on or before `today`. */
export function addNews(net: DemoNetwork, today: string): void {
  const author = demoId('person', 'staff@example.org')
  for (const { day, ...post } of posts(today)) {
    if (day > today) continue
    const at = `${day}T14:00:00.000Z`
    net.newsPosts.push({
      id: demoId('news', post.slug),
      status: 'published',
      publishAt: at,
      authorId: author,
      createdAt: at,
      updatedAt: at,
      ...post,
    })
  }
}
