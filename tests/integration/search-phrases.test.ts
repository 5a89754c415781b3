import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { briefingAttachments, newsPosts, sitePages } from '../../src/db/schema/index.ts'
import { parseQuery } from '../../src/features/search/parse-query.ts'
import { searchContent } from '../../src/features/search/search.ts'
import { createOrganization } from '../support/factories.ts'
import { DEMO_TODAY, testClock } from '../support/fixtures.ts'
import {
  searchLibraryItem,
  searchNewsPost,
  searchPage,
  searchPresentation,
} from '../support/search-factories.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

// A phrase is found through the GIN index with its words in any order, then tested on each
// candidate's in-row copy of its vector (search_phrase_vectors, kept by triggers): these tests hold
// every kind to the phrase's word order, and the copies to the rows' edits and deletions.
describe(`phrase search on ${testEngine}`, () => {
  let database: TestDatabase
  const clock = testClock(DEMO_TODAY)
  const ids: Record<string, string> = {}

  const search = async (q: string) => {
    const answer = await searchContent(database.db, {
      query: parseQuery(q),
      page: 1,
      visibilities: ['public', 'members'],
      now: clock.now(),
      today: clock.today(),
      timeZone: clock.timeZone,
    })
    return { titles: answer.results.map((r) => r.title).sort(), counts: answer.counts, total: answer.total }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    const db = database.db
    const org = await createOrganization(db, { name: 'Supply Chain Institute' })
    await createOrganization(db, { name: 'Chain and Supply Guild' })
    ids.adjacentNews = (
      await searchNewsPost(db, {
        title: 'Battery mapping',
        body: 'Foundry teams mapped the regional supply chain for batteries.',
      })
    ).id
    ids.apartNews = (
      await searchNewsPost(db, {
        title: 'Parts and hoists',
        body: 'A foundry needs a chain hoist and a supply of parts.',
      })
    ).id
    ids.titlePage = (await searchPage(db, { title: 'Supply chain resilience', body: 'Why it matters.' })).id
    await searchPage(db, { title: 'Order of words', body: 'The chain comes before any supply here.' })
    const attached = await searchLibraryItem(db, {
      title: 'Shipyard notes',
      body: 'Nothing about the phrase in the item itself.',
      attachmentText: 'Page 4: the supply chain of the yard, vendor by vendor.',
    })
    ids.attachedItem = attached.id
    await searchLibraryItem(db, { title: 'Lines and hoists', body: 'Supply lines and chain hoists.' })
    await searchPresentation(db, org, {
      title: 'Regional mapping',
      summary: 'Supply chain mapping in practice.',
    })
  })

  afterAll(async () => {
    await database?.drop()
  })

  it('finds the words side by side in every kind, and not the rows that have them apart', async () => {
    const { titles, counts } = await search('"supply chain"')
    expect(titles).toEqual([
      'Battery mapping',
      'Regional mapping',
      'Shipyard notes',
      'Supply Chain Institute',
      'Supply chain resilience',
    ])
    expect(counts).toMatchObject({ page: 1, news: 1, briefing: 1, presentation: 1, organization: 1 })
  })

  it('keeps the phrase’s stop words and operators: "of", or, an exclusion, a prefix being typed', async () => {
    expect((await search('"supply of parts"')).titles).toEqual(['Parts and hoists'])
    expect((await search('"supply chain" or hoists')).titles).toContain('Lines and hoists')
    expect((await search('"supply chain" or hoists')).titles).toContain('Battery mapping')
    // An excluded phrase excludes only the rows that hold it side by side.
    expect((await search('foundry -"supply chain"')).titles).toEqual(['Parts and hoists'])
    expect((await search('"supply chain" batt')).titles).toEqual(['Battery mapping'])
  })

  it('follows each edit and deletion of a row, its attachments included', async () => {
    const db = database.db
    await writeAs(db, 'system', async (tx) => {
      await tx
        .update(newsPosts)
        .set({ bodyMarkdown: 'Foundry work after the supply chain was rebuilt.' })
        .where(eq(newsPosts.id, ids.apartNews as string))
      await tx
        .update(newsPosts)
        .set({ bodyMarkdown: 'The batteries came by road.' })
        .where(eq(newsPosts.id, ids.adjacentNews as string))
      await tx.delete(sitePages).where(eq(sitePages.id, ids.titlePage as string))
      await tx
        .delete(briefingAttachments)
        .where(eq(briefingAttachments.briefingId, ids.attachedItem as string))
    })
    const { titles } = await search('"supply chain"')
    expect(titles).toEqual(['Parts and hoists', 'Regional mapping', 'Supply Chain Institute'])
  })
})
