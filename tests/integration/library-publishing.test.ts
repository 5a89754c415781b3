import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { extractPdfText } from '../../src/features/library/extract-pdf-text.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from '../support/factories.ts'
import { samplePdf } from '../support/fixtures/sample-files.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { createLibraryItem } from '../support/library-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type ItemRow = {
  id: string
  slug: string
  status: string
  approved_by: string | null
  approved_at: string | null
  published_on: string | null
}

const itemFields = (fields: Record<string, string> = {}) => ({
  kind: 'briefing',
  title: 'Apprenticeship results',
  slug: '',
  summary: 'What three regions learned.',
  bodyMarkdown: '## Results\n\nTwelve-week courses, run with employers.',
  publishedOn: '',
  links: 'The report https://example.org/report',
  tags: 'workforce, training',
  focusIndustries: 'Advanced manufacturing',
  visibility: 'members',
  callDate: '',
  intent: 'publish',
  ...fields,
})

/** Posts an item form as the page does: multipart, with an optional file. */
function postItem(
  session: Session,
  path: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array },
) {
  const form = new FormData()
  form.set('_csrf', TEST_CSRF)
  for (const [key, value] of Object.entries(fields)) form.set(key, value)
  if (file)
    form.set('attachment', new File([new Uint8Array(file.bytes)], file.name, { type: 'application/pdf' }))
  return session.app.request(path, {
    method: 'POST',
    body: form,
    headers: { Origin: TEST_ORIGIN, Cookie: session.cookieHeader },
  })
}

describe(`publishing to the library on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let staffPerson: TestPerson
  let contributor: Session
  let contributorPerson: TestPerson
  let otherRepresentative: Session
  let visitor: Session

  const item = async (where: string) => {
    const [row] = await queryRows<ItemRow>(
      database.db,
      sql`select id::text as id, slug, status, approved_by::text as approved_by, approved_at::text as approved_at,
          published_on::text as published_on from briefings where ${sql.raw(where)}`,
    )
    return row
  }
  const count = async (table: string) =>
    Number(
      (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]
        ?.n,
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const db = database.db
    const orgA = await createOrganization(db)
    const orgB = await createOrganization(db)
    contributorPerson = await seatHolder(db, orgA, 'alternate')
    const otherRep = await seatHolder(db, orgB, 'representative')
    staffPerson = await createPerson(db, { role: 'staff' })
    const signIn = async (person: TestPerson) => {
      const session = new Session(t.app)
      await signInAs(session, db, t.auth, { email: person.email })
      return session
    }
    staff = await signIn(staffPerson)
    contributor = await signIn(contributorPerson)
    otherRepresentative = await signIn(otherRep)
    visitor = new Session(t.app)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('reads the text of a real PDF, and says when a file claiming to be one cannot be read', async () => {
    const read = await extractPdfText(samplePdf('Supplier mapping in Ohio'))
    expect(read).toEqual({ ok: true, text: 'Supplier mapping in Ohio' })
    const broken = await extractPdfText(new TextEncoder().encode('%PDF-1.4\nnot really a pdf at all'))
    expect(broken.ok).toBe(false)
  })

  it('lets staff publish a briefing with a PDF whose words become searchable', async () => {
    const res = await postItem(staff, '/staff/library/new', itemFields(), {
      name: 'results.pdf',
      bytes: samplePdf('Welding apprenticeships in Wichita'),
    })
    expect(res.status).toBe(303)
    const row = await item(`slug = 'apprenticeship-results'`)
    expect(row).toMatchObject({
      status: 'published',
      approved_by: staffPerson.id,
      published_on: '2026-11-26',
    })
    const [attached] = await queryRows<{ extracted_text: string; found: boolean }>(
      database.db,
      sql`select extracted_text, search_vector @@ websearch_to_tsquery('english', 'welding wichita') as found
        from briefing_attachments where briefing_id = ${row?.id}::uuid`,
    )
    expect(attached).toEqual({ extracted_text: 'Welding apprenticeships in Wichita', found: true })
    const page = await otherRepresentative.get('/library/apprenticeship-results')
    const html = await page.text()
    expect(html).toContain('<h2>Results</h2>')
    expect(html).toContain('href="https://example.org/report"')
    expect(html).toMatch(
      /href="\/library\/apprenticeship-results\/files\/[0-9a-f-]{36}" download="">results\.pdf/,
    )
    // The publication is in the audit log, against the staff member.
    const [audit] = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor from audit_log where table_name = 'briefings' and record_id = ${row?.id} and action = 'insert'`,
    )
    expect(audit?.actor).toBe(`person:${staffPerson.id}`)
  })

  it('keeps a PDF whose text cannot be read, and says so', async () => {
    const res = await postItem(staff, '/staff/library/new', itemFields({ title: 'Scanned agreement' }), {
      name: 'scan.pdf',
      bytes: new TextEncoder().encode('%PDF-1.4\n%garbage that is no PDF body'),
    })
    expect(res.status).toBe(303)
    const edit = await pageText(await staff.get(res.headers.get('location') ?? ''))
    expect(edit).toContain('The text of the PDF could not be read')
    expect(edit).toContain('Its text could not be read: search will not find words inside it.')
  })

  it('refuses an HTML file named .pdf, keeping nothing', async () => {
    const before = [await count('briefings'), await count('stored_files')]
    const res = await postItem(staff, '/staff/library/new', itemFields({ title: 'Sneaky' }), {
      name: 'report.pdf',
      bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
    })
    expect(res.status).toBe(400)
    const text = await pageText(res)
    expect(text).toContain('report.pdf is not a PDF')
    expect(text).toContain('Nothing was saved')
    expect([await count('briefings'), await count('stored_files')]).toEqual(before)
  })

  it('refuses a seat holder staff have not allowed, with a message saying why', async () => {
    const page = await contributor.get('/library/contribute')
    const html = await page.text()
    expect(html).toContain('Staff have not allowed you to offer items to the library yet.')
    expect(html).not.toContain('name="bodyMarkdown"')
    const before = await count('briefings')
    const res = await postItem(contributor, '/library/contribute', itemFields({ title: 'Not allowed' }))
    expect(res.status).toBe(409)
    expect(await pageText(res)).toContain('Staff have not allowed you')
    expect(await count('briefings')).toBe(before)
    expect((await contributor.get('/staff/library')).status).toBe(403)
  })

  it('keeps an allowed contributor’s item from everyone but staff and them until staff approve it', async () => {
    const allow = await staff.post('/staff/library/contributors', {
      personId: contributorPerson.id,
      allowed: 'yes',
    })
    expect(allow.status).toBe(303)
    const sent = await postItem(
      contributor,
      '/library/contribute',
      itemFields({ title: 'Our supplier survey', visibility: 'public' }),
    )
    expect(sent.status).toBe(303)
    expect(await pageText(await contributor.get(sent.headers.get('location') ?? ''))).toContain(
      '“Our supplier survey” waits for staff approval.',
    )
    const row = await item(`title = 'Our supplier survey'`)
    expect(row).toMatchObject({ status: 'pending', approved_by: null })
    for (const session of [visitor, otherRepresentative]) {
      expect((await session.get(`/library/${row?.slug}`)).status).toBe(404)
      expect(await (await session.get('/library')).text()).not.toContain('Our supplier survey')
    }
    expect((await contributor.get(`/library/${row?.slug}`)).status).toBe(200)
    expect(await pageText(await staff.get('/staff/library'))).toContain('Waiting for approval (1)')

    const approve = await staff.post(`/staff/library/${row?.id}/status`, { action: 'approve' })
    expect(approve.status).toBe(303)
    const approved = await item(`id = '${row?.id}'`)
    expect(approved).toMatchObject({
      status: 'published',
      approved_by: staffPerson.id,
      published_on: '2026-11-26',
    })
    expect(approved?.approved_at).toBeTruthy()
    expect((await visitor.get(`/library/${row?.slug}`)).status).toBe(200)
  })

  it('returns an item to its contributor, who edits and sends it again; withdraws a published one', async () => {
    const sent = await postItem(
      contributor,
      '/library/contribute',
      itemFields({ title: 'Draft of a toolkit' }),
    )
    expect(sent.status).toBe(303)
    const row = await item(`title = 'Draft of a toolkit'`)
    expect((await staff.post(`/staff/library/${row?.id}/status`, { action: 'return' })).status).toBe(303)
    expect((await item(`id = '${row?.id}'`))?.status).toBe('draft')
    const own = await pageText(await contributor.get('/library/contribute'))
    expect(own).toContain('Draft of a toolkit (returned to you: edit it and send it again)')
    const again = await postItem(
      contributor,
      `/library/contribute/${row?.id}`,
      itemFields({ title: 'Toolkit, corrected', slug: 'chosen-by-contributor' }),
    )
    expect(again.status).toBe(303)
    expect(await item(`id = '${row?.id}'`)).toMatchObject({ status: 'pending', slug: row?.slug })
    // Someone else's item is not theirs to edit.
    const other = await createLibraryItem(database.db, { status: 'pending', submittedBy: staffPerson.id })
    expect((await contributor.get(`/library/contribute/${other.id}`)).status).toBe(404)

    const published = await createLibraryItem(database.db, { title: 'To withdraw', visibility: 'public' })
    expect((await visitor.get(`/library/${published.slug}`)).status).toBe(200)
    expect((await staff.post(`/staff/library/${published.id}/status`, { action: 'withdraw' })).status).toBe(
      303,
    )
    expect((await visitor.get(`/library/${published.slug}`)).status).toBe(404)
    expect(await (await visitor.get('/library')).text()).not.toContain('To withdraw')
  })

  it('keeps an old address working when staff change an item’s slug', async () => {
    const made = await createLibraryItem(database.db, {
      slug: 'old-address',
      title: 'Moving item',
      visibility: 'public',
    })
    const res = await postItem(
      staff,
      `/staff/library/${made.id}`,
      itemFields({ title: 'Moving item', slug: 'new-address', visibility: 'public', intent: 'save' }),
    )
    expect(res.status).toBe(303)
    const old = await visitor.get('/library/old-address')
    expect(old.status).toBe(301)
    expect(old.headers.get('location')).toBe('/library/new-address')
    const taken = await postItem(
      staff,
      `/staff/library/${made.id}`,
      itemFields({ title: 'Moving item', slug: 'apprenticeship-results' }),
    )
    expect(taken.status).toBe(409)
    expect(await pageText(taken)).toContain(
      'Another item already has the address /library/apprenticeship-results',
    )
  })

  it('leaves no redirect when a members-only or draft item changes address: a visitor gets a plain 404', async () => {
    const membersOnly = await createLibraryItem(database.db, { slug: 'members-old', title: 'Members move' })
    const draft = await createLibraryItem(database.db, {
      slug: 'draft-old',
      title: 'Draft move',
      status: 'draft',
      visibility: 'public',
    })
    for (const [made, to] of [
      [membersOnly, 'members-new'],
      [draft, 'draft-new'],
    ] as const) {
      const fields = itemFields({ title: made.title, slug: to, visibility: 'members', intent: 'save' })
      if (made === draft) fields.visibility = 'public'
      expect((await postItem(staff, `/staff/library/${made.id}`, fields)).status).toBe(303)
      const old = await visitor.get(`/library/${made.slug}`)
      expect(old.status).toBe(404)
      expect(old.headers.get('location')).toBeNull()
      expect(await old.text()).not.toContain(to)
    }
    const kept = await queryRows<{ from_path: string }>(
      database.db,
      sql`select from_path from redirects where from_path in ('/library/members-old', '/library/draft-old')`,
    )
    expect(kept).toEqual([])
  })

  it('offers published items, briefings and resources apart, in the sharing form; never a pending one', async () => {
    await createLibraryItem(database.db, {
      title: 'A useful resource',
      kind: 'resource',
      publishedOn: '2026-11-10',
    })
    await createLibraryItem(database.db, {
      title: 'Still pending',
      status: 'pending',
      publishedOn: '2026-11-10',
    })
    const orgs = await queryRows<{ slug: string }>(
      database.db,
      sql`select o.slug from organizations o join seats s on s.organization_id = o.id where s.person_id = ${contributorPerson.id}::uuid`,
    )
    const text = await pageText(await contributor.get(`/organizations/${orgs[0]?.slug}/sharing`))
    expect(text).toMatch(/Briefings .*Apprenticeship results.* Resources .*A useful resource/)
    expect(text).not.toContain('Still pending')
  })
})
