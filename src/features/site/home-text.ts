import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { sitePages } from '#src/db/schema/index.ts'

/** The home page's words until staff edit them (the page with system_key 'home'); the figures stay derived. */
export const homeDefaults = {
  title: 'Regional manufacturing communities, learning from each other every week',
  summary:
    "The collaborative brings together the regional partnerships that federal programs designated as manufacturing communities, starting with the Commerce Department's IMCP communities in 2014, and now the Defense Manufacturing Communities. Cities, universities, colleges, development agencies and manufacturers keep sharing what works long after a federal designation ends.",
  bodyMarkdown: `## Who can join

### Member communities

A regional collaboration of public and private partners with an economic development plan in which manufacturing matters. It applies with evidence of four things: a written collaboration agreement, a SWOT analysis behind its plan, the regional plan itself, and an interest in building diversity, equity, inclusion and environmental sustainability into how it carries the plan out.

### BFFs

Federal agency offices, national non-profits and private firms whose work adds open value to manufacturing communities. The Advisory Board decides, by vote, who joins as a BFF.

## What every organisation commits to

1. **Two named voices.** One representative and one alternate, always, with a record of who held each seat and when.
2. **The Monday call.** A 30-minute national call every week; the representative or the alternate joins at least half of the calls held each year.
3. **One presentation a year.** Ten to fifteen minutes on a call: progress and lessons for members, the open value of their work for BFFs.
4. **Pass it on, every quarter.** Share the network's briefings and resources with their own stakeholders at least once a quarter.
`,
}

export type HomeText = typeof homeDefaults

/**
 * The home page's words: the page staff edit, or the defaults until there is one. The home page is
 * always out and public, so its row's status and visibility are not read (its editor offers neither).
 */
export async function loadHomeText(db: DbOrTx): Promise<HomeText> {
  const [row] = await db
    .select({ title: sitePages.title, summary: sitePages.summary, bodyMarkdown: sitePages.bodyMarkdown })
    .from(sitePages)
    .where(eq(sitePages.systemKey, 'home'))
  return row ?? homeDefaults
}
