import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { applicationEvents, applicationReviews, applications, settings } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import {
  completeMemberDraft,
  nominationPairs,
  postPairs,
  postUpload,
  rowsOf,
  signedInApplicant,
  startDraft,
} from '../support/fixtures/applications.ts'
import { nearMisses, pdfOfSize, sampleFiles } from '../support/fixtures/sample-files.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>

/** The visible text of a page: no tags, entities decoded, spaces collapsed. */

const pathOf = (location: string | null) => {
  const url = new URL(location ?? '/', TEST_ORIGIN)
  return `${url.pathname}${url.search}`
}

type AppRow = {
  status: string
  round: number
  organization_name: string
  lead_organization: string | null
  website: string | null
  summary: string | null
  states: string[]
  counties: string[]
  partners: string[]
  focus_industries: string[]
  designations: unknown
  bff_kind: string | null
  open_source_value: string | null
  submitted_at: string | null
}

describe(`applying for membership on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let t: TestApp

  const row = async (id: string) => {
    const [found] = await queryRows<AppRow>(database.db, sql`select * from applications where id = ${id}`)
    if (!found) throw new Error(`no application ${id}`)
    return found
  }
  const events = (id: string) =>
    queryRows<{ kind: string; round: number; comment: string | null; actor_id: string | null }>(
      database.db,
      sql`select kind, round, comment, actor_id from application_events where application_id = ${id}
        order by created_at, kind`,
    )
  const fileCount = async () =>
    (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from stored_files`))[0]?.n

  /** A signed-in applicant with a member draft of their own. */
  async function applicantWithDraft(
    options: { category?: 'member' | 'bff'; organizationName?: string } = {},
  ) {
    const session = new Session(t.app)
    const person = await signedInApplicant(session, database.db, t.auth)
    const id = await startDraft(session, options)
    return { session, person, id }
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    sink = await startSmtpSink()
    t = await createTestApp(database, { smtpUrl: sink.url })
  })

  afterAll(async () => {
    await t?.stop()
    await sink?.stop()
    await database?.drop()
  })

  describe('the public apply page', () => {
    it('explains both categories, the four criteria and the obligations, and asks who applies for what', async () => {
      const response = await t.app.request('/apply')
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      const html = await response.text()
      const text = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
      for (const words of [
        'As a member community',
        'As a BFF',
        'Written collaboration agreement',
        'SWOT analysis',
        'Regional economic development plan with a manufacturing component',
        'Interest in DEI and environmental sustainability',
        'A representative and an alternate',
        'The weekly call',
      ])
        expect(text).toContain(words)
      for (const [id, label] of [
        ['start-fullName', 'Your full name'],
        ['start-email', 'Your email address'],
        ['start-organizationName', 'Name of the organisation'],
        ['start-category-member', 'A member community'],
        ['start-category-bff', 'A BFF'],
      ])
        expect(html).toContain(`<label for="${id}">${label}</label>`)
      expect(html).toMatch(/<input type="hidden" name="_csrf" value="[\w-]{20,}"/)
    })

    it('starts a draft for someone new, emails a link that signs them in, and lands on the draft', async () => {
      const email = 'Jordan.Rivers@Example.org'
      const session = new Session(t.app)
      const response = await session.post('/apply', {
        fullName: 'Jordan Rivers',
        email,
        category: 'member',
        organizationName: 'Upper Peninsula Makers Alliance',
      })
      expect(response.status).toBe(200)
      expect(await pageText(response)).toContain('Check your email We sent you a link to your draft')

      const person = await personByEmail(database.db, email)
      expect(person?.fullName).toBe('Jordan Rivers')
      const [draft] = await queryRows<{
        id: string
        status: string
        round: number
        organization_name: string
      }>(
        database.db,
        sql`select id, status, round, organization_name from applications where applicant_id = ${person?.id ?? ''}`,
      )
      expect(draft).toMatchObject({
        status: 'draft',
        round: 0,
        organization_name: 'Upper Peninsula Makers Alliance',
      })
      expect(await events(draft?.id ?? '')).toEqual([
        { kind: 'created', round: 0, comment: null, actor_id: person?.id },
      ])
      // Written before anyone signed in: the audit log says so.
      const [created] = await queryRows<{ actor: string }>(
        database.db,
        sql`select actor from audit_log where table_name = 'applications' and record_id = ${draft?.id ?? ''}
          and action = 'insert'`,
      )
      expect(created?.actor).toBe('anonymous')

      const mail = await sink.waitFor(email)
      const link = mail.text.match(/https?:\/\/\S+/)?.[0] ?? ''
      expect(link).toContain('/api/auth/magic-link/verify?token=')
      const followed = await session.get(pathOf(link))
      expect(followed.status).toBe(302)
      expect(pathOf(followed.headers.get('location'))).toBe(`/applications/${draft?.id}`)
      const page = await session.get(`/applications/${draft?.id}`)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('value="Upper Peninsula Makers Alliance"')
      expect(html).toContain('Jordan Rivers')
    })

    it('refuses a start form with a bad address and no category, keeping what was typed', async () => {
      const response = await new Session(t.app).post('/apply', {
        fullName: 'Sam Ortiz',
        email: 'not an address',
        category: '',
        organizationName: 'Delta Works',
      })
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain('id="start-email-error">Enter an email address such as name@example.org.<')
      expect(html).toContain('Choose whether you apply as a member community or as a BFF.')
      expect(html).toContain('value="Sam Ortiz"')
      expect(html).toContain('value="Delta Works"')
      expect(await personByEmail(database.db, 'not an address')).toBeUndefined()
    })

    it('takes a signed-in person straight to their new draft, without an email', async () => {
      const session = new Session(t.app)
      const person = await signedInApplicant(session, database.db, t.auth)
      const page = await session.get('/apply')
      expect(await page.text()).not.toContain('name="email"')
      const before = sink.messages.length
      const response = await session.post('/apply', {
        category: 'bff',
        organizationName: 'Open Factory Data',
      })
      expect(response.status).toBe(303)
      const id = pathOf(response.headers.get('location')).match(/\/applications\/([0-9a-f-]{36})/)?.[1] ?? ''
      expect((await row(id)).status).toBe('draft')
      const listed = await session.get('/applications')
      expect(await pageText(listed)).toContain('Open Factory Data BFF · Draft')
      await new Promise((r) => setTimeout(r, 100))
      expect(sink.messages.length).toBe(before)
      expect(sink.messages.some((m) => m.to.includes(person.email))).toBe(false)
    })
  })

  describe('the draft', () => {
    it('saves the profile and shows every value again when the applicant comes back', async () => {
      const { session, id } = await applicantWithDraft()
      const saved = await postPairs(session, `/applications/${id}`, [
        ['organizationName', 'Great Lakes Manufacturing Partnership'],
        ['shortName', 'GLMP'],
        ['leadOrganization', 'Lakeshore University'],
        ['website', 'https://glmp.example.org'],
        ['summary', 'Ten counties, one plan.\nManufacturing first.'],
        ['partners', 'City of Lakeshore\r\nLakeshore College\n\nPort Authority\nCity of Lakeshore'],
        ['focusIndustries', 'Automotive\nAdvanced materials'],
        ['designationProgram', 'IMCP'],
        ['designationOther', ''],
        ['designationKind', 'designated'],
        ['designationDate', '2014-05-28'],
        ['designationProgram', 'other'],
        ['designationOther', 'State manufacturing initiative'],
        ['designationKind', 'redesignated'],
        ['designationDate', '2019-03-01'],
        ['designationProgram', ''],
        ['designationOther', ''],
        ['designationKind', 'designated'],
        ['designationDate', ''],
      ])
      expect(saved.status).toBe(303)
      expect(saved.headers.get('location')).toBe(`/applications/${id}?notice=saved`)
      expect(await row(id)).toMatchObject({
        short_name: 'GLMP',
        lead_organization: 'Lakeshore University',
        website: 'https://glmp.example.org',
        summary: 'Ten counties, one plan.\nManufacturing first.',
        partners: ['City of Lakeshore', 'Lakeshore College', 'Port Authority'],
        focus_industries: ['Automotive', 'Advanced materials'],
        designations: [
          { program: 'IMCP', kind: 'designated', date: '2014-05-28' },
          { program: 'State manufacturing initiative', kind: 'redesignated', date: '2019-03-01' },
        ],
      })

      const page = await session.get(`/applications/${id}?notice=saved`)
      const html = await page.text()
      expect(html).toContain('Your draft is saved.')
      expect(html).toContain('value="GLMP"')
      expect(html).toContain('value="https://glmp.example.org"')
      expect(html).toContain('>Ten counties, one plan.\nManufacturing first.</textarea>')
      expect(html).toContain('>City of Lakeshore\nLakeshore College\nPort Authority</textarea>')
      expect(html).toContain('value="State manufacturing initiative"')
      expect(html).toContain('value="2019-03-01"')
      expect(html).toMatch(/<option value="IMCP" selected="">/)
      expect(html).toContain('<legend>Add a designation</legend>')
    })

    it('refuses a designation without a date, keeping the row as typed and nothing else lost', async () => {
      const { session, id } = await applicantWithDraft()
      const response = await postPairs(session, `/applications/${id}`, [
        ['shortName', 'GLMP'],
        ['designationProgram', 'TECHHUB'],
        ['designationOther', ''],
        ['designationKind', 'designated'],
        ['designationDate', ''],
        ['designationProgram', ''],
        ['designationOther', ''],
        ['designationKind', 'designated'],
        ['designationDate', ''],
      ])
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain(
        'id="designations-error">Enter the date of the designation (a date from 1990 to today, such as 2014-05-28).<',
      )
      expect(html).toMatch(/<option value="TECHHUB" selected="">/)
      // The row as typed, and one empty row to add another.
      expect(html.match(/name="designationProgram"/g)).toHaveLength(2)
      expect(await row(id)).toMatchObject({ designations: [], short_name: 'GLMP' })
    })

    it('refuses an invalid website next to the field, and saves the other fields', async () => {
      const { session, id } = await applicantWithDraft()
      const response = await session.post(`/applications/${id}`, {
        website: 'glmp dot org',
        summary: 'Saved even though the website is wrong.',
        leadOrganization: 'Lakeshore University',
      })
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain(
        'id="field-website-error">Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.<',
      )
      expect(html).toContain('value="glmp dot org"')
      expect(html).toContain('aria-invalid="true"')
      expect(await pageText(new Response(html))).toContain(
        'Some of what you typed was not saved: one field needs a change. Everything else is saved.',
      )
      expect(await row(id)).toMatchObject({
        website: null,
        summary: 'Saved even though the website is wrong.',
        lead_organization: 'Lakeshore University',
      })
    })

    it('saves only the fields a form sends, and changes nothing when nothing changed', async () => {
      const { session, id } = await applicantWithDraft()
      await session.post(`/applications/${id}`, { summary: 'First words.' })
      const before = await rowsOf(database.db, 'applications', 'id', id)
      const again = await session.post(`/applications/${id}`, { summary: 'First words.' })
      expect(again.status).toBe(303)
      expect(await rowsOf(database.db, 'applications', 'id', id)).toBe(before)
      await session.post(`/applications/${id}`, { shortName: 'FW' })
      expect(await row(id)).toMatchObject({ summary: 'First words.', short_name: 'FW' })
    })

    it('offers the counties of the chosen states by name and stores their FIPS codes', async () => {
      const { session, id } = await applicantWithDraft()
      const chose = await postPairs(session, `/applications/${id}`, [
        ['states', ''],
        ['states', 'CA'],
        ['_then', 'region'],
      ])
      expect(chose.headers.get('location')).toBe(`/applications/${id}?notice=saved#region`)
      const html = await (await session.get(`/applications/${id}`)).text()
      expect(html).toContain('<legend>Counties in California</legend>')
      expect(html).toMatch(/<input type="checkbox" id="county-06037" name="counties" value="06037"\/>/)
      expect(html).toContain('<label for="county-06037">Los Angeles</label>')
      expect(html).not.toContain('Counties in Nevada')
      expect(html).toContain('data-state="CA"')

      await postPairs(session, `/applications/${id}`, [
        ['states', ''],
        ['states', 'CA'],
        ['states', 'NV'],
        ['counties', ''],
        ['counties', '06037'],
        ['counties', '06059'],
      ])
      expect(await row(id)).toMatchObject({ states: ['CA', 'NV'], counties: ['06037', '06059'] })
      const map = await (await session.get(`/applications/${id}`)).text()
      expect(map).toContain('data-fips="06037"')
      expect(map).toMatch(/id="county-06059" name="counties" value="06059" checked=""/)
      expect(map).toContain('Los Angeles, CA; Orange, CA')

      // Unticking a state drops its counties, even when their boxes are still ticked.
      await postPairs(session, `/applications/${id}`, [
        ['states', ''],
        ['states', 'NV'],
        ['counties', ''],
        ['counties', '06037'],
      ])
      expect(await row(id)).toMatchObject({ states: ['NV'], counties: [] })
      const refused = await postPairs(session, `/applications/${id}`, [
        ['states', 'XX'],
        ['counties', '99999'],
      ])
      expect(refused.status).toBe(400)
      const text = await pageText(refused)
      expect(text).toContain('Choose the states from the list.')
      expect(text).toContain('Choose the counties from the lists.')
    })

    it('shows the BFF fields to a BFF and no region or evidence', async () => {
      const { session, id } = await applicantWithDraft({
        category: 'bff',
        organizationName: 'Federal Lab Office',
      })
      const html = await (await session.get(`/applications/${id}`)).text()
      expect(html).toContain('<label for="bffKind-federal_agency">Federal agency office</label>')
      expect(html).toContain('<label for="field-openSourceValue">The open-source value you offer</label>')
      expect(html).not.toContain('name="states"')
      expect(html).not.toContain('enctype="multipart/form-data"')
      await postPairs(session, `/applications/${id}`, [
        ['bffKind', ''],
        ['bffKind', 'national_ngo'],
        ['openSourceValue', 'Open curricula for machinists.'],
        ['states', 'CA'],
      ])
      expect(await row(id)).toMatchObject({
        bff_kind: 'national_ngo',
        open_source_value: 'Open curricula for machinists.',
        states: [],
      })
    })
  })

  describe('evidence', () => {
    it('refuses a text file named report.pdf, saying what was wrong, and keeps the draft', async () => {
      const { session, id } = await applicantWithDraft()
      await session.post(`/applications/${id}`, { summary: 'Kept through refusals.' })
      await postUpload(session, `/applications/${id}/evidence`, { criterion: 'swot' }, sampleFiles.docx())
      const files = await fileCount()
      const response = await postUpload(
        session,
        `/applications/${id}/evidence`,
        { criterion: 'agreement' },
        { ...nearMisses.textAsPdf(), type: 'application/pdf' },
      )
      expect(response.status).toBe(400)
      const html = await response.text()
      expect(html).toContain(
        'report.pdf is not a PDF: its content is not a PDF, Word, Excel, PowerPoint, PNG or JPEG file.',
      )
      expect(html).toMatch(/id="evidence-agreement-error" role="alert">report\.pdf is not a PDF/)
      expect(html).toContain('Kept through refusals.')
      expect(html).toContain('>swot.docx</a>')
      expect(await fileCount()).toBe(files)
      expect((await row(id)).summary).toBe('Kept through refusals.')
    })

    it('refuses a 21 MB file with its size and the limit, and keeps the draft', async () => {
      const { session, id } = await applicantWithDraft()
      await session.post(`/applications/${id}`, { summary: 'Still here.' })
      const files = await fileCount()
      const big = { name: 'plan.pdf', bytes: pdfOfSize(21 * 1024 * 1024) }
      const response = await postUpload(session, `/applications/${id}/evidence`, { criterion: 'plan' }, big)
      expect(response.status).toBe(413)
      const html = await response.text()
      expect(html).toContain('plan.pdf was not accepted: the file is 21.0 MB; the limit is 20 MB.')
      expect(html).toContain('Still here.')
      expect(await fileCount()).toBe(files)
    })

    it('refuses a body far over the limit by its declared length, before reading the file', async () => {
      const { session, id } = await applicantWithDraft()
      const response = await postUpload(
        session,
        `/applications/${id}/evidence`,
        { criterion: 'plan' },
        { name: 'huge.pdf', bytes: pdfOfSize(1024) },
        { 'Content-Length': String(40 * 1024 * 1024) },
      )
      expect(response.status).toBe(413)
      expect(await pageText(response)).toContain('The upload is 40.0 MB; the limit is 20 MB a file.')
    })

    it('refuses an empty file and a form with neither file nor link, keeping the draft', async () => {
      const { session, id } = await applicantWithDraft()
      const empty = await postUpload(
        session,
        `/applications/${id}/evidence`,
        { criterion: 'swot' },
        { name: 'swot.docx', bytes: new Uint8Array() },
      )
      expect(empty.status).toBe(400)
      expect(await pageText(empty)).toContain('swot.docx was not accepted: the file is empty.')
      const nothing = await postUpload(session, `/applications/${id}/evidence`, {
        criterion: 'swot',
        link: '',
      })
      expect(nothing.status).toBe(400)
      expect(await pageText(nothing)).toContain('Choose a document to upload, or give a link.')
      expect((await row(id)).organization_name).toBe('Great Lakes Manufacturing Partnership')
    })

    it('accepts a file of every kind by its content, stored with its type, hash and a safe name', async () => {
      const { session, id } = await applicantWithDraft()
      const kinds = Object.values(sampleFiles).map((make) => make())
      for (const sample of kinds) {
        const response = await postUpload(
          session,
          `/applications/${id}/evidence`,
          { criterion: 'plan' },
          { ...sample, type: 'text/plain' },
        )
        expect(response.status, sample.name).toBe(303)
      }
      // Named after one kind, made of another: the content decides, and the path is dropped.
      await postUpload(
        session,
        `/applications/${id}/evidence`,
        { criterion: 'agreement' },
        { name: 'C:\\fakepath\\scan.pdf', bytes: sampleFiles.png().bytes },
      )
      const stored = await queryRows<{ name: string; content_type: string; size: number; sha256: string }>(
        database.db,
        sql`select f.name, f.content_type, f.size::int as size, f.sha256 from application_evidence e
          join stored_files f on f.id = e.file_id where e.application_id = ${id} order by e.created_at, f.name`,
      )
      expect(stored.map((f) => [f.name, f.content_type])).toEqual([
        ...kinds.map((k) => [k.name, k.contentType]),
        ['scan.png', 'image/png'],
      ])
      const { createHash } = await import('node:crypto')
      expect(stored[0]?.sha256).toBe(createHash('sha256').update(sampleFiles.pdf().bytes).digest('hex'))
      expect(stored[0]?.size).toBe(sampleFiles.pdf().bytes.length)
      const page = await (await session.get(`/applications/${id}`)).text()
      expect(page).toContain('>scan.png</a>')
    })

    it('takes a link as evidence, refuses one that is not a web address, and removes evidence with its file', async () => {
      const { session, id } = await applicantWithDraft()
      const bad = await postUpload(session, `/applications/${id}/evidence`, {
        criterion: 'plan',
        link: 'javascript:alert(1)',
      })
      expect(bad.status).toBe(400)
      const badHtml = await bad.text()
      expect(badHtml).toContain('Enter a full web address starting with http:// or https://')
      expect(badHtml).toContain('value="javascript:alert(1)"')
      expect(badHtml).not.toContain('href="javascript:')
      const good = await postUpload(session, `/applications/${id}/evidence`, {
        criterion: 'plan',
        link: 'https://glmp.example.org/plan',
      })
      expect(good.status).toBe(303)
      expect(good.headers.get('location')).toBe(`/applications/${id}?notice=evidence-added#evidence-plan`)
      await postUpload(session, `/applications/${id}/evidence`, { criterion: 'swot' }, sampleFiles.pdf())
      const evidence = await queryRows<{ id: string; file_id: string | null }>(
        database.db,
        sql`select id, file_id from application_evidence where application_id = ${id} order by created_at`,
      )
      expect(evidence).toHaveLength(2)
      const withFile = evidence.find((e) => e.file_id)
      const removed = await session.post(`/applications/${id}/evidence/${withFile?.id}/delete`, {})
      expect(removed.status).toBe(303)
      const [left] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from stored_files where id = ${withFile?.file_id ?? ''}`,
      )
      expect(left?.n).toBe(0)
      const page = await (await session.get(`/applications/${id}`)).text()
      expect(page).toContain('href="https://glmp.example.org/plan"')
    })

    it('keeps every typed field when evidence is removed, as adding does', async () => {
      const { session, id } = await applicantWithDraft()
      const evidenceIds = async () =>
        (
          await queryRows<{ id: string }>(
            database.db,
            sql`select id from application_evidence where application_id = ${id} order by created_at`,
          )
        ).map((r) => r.id)
      for (const link of ['https://glmp.example.org/one', 'https://glmp.example.org/two'])
        await postUpload(session, `/applications/${id}/evidence`, { criterion: 'plan', link })
      const [first, second] = await evidenceIds()
      // The remove button sends the draft form: a typed summary and a link typed in another card.
      const kept = await postUpload(session, `/applications/${id}/evidence/${first}/delete`, {
        summary: 'Typed, then evidence removed.',
        'link-swot': 'https://glmp.example.org/swot-typed',
      })
      expect(kept.status).toBe(200)
      const keptHtml = await kept.text()
      expect(keptHtml).toContain('The evidence is removed.')
      expect(keptHtml).toContain('Typed, then evidence removed.')
      expect(keptHtml).toContain('value="https://glmp.example.org/swot-typed"')
      expect(keptHtml).not.toContain('href="https://glmp.example.org/one"')
      expect(await row(id)).toMatchObject({ summary: 'Typed, then evidence removed.' })
      expect(await evidenceIds()).toEqual([second])
      // A field with a mistake comes back as typed, with its message; the evidence is still removed.
      const refused = await postUpload(session, `/applications/${id}/evidence/${second}/delete`, {
        summary: 'Changed again.',
        website: 'not a web address',
      })
      expect(refused.status).toBe(400)
      const refusedHtml = await refused.text()
      expect(refusedHtml).toContain('value="not a web address"')
      expect(refusedHtml).toContain('Changed again.')
      expect(await row(id)).toMatchObject({ summary: 'Changed again.' })
      expect(await evidenceIds()).toEqual([])
      // Nothing typed beyond the draft's own fields: back to the page, as before.
      await postUpload(session, `/applications/${id}/evidence`, {
        criterion: 'plan',
        link: 'https://glmp.example.org/three',
      })
      const [third] = await evidenceIds()
      const plain = await postUpload(session, `/applications/${id}/evidence/${third}/delete`, {
        summary: 'Last.',
      })
      expect(plain.status).toBe(303)
      expect(plain.headers.get('location')).toBe(`/applications/${id}?notice=evidence-removed#evidence`)
      expect(await row(id)).toMatchObject({ summary: 'Last.' })
    })
  })

  describe('submission and after', () => {
    it('lists what is missing and leaves an incomplete draft as it is', async () => {
      const { session, id } = await applicantWithDraft()
      const response = await session.post(`/applications/${id}/submit`, {})
      expect(response.status).toBe(400)
      const text = await pageText(response)
      expect(text).toContain('The application was not submitted. It still needs:')
      for (const missing of [
        'the lead organisation',
        'at least one state of your region',
        'a document or a link showing your written collaboration agreement',
        'a document or a link showing your SWOT analysis',
        'a document or a link showing your regional economic development plan',
        'a document or a link showing your interest in DEI and environmental sustainability',
        'the representative’s name, email, title',
        'the alternate’s name, email, title',
        'your acknowledgement of 3 commitments of membership',
      ])
        expect(text).toContain(missing)
      expect(await row(id)).toMatchObject({ status: 'draft', round: 0, submitted_at: null })
    })

    it('keeps the two nominees and the ticked commitments, and refuses a bad or repeated email', async () => {
      const { session, id } = await applicantWithDraft()
      const saved = await postPairs(session, `/applications/${id}`, nominationPairs('keep'))
      expect(saved.status).toBe(303)
      const [stored] = await queryRows<{ nominees: unknown; commitments: string[] }>(
        database.db,
        sql`select nominees, commitments from applications where id = ${id}`,
      )
      expect(stored?.nominees).toEqual([
        {
          seat: 'representative',
          fullName: 'Rosa Delgado',
          email: 'rosa.delgado@keep.example.org',
          title: 'Director of economic development',
        },
        {
          seat: 'alternate',
          fullName: 'Amir Haddad',
          email: 'amir.haddad@keep.example.org',
          title: 'Program manager',
        },
      ])
      expect(stored?.commitments).toEqual(['attend_half', 'present_yearly', 'share_quarterly'])
      const page = await (await session.get(`/applications/${id}`)).text()
      expect(page).toContain('value="rosa.delgado@keep.example.org"')
      expect(page).toMatch(/id="commitment-present_yearly"[^>]*checked/)

      const repeated = await postPairs(session, `/applications/${id}`, [
        ['representativeFullName', 'Rosa Delgado'],
        ['representativeEmail', 'same@keep.example.org'],
        ['representativeTitle', 'Director'],
        ['alternateFullName', 'Amir Haddad'],
        ['alternateEmail', 'SAME@keep.example.org'],
        ['alternateTitle', 'Manager'],
        ['summary', 'Typed along with the repeated email.'],
      ])
      expect(repeated.status).toBe(400)
      const repeatedText = await pageText(repeated)
      expect(repeatedText).toContain('The representative and the alternate need different email addresses.')
      const repeatedHtml = await session.get(`/applications/${id}`).then((r) => r.text())
      expect(repeatedHtml).toContain('Typed along with the repeated email.')
      const bad = await postPairs(session, `/applications/${id}`, [
        ['representativeFullName', 'Rosa Delgado'],
        ['representativeEmail', 'not an address'],
        ['representativeTitle', 'Director'],
        ['alternateFullName', ''],
        ['alternateEmail', ''],
        ['alternateTitle', ''],
      ])
      expect(bad.status).toBe(400)
      const badHtml = await bad.text()
      expect(badHtml).toContain('Representative: enter an email address such as name@example.org.')
      expect(badHtml).toContain('value="not an address"')
    })

    it('submits a complete member application to staff: round 1, a date, an event, and no more edits', async () => {
      const { session, person, id } = await applicantWithDraft()
      await completeMemberDraft(session, id)
      const response = await session.post(`/applications/${id}/submit`, {})
      expect(response.status).toBe(303)
      const submitted = await row(id)
      expect(submitted).toMatchObject({ status: 'submitted', round: 1 })
      expect(submitted.submitted_at).not.toBeNull()
      expect((await events(id)).map((e) => [e.kind, e.round, e.actor_id])).toEqual([
        ['created', 0, person.personId],
        ['submitted', 1, person.personId],
      ])
      const page = await session.get(`/applications/${id}?notice=submitted`)
      const text = await pageText(page)
      expect(text).toContain('Your application is submitted.')
      expect(text).toContain('Submitted: with staff')
      expect(text).toContain('What you sent')
      const html = await (await session.get(`/applications/${id}`)).text()
      expect(html).not.toContain('id="draft-form"')
      expect(html).not.toContain('enctype="multipart/form-data"')

      const before = await rowsOf(database.db, 'applications', 'id', id)
      const edit = await session.post(`/applications/${id}`, { organizationName: 'Changed after submission' })
      expect(edit.status).toBe(409)
      expect(await pageText(edit)).toContain(
        'This application is submitted: its details can no longer be changed.',
      )
      const upload = await postUpload(
        session,
        `/applications/${id}/evidence`,
        { criterion: 'swot' },
        sampleFiles.pdf(),
      )
      expect(upload.status).toBe(409)
      expect(await rowsOf(database.db, 'applications', 'id', id)).toBe(before)

      const [audited] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from audit_log where actor = ${`person:${person.personId}`}
          and table_name in ('applications', 'application_evidence', 'application_events')`,
      )
      expect(audited?.n).toBeGreaterThanOrEqual(7)
    })

    it('sends a complete BFF application straight to the Advisory Board', async () => {
      const { session, id } = await applicantWithDraft({
        category: 'bff',
        organizationName: 'Open Tooling Institute',
      })
      const incomplete = await session.post(`/applications/${id}/submit`, {})
      expect(await pageText(incomplete)).toContain('the open-source value your organisation offers')
      await postPairs(session, `/applications/${id}`, [
        ['bffKind', 'private_entity'],
        ['openSourceValue', 'Open-source CNC toolpaths.'],
        ...nominationPairs('oti'),
      ])
      expect((await session.post(`/applications/${id}/submit`, {})).status).toBe(303)
      expect(await row(id)).toMatchObject({ status: 'with_board', round: 1 })
      expect((await events(id)).map((e) => e.kind)).toEqual(['created', 'submitted', 'sent_to_board'])
      expect(await pageText(await session.get(`/applications/${id}`))).toContain(
        'With the Advisory Board The Advisory Board is voting on the application.',
      )
    })

    it('sends a BFF to staff first when the settings say BFFs do not skip staff review', async () => {
      await writeAs(database.db, 'system', (tx) =>
        tx.insert(settings).values({ key: 'bffSkipsStaffReview', value: false }),
      )
      try {
        const { session, id } = await applicantWithDraft({
          category: 'bff',
          organizationName: 'Reviewed BFF',
        })
        await postPairs(session, `/applications/${id}`, [
          ['bffKind', 'other'],
          ['openSourceValue', 'Shared data.'],
          ...nominationPairs('reviewed'),
        ])
        await session.post(`/applications/${id}/submit`, {})
        expect(await row(id)).toMatchObject({ status: 'submitted', round: 1 })
      } finally {
        await writeAs(database.db, 'system', (tx) =>
          tx.delete(settings).where(sql`${settings.key} = 'bffSkipsStaffReview'`),
        )
      }
    })

    it('shows staff verdicts, takes new evidence and an answer, and starts the next round', async () => {
      const { session, person, id } = await applicantWithDraft()
      await completeMemberDraft(session, id)
      await session.post(`/applications/${id}/submit`, {})
      const staff = await personByEmail(database.db, 'staff@example.org')
      const staffId = staff?.id ?? ''
      // Staff's review of round 1 (another feature's pages do this).
      await writeAs(database.db, `person:${staffId}`, async (tx) => {
        await tx.insert(applicationReviews).values([
          { applicationId: id, round: 1, criterion: 'agreement', verdict: 'met', reviewerId: staffId },
          {
            applicationId: id,
            round: 1,
            criterion: 'swot',
            verdict: 'needs_info',
            comment: 'The SWOT <b>link</b> is broken: please upload the document.',
            reviewerId: staffId,
          },
          { applicationId: id, round: 1, criterion: 'plan', verdict: 'met', reviewerId: staffId },
          {
            applicationId: id,
            round: 1,
            criterion: 'dei_sustainability',
            verdict: 'met',
            reviewerId: staffId,
          },
        ])
        await tx.update(applications).set({ status: 'needs_info' }).where(sql`${applications.id} = ${id}`)
        await tx.insert(applicationEvents).values({
          applicationId: id,
          kind: 'info_requested',
          actorId: staffId,
          round: 1,
          comment: 'See the SWOT criterion.',
        })
      })
      const page = await session.get(`/applications/${id}`)
      const html = await page.text()
      expect(html).toContain('The SWOT &lt;b&gt;link&lt;/b&gt; is broken: please upload the document.')
      const text = await pageText(new Response(html))
      expect(text).toContain('More information needed')
      expect(text).toContain('SWOT analysis Needs more information')
      expect(text).toContain(
        'Staff asked for more information by Robin Castellano (round 1) See the SWOT criterion.',
      )
      expect(html).toContain(`action="/applications/${id}/answer"`)

      // What staff reviewed stays; something new can be added, and removed again before answering.
      const [reviewed] = await queryRows<{ id: string }>(
        database.db,
        sql`select id from application_evidence where application_id = ${id} and criterion = 'swot'`,
      )
      const keep = await session.post(`/applications/${id}/evidence/${reviewed?.id}/delete`, {})
      expect(keep.status).toBe(409)
      expect(await pageText(keep)).toContain('Staff have seen this evidence, so it stays on record.')
      const added = await postUpload(
        session,
        `/applications/${id}/evidence`,
        { criterion: 'swot' },
        sampleFiles.docx(),
      )
      expect(added.status).toBe(303)
      const [fresh] = await queryRows<{ id: string }>(
        database.db,
        sql`select id from application_evidence where application_id = ${id} and criterion = 'swot'
          order by created_at desc limit 1`,
      )
      expect((await session.post(`/applications/${id}/evidence/${fresh?.id}/delete`, {})).status).toBe(303)
      expect(
        (await postUpload(session, `/applications/${id}/evidence`, { criterion: 'swot' }, sampleFiles.docx()))
          .status,
      ).toBe(303)

      const empty = await session.post(`/applications/${id}/answer`, { answer: '   ' })
      expect(empty.status).toBe(400)
      expect(await pageText(empty)).toContain('Write your answer to the staff’s questions.')
      const answer = 'The SWOT is uploaded now <script>alert(1)</script>.'
      const sent = await session.post(`/applications/${id}/answer`, { answer })
      expect(sent.status).toBe(303)
      expect(await row(id)).toMatchObject({ status: 'submitted', round: 2 })
      const last = (await events(id)).at(-1)
      expect(last).toEqual({ kind: 'answered', round: 2, comment: answer, actor_id: person.personId })
      const after = await (await session.get(`/applications/${id}`)).text()
      expect(after).toContain('The SWOT is uploaded now &lt;script&gt;alert(1)&lt;/script&gt;.')
      expect(after).not.toContain('<script>alert(1)')
      const again = await session.post(`/applications/${id}/answer`, { answer: 'Twice?' })
      expect(again.status).toBe(409)
    })

    it('withdraws an application before a decision, and not after one', async () => {
      const { session, id } = await applicantWithDraft()
      const withdrawn = await session.post(`/applications/${id}/withdraw`, {})
      expect(withdrawn.status).toBe(303)
      expect((await row(id)).status).toBe('withdrawn')
      expect((await events(id)).at(-1)?.kind).toBe('withdrawn')
      expect((await session.post(`/applications/${id}/withdraw`, {})).status).toBe(409)

      const decided = await startDraft(session, { organizationName: 'Approved Already' })
      await writeAs(database.db, 'system', (tx) =>
        tx.update(applications).set({ status: 'approved' }).where(sql`${applications.id} = ${decided}`),
      )
      const refused = await session.post(`/applications/${decided}/withdraw`, {})
      expect(refused.status).toBe(409)
      expect(await pageText(refused)).toContain('This application is decided: it can no longer be withdrawn.')
      expect((await row(decided)).status).toBe('approved')
    })
  })

  describe('whose application it is', () => {
    it('refuses another signed-in person, and staff, the applicant’s pages and changes, changing nothing', async () => {
      const owner = await applicantWithDraft()
      await postUpload(
        owner.session,
        `/applications/${owner.id}/evidence`,
        { criterion: 'swot' },
        sampleFiles.pdf(),
      )
      const [evidence] = await queryRows<{ id: string }>(
        database.db,
        sql`select id from application_evidence where application_id = ${owner.id}`,
      )
      const other = new Session(t.app)
      await signedInApplicant(other, database.db, t.auth)
      const staff = new Session(t.app)
      await signInAs(staff, database.db, t.auth, { email: 'staff@example.org' })
      const snapshot = async () =>
        [
          await rowsOf(database.db, 'applications', 'id', owner.id),
          await rowsOf(database.db, 'application_evidence', 'application_id', owner.id),
          await rowsOf(database.db, 'application_events', 'application_id', owner.id),
        ].join('\n')
      const before = await snapshot()
      const base = `/applications/${owner.id}`
      for (const session of [other, staff]) {
        const attempts: [string, Promise<Response>][] = [
          ['GET page', session.get(base)],
          ['POST save', session.post(base, { organizationName: 'Hijacked' })],
          [
            'POST link',
            postUpload(session, `${base}/evidence`, { criterion: 'plan', link: 'https://evil.example.org' }),
          ],
          ['POST delete', session.post(`${base}/evidence/${evidence?.id}/delete`, {})],
          ['POST submit', session.post(`${base}/submit`, {})],
          ['POST answer', session.post(`${base}/answer`, { answer: 'Not mine' })],
          ['POST withdraw', session.post(`${base}/withdraw`, {})],
        ]
        for (const [what, attempt] of attempts) {
          const response = await attempt
          expect(response.status, what).toBe(403)
          expect(await pageText(response), what).toContain(
            'Only the person who applied can open this application.',
          )
        }
        expect(await pageText(await session.get('/applications'))).not.toContain(
          'Great Lakes Manufacturing Partnership',
        )
      }
      expect(await snapshot()).toBe(before)
    })

    it('answers 404 for an unknown or malformed application address, and sends anonymous visitors to sign in', async () => {
      const { session } = await applicantWithDraft()
      expect((await session.get('/applications/00000000-0000-4000-8000-000000000000')).status).toBe(404)
      expect((await session.get('/applications/not-an-id')).status).toBe(404)
      const anonymous = await t.app.request('/applications')
      expect(anonymous.status).toBe(303)
      expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fapplications')
    })
  })
})
