import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { applications } from '../../src/db/schema/index.ts'
import { apiSearchAnswerSchema } from '../../src/features/search/index.ts'
import { createOrganization, createPerson, seatHolder, type TestOrganization } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { htmlText } from '../support/page-text.ts'
import {
  searchLibraryItem,
  searchNewsPost,
  searchPage,
  searchPresentation,
} from '../support/search-factories.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type ApiAnswer = {
  query: string
  total: number
  counts: Record<string, number>
  results: { kind: string; title: string; url: string; snippet: string; publishedAt: string | null }[]
}

describe(`search on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let org: TestOrganization
  let visitor: Session
  let representative: Session
  let applicant: Session

  const api = async (session: Session, query: string): Promise<ApiAnswer> => {
    const res = await session.get(`/api/v1/search?${query}`)
    expect(res.status).toBe(200)
    return (await res.json()) as ApiAnswer
  }
  const titles = async (session: Session, q: string, extra = '') =>
    (await api(session, `q=${encodeURIComponent(q)}${extra}`)).results.map((r) => r.title)

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const db = database.db
    org = await createOrganization(db, { name: 'Lakeshore Foundry Alliance' })
    await createOrganization(db, { name: 'Quiescent Foundry Applicants', admittedOn: null })
    await searchLibraryItem(db, {
      title: 'Tariff outlook for members',
      summary: 'A confidential quarterly briefing on zeppelin tariffs.',
      visibility: 'members',
    })
    await searchLibraryItem(db, {
      title: 'Public grants primer',
      body: 'How zeppelin makers apply for grants.',
    })
    await searchLibraryItem(db, { title: 'Unapproved zeppelin draft', status: 'pending' })
    await searchLibraryItem(db, {
      title: 'Scanned workforce report',
      kind: 'resource',
      attachmentText: 'Apprenticeship pipelines in shipbuilding yards.',
    })
    await searchLibraryItem(db, {
      title: 'Greenhouse notes',
      body: 'Lettuce trials.',
      tags: ['hydroponics', 'food'],
    })
    await searchNewsPost(db, { title: 'Market day', body: 'Stalls and stands.', tags: ['marzipan'] })
    // Ranking: the word in one title, and many times in another document's body.
    await searchNewsPost(db, {
      title: 'Notes from the week',
      body: 'Quasar quasar quasar quasar quasar: the quasar program, quasar grants, quasar again.',
      publishAt: '2026-06-01T12:00:00Z',
    })
    await searchPage(db, {
      title: 'The Quasar program',
      body: 'A page about it.',
      publishAt: '2025-01-01T12:00:00Z',
    })
    await searchNewsPost(db, {
      title: 'Manufacturing jobs report',
      summary: 'Growth in manufacturing across the region.',
    })
    await searchNewsPost(db, {
      title: 'Scheduled zeppelin news',
      status: 'scheduled',
      publishAt: '2027-01-01T00:00:00Z',
    })
    await searchNewsPost(db, { title: 'Draft zeppelin news', status: 'draft' })
    await searchPage(db, {
      title: 'Escaping test',
      // \u0001 and \u0002 are the characters a snippet marks its matches with inside the database.
      body: 'A page that quotes <script>alert("x")</script> near the word kumquat & other <b>tags</b>, \u0001forged\u0002.',
    })
    const parent = await searchPage(db, {
      title: 'Members area',
      visibility: 'members',
      slug: 'members-area',
    })
    await searchPage(db, {
      title: 'Zeppelin hangar under a members page',
      parentId: parent.id,
      slug: 'hangar',
    })
    await searchPresentation(db, org, {
      title: 'Zeppelin supply chains',
      summary: 'What the alliance learned.',
    })
    const rep = await seatHolder(db, org, 'representative')
    const person = await createPerson(db)
    await writeAs(db, 'system', (tx) =>
      tx.insert(applications).values({ category: 'member', status: 'submitted', applicantId: person.id }),
    )
    visitor = new Session(t.app)
    representative = new Session(t.app)
    await signInAs(representative, db, t.auth, { email: rep.email })
    applicant = new Session(t.app)
    await signInAs(applicant, db, t.auth, { email: person.email })
  })

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows a members-only briefing to a representative, never to a visitor or an applicant', async () => {
    const asRep = await api(representative, 'q=zeppelin')
    expect(asRep.results.map((r) => r.title)).toContain('Tariff outlook for members')
    for (const session of [visitor, applicant]) {
      const answer = await api(session, 'q=zeppelin')
      expect(answer.results.map((r) => r.title)).not.toContain('Tariff outlook for members')
      // Nor does a count give it away.
      // The briefing and the page under a members-only page are the two a member sees more.
      expect(answer.total).toBe(asRep.total - 2)
      expect(answer.counts.briefing).toBe((asRep.counts.briefing ?? 0) - 1)
      const page = await session.get('/search?q=tariff')
      expect(page.status).toBe(200)
      const text = htmlText(await page.text())
      expect(text).not.toContain('Tariff outlook')
      expect(text).toContain('No results for “tariff”')
    }
    const repPage = await representative.get('/search?q=tariff')
    expect(htmlText(await repPage.text())).toContain('Tariff outlook for members')
    expect(repPage.headers.get('cache-control')).toBe('private, no-store')
  })

  it('finds only what is out: no draft, pending, scheduled item or unadmitted organisation', async () => {
    const found = await titles(representative, 'zeppelin')
    expect(found).toEqual(
      expect.arrayContaining([
        'Tariff outlook for members',
        'Public grants primer',
        'Zeppelin supply chains',
      ]),
    )
    for (const hidden of ['Unapproved zeppelin draft', 'Scheduled zeppelin news', 'Draft zeppelin news'])
      expect(found).not.toContain(hidden)
    expect(await titles(visitor, 'quiescent')).toEqual([])
    expect(await titles(visitor, 'lakeshore')).toEqual(['Lakeshore Foundry Alliance'])
  })

  it('hides a public page under a members-only page from visitors, and gives the member its full address', async () => {
    expect(await titles(visitor, 'hangar')).toEqual([])
    const [hit] = (await api(representative, 'q=hangar')).results
    expect(hit?.url).toBe(`${TEST_ORIGIN}/members-area/hangar`)
  })

  it('ranks a title match above a body match, whatever the body repeats', async () => {
    expect(await titles(visitor, 'quasar')).toEqual(['The Quasar program', 'Notes from the week'])
  })

  it('ranks old title and summary matches above newer body matches, those newest first', async () => {
    const db = database.db
    await searchPage(db, { title: 'Tundra and permafrost field guide', publishAt: '2019-05-01T12:00:00Z' })
    await searchNewsPost(db, {
      title: 'Permafrost atlas',
      body: 'A map of the tundra.',
      publishAt: '2017-05-01T12:00:00Z',
    })
    await searchNewsPost(db, {
      title: 'Quiet notes',
      summary: 'On the tundra and its permafrost.',
      publishAt: '2018-05-01T12:00:00Z',
    })
    for (let i = 1; i <= 5; i += 1)
      await searchNewsPost(db, {
        title: `Field bulletin ${i}`,
        body: 'Tundra permafrost, tundra permafrost, tundra again and again.',
        publishAt: `2026-03-0${i}T12:00:00Z`,
      })
    const bulletins = [5, 4, 3, 2, 1].map((i) => `Field bulletin ${i}`)
    // Both words in the title, then one of them, then both in the summary; body matches newest first.
    expect(await titles(visitor, 'tundra permafrost')).toEqual([
      'Tundra and permafrost field guide',
      'Permafrost atlas',
      'Quiet notes',
      ...bulletins,
    ])
    // A word in nearly every document: the old title and summary matches still come first.
    expect(await titles(visitor, 'tundra')).toEqual([
      'Tundra and permafrost field guide',
      'Quiet notes',
      ...bulletins,
      'Permafrost atlas',
    ])
  })

  it('stems English words and matches the last word as a prefix', async () => {
    expect(await titles(visitor, 'manufacturer')).toContain('Manufacturing jobs report')
    expect(await titles(visitor, 'manufa')).toContain('Manufacturing jobs report')
    expect(await titles(visitor, 'jobs manuf')).toContain('Manufacturing jobs report')
    expect(await titles(visitor, '"manufacturing jobs"')).toContain('Manufacturing jobs report')
    expect(await titles(visitor, 'manufacturing -region')).not.toContain('Manufacturing jobs report')
  })

  it('finds a library item by the text of its attachment', async () => {
    const answer = await api(visitor, 'q=apprenticeship')
    expect(answer.results.map((r) => [r.kind, r.title])).toEqual([['resource', 'Scanned workforce report']])
    expect(answer.results[0]?.snippet).toContain('<mark>Apprenticeship</mark>')
  })

  it('shows the tag an item was found by, highlighted in its snippet', async () => {
    const [item] = (await api(visitor, 'q=hydroponics')).results
    expect(item?.title).toBe('Greenhouse notes')
    expect(item?.snippet).toContain('Tags: <mark>hydroponics</mark>, food')
    const [post] = (await api(visitor, 'q=marzipan')).results
    expect(post?.title).toBe('Market day')
    expect(post?.snippet).toContain('<mark>marzipan</mark>')
    expect(post?.snippet).toBe('Tags: <mark>marzipan</mark>. Stalls and stands')
  })

  it('shows a summary the body begins with once, and an ellipsis where the snippet begins mid-sentence', async () => {
    const summary = 'Three members ran tamarind courses with their colleges.'
    await searchLibraryItem(database.db, {
      title: 'Course notes',
      summary,
      body: `${summary}\n\nEach course began from a short list of jobs employers could not fill.`,
    })
    const [item] = (await api(visitor, 'q=tamarind')).results
    expect(item?.title).toBe('Course notes')
    const text = item?.snippet.replace(/<\/?mark>/g, '') ?? ''
    expect(text.split('Three members ran tamarind courses').length - 1).toBe(1)
    await searchLibraryItem(database.db, {
      title: 'Long notes',
      body: `${'Words before the match go here and there. '.repeat(4)}then the persimmon program, which is near the end of this text.`,
    })
    const [long] = (await api(visitor, 'q=persimmon')).results
    expect(long?.snippet).toMatch(/^… [a-z]/)
    expect(long?.snippet).toContain('<mark>persimmon</mark>')
  })

  it("keeps a presentation's topics and an organisation's focus apart from its summary in the snippet", async () => {
    await searchPresentation(database.db, org, {
      title: 'Lessons from the floor',
      summary: 'What two plants changed.',
      year: 2025,
      topics: ['Quillwork training', 'Safety'],
    })
    const [talk] = (await api(visitor, 'q=quillwork')).results
    expect(talk?.snippet).toBe('What two plants changed. Topics: <mark>Quillwork</mark> training, Safety')
    await createOrganization(database.db, { name: 'Nimbus Works', focusIndustries: ['Nimbusite casting'] })
    const [works] = (await api(visitor, 'q=nimbusite')).results
    expect(works?.snippet).toContain('Focus industries: <mark>Nimbusite</mark> casting')
  })

  it('shows markup in a document as text, with only its own <mark>', async () => {
    const [hit] = (await api(visitor, 'q=kumquat')).results
    expect(hit?.snippet).toContain('&lt;script&gt;')
    expect(hit?.snippet).toContain('<mark>kumquat</mark>')
    expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<|>/)
    expect(hit?.snippet).toContain('forged')
    expect(hit?.snippet).not.toContain('<mark>forged')
    const html = await (await visitor.get('/search?q=kumquat')).text()
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert')
    expect(html).toContain('<mark>kumquat</mark>')
  })

  it('filters by kind with counts of what the viewer may see', async () => {
    const all = await api(visitor, 'q=zeppelin')
    const briefingsOnly = await api(visitor, 'q=zeppelin&kind=briefing')
    expect(briefingsOnly.results.every((r) => r.kind === 'briefing')).toBe(true)
    expect(briefingsOnly.total).toBe(all.counts.briefing)
    const page = htmlText(await (await visitor.get('/search?q=zeppelin&kind=presentation')).text())
    expect(page).toContain(`All (${all.total})`)
    expect(page).toContain('Presentations (1)')
    expect(page).toContain('Zeppelin supply chains')
    expect(page).not.toContain('Public grants primer')
  })

  it('answers hostile and empty queries without an error', async () => {
    const hostile = ["'", ':', '&|!()', '\\', "a' | b:*", 'x:* & !y', '"unclosed', '-', 'x'.repeat(5000), '']
    for (const q of hostile) {
      const res = await visitor.get(`/search?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
      const json = await api(visitor, `q=${encodeURIComponent(q)}&page=9999&kind=nonsense`)
      expect(json.query.length).toBeLessThanOrEqual(200)
    }
    const empty = htmlText(await (await visitor.get('/search')).text())
    expect(empty).toContain('Search the pages, news')
  })

  it('caches what a visitor sees by the normalised query, and says noindex', async () => {
    const first = await visitor.get('/search?q=zeppelin%20%20')
    expect(first.headers.get('x-cache')).toBe('miss')
    expect(first.headers.get('x-robots-tag')).toBe('noindex')
    expect(await first.text()).toContain('<meta name="robots" content="noindex"/>')
    const again = await visitor.get('/search?q=%20zeppelin&utm=1')
    expect(again.headers.get('x-cache')).toBe('hit')
  })

  it('answers the API as its OpenAPI document says', async () => {
    const document = (await (await visitor.get('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(document.paths['/api/v1/search']).toBeDefined()
    const answer = await api(representative, 'q=zeppelin&kind=briefing')
    expect(() => apiSearchAnswerSchema.parse(answer)).not.toThrow()
    expect(answer.results[0]?.url).toMatch(new RegExp(`^${TEST_ORIGIN}/library/`))
  })

  it('pages through many results', async () => {
    for (let i = 0; i < 12; i += 1) await searchNewsPost(database.db, { title: `Yonder bulletin ${i}` })
    const first = await api(visitor, 'q=yonder')
    expect(first.total).toBe(12)
    expect(first.results).toHaveLength(10)
    expect((await api(visitor, 'q=yonder&page=2')).results).toHaveLength(2)
    const text = htmlText(await (await visitor.get('/search?q=yonder&page=2')).text())
    expect(text).toContain('12 results for “yonder”, page 2 of 2')
    expect(text).toContain('Previous')
  })

  it('searches each query for its own words, quotes and backslashes included, when many run at once', async () => {
    await searchNewsPost(database.db, { title: "O'Hare freight notes", body: 'Back\\slash C:\\temp paths.' })
    const queries = ["o'hare", 'quasar', 'apprenticeship', 'lakeshore', "o'hare freight", 'kumquat']
    // A member's searches are never cached: each one runs the statement.
    const answers = await Promise.all(queries.map((q) => titles(representative, q)))
    expect(answers).toEqual([
      ["O'Hare freight notes"],
      ['The Quasar program', 'Notes from the week'],
      ['Scanned workforce report'],
      ['Lakeshore Foundry Alliance'],
      ["O'Hare freight notes"],
      ['Escaping test'],
    ])
    expect(await titles(representative, "'); drop table news_posts; --")).toEqual([])
    expect(await titles(representative, 'back\\slash')).toEqual(["O'Hare freight notes"])
  })
})
