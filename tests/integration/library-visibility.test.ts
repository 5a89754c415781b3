import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { briefingAttachments, storedFiles } from '#src/db/schema/index.ts'
import { readLibraryFilters } from '#src/features/library/library-filters.ts'
import { libraryFacets, listLibrary } from '#src/features/library/list-library.ts'
import { createCall, createOrganization, createPerson, seatHolder } from '../support/factories.ts'
import { signedInApplicant, startDraft } from '../support/fixtures/applications.ts'
import { samplePdf } from '../support/fixtures/sample-files.ts'
import { Session } from '../support/http.ts'
import { createLibraryItem, type TestLibraryItem } from '../support/library-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

describe(`who sees what in the library on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let visitor: Session
  let applicant: Session
  let representative: Session
  let publicItem: TestLibraryItem
  let membersItem: TestLibraryItem
  let pendingItem: TestLibraryItem
  let publicFile: string
  let membersFile: string

  async function attach(itemId: string, name: string): Promise<string> {
    const bytes = samplePdf(name)
    return writeAs(database.db, 'system', async (tx) => {
      const [file] = await tx
        .insert(storedFiles)
        .values({
          name: `${name}.pdf`,
          contentType: 'application/pdf',
          size: bytes.length,
          sha256: 'x'.repeat(64),
          data: bytes,
        })
        .returning({ id: storedFiles.id })
      if (!file) throw new Error('no file')
      await tx.insert(briefingAttachments).values({ briefingId: itemId, fileId: file.id })
      return file.id
    })
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const db = database.db
    const org = await createOrganization(db)
    const rep = await seatHolder(db, org, 'representative')
    const call = await createCall(db, '2026-10-05')
    publicItem = await createLibraryItem(db, {
      title: 'Open supplier toolkit',
      visibility: 'public',
      tags: ['supply chain'],
      focusIndustries: ['Automotive'],
      publishedOn: '2025-03-10',
    })
    membersItem = await createLibraryItem(db, {
      title: 'Confidential funding outlook',
      visibility: 'members',
      tags: ['secret-tag'],
      focusIndustries: ['Hidden industry'],
      callId: call.id,
      publishedOn: '2026-10-06',
    })
    pendingItem = await createLibraryItem(db, {
      title: 'Pending public note',
      visibility: 'public',
      status: 'pending',
    })
    publicFile = await attach(publicItem.id, 'toolkit')
    membersFile = await attach(membersItem.id, 'outlook')
    visitor = new Session(t.app)
    representative = new Session(t.app)
    await signInAs(representative, db, t.auth, { email: rep.email })
    applicant = new Session(t.app)
    await signedInApplicant(applicant, db, t.auth)
    await startDraft(applicant)
    await createPerson(db, { role: 'staff' })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows a visitor and an applicant only public items: no title, tag, industry, call, count or filter of the others', async () => {
    for (const [who, session] of [
      ['visitor', visitor],
      ['applicant', applicant],
    ] as const) {
      const res = await session.get('/library')
      expect(res.status, who).toBe(200)
      const html = await res.text()
      expect(html, who).toContain('Open supplier toolkit')
      for (const hidden of [
        'Confidential funding outlook',
        'secret-tag',
        'Hidden industry',
        '2026-10-05',
        'Pending public note',
      ])
        expect(html, `${who}: ${hidden}`).not.toContain(hidden)
      expect(html, who).toContain('1 item')
      expect(html, who).not.toContain('name="visibility"')
      expect(html, who).toContain('Briefings (1)')
      // Asking for members-only items by the address changes nothing.
      const asked = await (await session.get('/library?visibility=members&tag=secret-tag')).text()
      expect(asked, who).not.toContain('Confidential funding outlook')
      expect(asked, who).toContain('No item matches these filters.')
    }
  })

  it('answers 404 to a visitor and an applicant for a members-only or pending item and its files', async () => {
    for (const session of [visitor, applicant]) {
      expect((await session.get(`/library/${membersItem.slug}`)).status).toBe(404)
      expect((await session.get(`/library/${pendingItem.slug}`)).status).toBe(404)
      expect((await session.get(`/library/${membersItem.slug}/files/${membersFile}`)).status).toBe(404)
      expect((await session.get(`/library/${membersItem.slug}/files/${publicFile}`)).status).toBe(404)
    }
  })

  it('serves a public item to a visitor, cached, with its canonical link and its file as a sandboxed download', async () => {
    const res = await visitor.get(`/library/${publicItem.slug}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000/library/${publicItem.slug}"/>`)
    expect(html).toContain(`/library/${publicItem.slug}/files/${publicFile}`)
    const again = await visitor.get(`/library/${publicItem.slug}`)
    expect(again.headers.get('x-cache')).toBe('hit')
    const file = await visitor.get(`/library/${publicItem.slug}/files/${publicFile}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('application/pdf')
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="toolkit.pdf"/)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(file.headers.get('content-security-policy')).toContain('sandbox')
    // A file of another item is not served under this one's address.
    expect((await visitor.get(`/library/${publicItem.slug}/files/${membersFile}`)).status).toBe(404)
  })

  it('shows a representative members-only items, their filters and the call they were presented on', async () => {
    const list = await representative.get('/library')
    const html = await list.text()
    expect(html).toContain('Confidential funding outlook')
    expect(html).toContain('2 items')
    expect(html).toContain('name="visibility"')
    expect(html).not.toContain('Pending public note')
    const filtered = await pageText(await representative.get('/library?visibility=members'))
    expect(filtered).toContain('Confidential funding outlook')
    expect(filtered).not.toContain('Open supplier toolkit')
    const byCall = await pageText(await representative.get('/library?call=2026-10-05'))
    expect(byCall).toContain('1 item matches these filters')
    const byYear = await pageText(await representative.get('/library?year=2025'))
    expect(byYear).toContain('Open supplier toolkit')
    expect(byYear).not.toContain('Confidential funding outlook')
    const item = await representative.get(`/library/${membersItem.slug}`)
    expect(item.status).toBe(200)
    const itemHtml = await item.text()
    expect(itemHtml).toContain('href="/calls/2026-10-05"')
    expect(itemHtml).not.toContain('rel="canonical"')
    expect((await representative.get(`/library/${membersItem.slug}/files/${membersFile}`)).status).toBe(200)
    expect((await representative.get(`/library/${pendingItem.slug}`)).status).toBe(404)
  })

  it('reads a page of the library and all its filters in two statements, a visitor’s counting public items only', async () => {
    let statements = 0
    // The real database, counting the statements sent through it.
    const counting = new Proxy(database.db, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver)
        if (key !== 'execute') return value
        return (...args: unknown[]) => {
          statements++
          return value.apply(target, args)
        }
      },
    }) as Db
    const members = ['public', 'members'] as const
    const [list, facets] = await Promise.all([
      listLibrary(counting, members, readLibraryFilters({}, true)),
      libraryFacets(counting, members),
    ])
    expect(statements).toBe(2)
    expect(list.total).toBe(2)
    expect(list.items.map((i) => i.title)).toEqual(['Confidential funding outlook', 'Open supplier toolkit'])
    expect(facets).toEqual({
      kinds: [{ value: 'briefing', count: 2 }],
      tags: [
        { value: 'secret-tag', count: 1 },
        { value: 'supply chain', count: 1 },
      ],
      focusIndustries: [
        { value: 'Automotive', count: 1 },
        { value: 'Hidden industry', count: 1 },
      ],
      calls: [{ value: '2026-10-05', count: 1 }],
      years: [
        { value: '2026', count: 1 },
        { value: '2025', count: 1 },
      ],
      visibilities: [
        { value: 'members', count: 1 },
        { value: 'public', count: 1 },
      ],
    })
    expect(await libraryFacets(database.db, ['public'])).toEqual({
      kinds: [{ value: 'briefing', count: 1 }],
      tags: [{ value: 'supply chain', count: 1 }],
      focusIndustries: [{ value: 'Automotive', count: 1 }],
      calls: [],
      years: [{ value: '2025', count: 1 }],
      visibilities: [{ value: 'public', count: 1 }],
    })
    // Past the last page: no items, and still the number that match.
    const beyond = await listLibrary(database.db, members, readLibraryFilters({ page: '3' }, true))
    expect(beyond).toEqual({ items: [], total: 2 })
  })

  it("lists a call's published items on the call page, for members", async () => {
    const page = await pageText(await representative.get('/calls/2026-10-05'))
    expect(page).toContain('Confidential funding outlook')
    expect(page).not.toContain('Pending public note')
  })
})
