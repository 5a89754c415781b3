import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '#src/db/actor.ts'
import { recordRedirect } from '#src/features/site/index.ts'
import { createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { createLibraryItem } from '../support/library-factories.ts'
import { createNewsPost } from '../support/news-factories.ts'
import { pageText } from '../support/page-text.ts'
import { createSitePage } from '../support/pages-factories.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** What a reader learns from an address: its status, where it sends them, and the page's text. */
async function answer(session: Session, path: string) {
  const res = await session.get(path)
  return { status: res.status, location: res.headers.get('location'), text: await pageText(res) }
}

describe(`old addresses on ${testEngine}: followed only to what the reader may see`, () => {
  let database: TestDatabase
  let t: TestApp
  let visitor: Session
  let applicant: Session
  let member: Session
  let staff: Session

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    visitor = new Session(t.app)
    applicant = new Session(t.app)
    member = new Session(t.app)
    staff = new Session(t.app)
    const rep = await seatHolder(database.db, await createOrganization(database.db), 'representative')
    await signInAs(member, database.db, t.auth, { email: rep.email })
    await signInAs(applicant, database.db, t.auth, { email: (await createPerson(database.db)).email })
    await signInAs(staff, database.db, t.auth, {
      email: (await createPerson(database.db, { role: 'staff' })).email,
    })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  const redirect = (from: string, to: string) =>
    writeAs(database.db, 'system', (tx) => recordRedirect(tx, from, to))

  it('answers a renamed members-only post as a missing address to a visitor and an applicant, and redirects a member', async () => {
    const post = await createNewsPost(database.db, { slug: 'quokka-board-minutes', visibility: 'members' })
    await redirect('/news/quokka-minutes', `/news/${post.slug}`)
    for (const reader of [visitor, applicant]) {
      const old = await answer(reader, '/news/quokka-minutes')
      expect(old).toEqual(await answer(reader, '/news/no-such-post-at-all'))
      expect(old.status).toBe(404)
    }
    expect(await answer(member, '/news/quokka-minutes')).toMatchObject({
      status: 301,
      location: '/news/quokka-board-minutes',
    })
  })

  it('keeps the new name of a renamed draft page from everyone who may not see the draft', async () => {
    await createSitePage(database.db, { title: 'Launch plan', slug: 'quokka-launch-plan', status: 'draft' })
    await redirect('/quokka-plan', '/quokka-launch-plan')
    expect((await answer(visitor, '/quokka-plan')).status).toBe(404)
    expect((await answer(member, '/quokka-plan/')).status).toBe(404)
  })

  it('stops following an old address once its item is no longer public, with no step by staff', async () => {
    const item = await createLibraryItem(database.db, { slug: 'quokka-renamed-memo', visibility: 'public' })
    await redirect('/library/quokka-memo', `/library/${item.slug}`)
    expect((await answer(visitor, '/library/quokka-memo')).status).toBe(301)
    await writeAs(database.db, 'system', (tx) =>
      tx.execute(`update briefings set visibility = 'members' where id = '${item.id}'`),
    )
    expect((await answer(visitor, '/library/quokka-memo')).status).toBe(404)
    expect((await answer(member, '/library/quokka-memo')).status).toBe(301)
  })

  it("answers WordPress's /?p=ID of a draft post with the home page, as for an ID it never had", async () => {
    const draft = await createNewsPost(database.db, {
      slug: 'quokka-draft-idea',
      status: 'draft',
      publishAt: null,
    })
    await redirect('/?p=502', `/news/${draft.slug}`)
    const unknown = await answer(visitor, '/?p=99999')
    expect(unknown.status).toBe(200)
    expect(await answer(visitor, '/?p=502')).toEqual(unknown)
    // Staff, who may open the draft, are sent on to it.
    expect(await answer(staff, '/?p=502')).toMatchObject({ status: 301, location: '/news/quokka-draft-idea' })
  })

  it('follows an old address with non-ASCII letters however its percent-escapes are cased', async () => {
    const post = await createNewsPost(database.db, { slug: 'quokka-markaz' })
    // WordPress writes its links with lower-case escapes; browsers ask with upper case.
    await redirect('/2016/08/01/%d9%85%d8%b1%d9%83%d8%b2/', `/news/${post.slug}`)
    for (const asked of [
      '/2016/08/01/%D9%85%D8%B1%D9%83%D8%B2/',
      '/2016/08/01/مركز',
      '/2016/08/01/%d9%85%d8%b1%d9%83%d8%b2',
    ])
      expect(await answer(visitor, asked)).toMatchObject({ status: 301, location: '/news/quokka-markaz' })
  })

  it('still redirects a visitor from the old address of a public post, on GET and HEAD', async () => {
    const post = await createNewsPost(database.db, { slug: 'quokka-public-release' })
    await redirect('/2016/05/12/quokka-release/', `/news/${post.slug}`)
    expect(await answer(visitor, '/2016/05/12/quokka-release')).toMatchObject({
      status: 301,
      location: '/news/quokka-public-release',
    })
    const head = await t.app.request('/2016/05/12/quokka-release/', { method: 'HEAD' })
    expect([head.status, head.headers.get('location')]).toEqual([301, '/news/quokka-public-release'])
  })
})
