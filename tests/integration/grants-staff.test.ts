import { readFile } from 'node:fs/promises'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import {
  createOrganization,
  createPerson,
  recordAdmission,
  seatHolder,
  type TestOrganization,
} from '../support/factories.ts'
import { zipOf } from '../support/fixtures/sample-files.ts'
import { GRANTS_SAMPLE } from '../support/grants-factories.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2025-02-03'

/** What the page's script sends: the file itself, the form token in a header. */
const upload = (
  session: Session,
  body: string | Buffer,
  name: string,
  headers: Record<string, string> = {},
) =>
  session.app.request('/staff/funding/uploads', {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers: {
      'Content-Type': name.endsWith('.zip') ? 'application/zip' : 'application/xml',
      'X-CSRF-Token': TEST_CSRF,
      'X-File-Name': encodeURIComponent(name),
      Origin: TEST_ORIGIN,
      Cookie: session.cookieHeader,
      ...headers,
    },
  })

describe(`staff pages for funding opportunities on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let member: Session
  let sample: string
  let community: TestOrganization

  const opportunityIds = async () =>
    (
      await queryRows<{ id: string }>(
        database.db,
        sql`select opportunity_id as id from grant_opportunities order by 1`,
      )
    ).map((r) => r.id)
  /** Follows the upload's redirect to the page that says what the import did. */
  const followed = async (response: Response) => {
    expect(response.status).toBe(303)
    return pageText(await staff.get(response.headers.get('Location') ?? ''))
  }

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    t = await createTestApp(database, { today: TODAY })
    sample = await readFile(GRANTS_SAMPLE, 'utf8')
    staff = new Session(t.app)
    await signInAs(staff, database.db, t.auth, {
      email: (await createPerson(database.db, { role: 'staff', since: '2024-01-01' })).email,
    })
    community = await createOrganization(database.db, {
      name: 'Harbor Aerospace Manufacturing Community',
      slug: 'harbor-aerospace',
      states: ['MI'],
      focusIndustries: ['Aerospace and defense'],
      admittedOn: null,
    })
    await recordAdmission(database.db, community.id, 'admitted', '2024-01-08')
    const representative = await seatHolder(database.db, community, 'representative', { since: '2024-01-08' })
    member = new Session(t.app)
    await signInAs(member, database.db, t.auth, { email: representative.email })
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('imports an uploaded extract and shows its counts; the same extract again changes nothing', async () => {
    const first = await followed(await upload(staff, sample, 'GrantsDBExtract20250115v2.xml'))
    expect(first).toContain('Imported GrantsDBExtract20250115v2.xml (extract of')
    expect(first).toContain('4 records read: 4 added, 0 updated, 0 unchanged')
    expect(await opportunityIds()).toHaveLength(4)
    const again = await followed(await upload(staff, sample, 'GrantsDBExtract20250115v2.xml'))
    expect(again).toContain('4 records read: 0 added, 0 updated, 4 unchanged')
    expect(await opportunityIds()).toHaveLength(4)
  })

  it('imports the extract inside a zip, under the name of the xml it holds', async () => {
    const zip = zipOf([{ name: 'GrantsDBExtract20250115v2.xml', content: sample }])
    const text = await followed(await upload(staff, zip, 'GrantsDBExtract20250115v2.zip'))
    expect(text).toContain('Imported GrantsDBExtract20250115v2.xml')
    expect(text).toContain('0 added, 0 updated, 4 unchanged')
  })

  it('refuses a damaged extract with where it broke, and writes nothing', async () => {
    const damaged = sample.replaceAll('>9900', '>8800').replace('</Grants>', '</Grant>')
    const response = await upload(staff, damaged, 'GrantsDBExtract20250116v2.xml')
    expect(response.status).toBe(400)
    const text = await pageText(response)
    expect(text).toMatch(
      /GrantsDBExtract20250116v2\.xml is damaged at line \d+, column \d+: .+\. Nothing was written\./,
    )
    expect(await opportunityIds()).not.toContain('880001')
    expect(await opportunityIds()).toHaveLength(4)
    expect(await pageText(await staff.get('/staff/funding'))).toMatch(
      /Refused, nothing written: line \d+, column \d+/,
    )
    const notZip = await upload(staff, 'not a zip', 'GrantsDBExtract20250117v2.zip')
    expect(notZip.status).toBe(400)
    expect(await pageText(notZip)).toContain('Nothing was')
  })

  it('streams the progress to the page’s script, then where to go or why the file was refused', async () => {
    const lines = async (response: Response) =>
      (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { records?: number; location?: string; problem?: string })
    const done = await upload(staff, sample, 'GrantsDBExtract20250115v2.xml', { 'X-Progress': 'lines' })
    expect(done.status).toBe(200)
    expect(done.headers.get('Content-Type')).toMatch(/^text\/plain/)
    const last = (await lines(done)).at(-1)
    expect(last?.location).toMatch(/^\/staff\/funding\?import=[0-9a-f-]{36}$/)
    expect(await pageText(await staff.get(last?.location ?? ''))).toContain('0 added, 0 updated, 4 unchanged')
    const damaged = sample.replace('</Grants>', '</Grant>')
    const refused = await upload(staff, damaged, 'GrantsDBExtract20250119v2.xml', { 'X-Progress': 'lines' })
    expect((await lines(refused)).at(-1)?.problem).toMatch(
      /^GrantsDBExtract20250119v2\.xml is damaged at line \d+, column \d+: .+\. Nothing was written\.$/,
    )
  })

  it('keeps the pages to staff and the upload to our own pages', async () => {
    for (const url of ['/staff/funding', '/staff/funding/rules'])
      expect((await member.get(url)).status).toBe(403)
    expect((await upload(member, sample, 'GrantsDBExtract20250118v2.xml')).status).toBe(403)
    expect((await member.post('/staff/funding/threshold', { threshold: '1' })).status).toBe(403)
    const forged = await upload(staff, sample, 'GrantsDBExtract20250118v2.xml', { 'X-CSRF-Token': 'forged' })
    expect(forged.status).toBe(403)
    const noToken = await staff.post('/staff/funding/threshold', { threshold: '1', _csrf: 'forged' })
    expect(noToken.status).toBe(403)
    const asForm = await staff.post('/staff/funding/uploads', { extract: 'x' })
    expect(asForm.status).toBe(400)
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from grant_imports where file_name = 'GrantsDBExtract20250118v2.xml'`,
    )
    expect(rows[0]?.n).toBe(0)
  })

  it('explains each rule in words, and what staff change there changes what fits', async () => {
    const fitsText = async () => pageText(await member.get('/funding/for/harbor-aerospace'))
    const rules = await pageText(await staff.get('/staff/funding/rules'))
    expect(rules).toContain(
      'The opportunity is in the funding category Employment, labor and training (ELT).',
    )
    expect(rules).toContain('The opportunity falls under assistance listing 12.600.')
    expect(rules).toContain('Only organisations designated by DMCSP')
    expect(await fitsText()).toContain('Mentions your focus: defense')

    const refused = await staff.post('/staff/funding/rules', {
      kind: 'assistance_listing',
      value: '11307',
      weight: '21',
    })
    expect(refused.status).toBe(400)
    const refusedText = await pageText(refused)
    expect(refusedText).toContain('Enter an assistance listing number as NN.NNN, such as 11.307.')
    expect(refusedText).toContain('Enter the weight as a whole number from -20 to 20')
    const short = await pageText(
      await staff.post('/staff/funding/rules', { kind: 'keyword', value: 'x', weight: '2' }),
    )
    expect(short).toContain('Enter a keyword or phrase of 2 to 60 characters')
    const applicant = await pageText(
      await staff.post('/staff/funding/rules', { kind: 'eligible_applicant', value: '3', weight: '2' }),
    )
    expect(applicant).toContain('Enter a two-digit applicant code')

    const added = await staff.post('/staff/funding/rules', {
      kind: 'keyword',
      value: 'Export  readiness',
      weight: '5',
    })
    expect(added.status).toBe(303)
    expect(await pageText(await staff.get('/staff/funding/rules?done=added'))).toContain(
      'The opportunity’s title or description mentions “Export readiness”.',
    )
    expect(await fitsText()).toContain('Mentions “Export readiness”')
    const [rule] = await queryRows<{ id: string; position: number }>(
      database.db,
      sql`select id, position from grant_relevance_rules where value = 'Export readiness'`,
    )
    expect(rule).toBeDefined()
    const id = rule?.id ?? ''

    // Limited to organisations in Ohio, it no longer holds for a community in Michigan.
    const edited = await staff.post(`/staff/funding/rules/${id}`, {
      kind: 'keyword',
      value: 'Export readiness',
      weight: '5',
      onlyState: 'oh',
    })
    expect(edited.status).toBe(303)
    expect(await pageText(await staff.get('/staff/funding/rules'))).toContain('Only organisations in Ohio')
    expect(await fitsText()).not.toContain('Mentions “Export readiness”')
    const badEdit = await staff.post(`/staff/funding/rules/${id}`, {
      kind: 'keyword',
      value: 'ok',
      weight: '2',
      onlyState: 'ZZ',
    })
    expect(badEdit.status).toBe(400)
    expect(await pageText(badEdit)).toContain('Enter a state as its two-letter code')

    await staff.post(`/staff/funding/rules/${id}/move`, { direction: 'up' })
    const [moved] = await queryRows<{ position: number }>(
      database.db,
      sql`select position from grant_relevance_rules where id = ${id}`,
    )
    expect(moved?.position).toBe((rule?.position ?? 0) - 1)

    const [focus] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from grant_relevance_rules where kind = 'focus_industry'`,
    )
    expect((await staff.post(`/staff/funding/rules/${focus?.id}/delete`, {})).status).toBe(303)
    expect(await fitsText()).not.toContain('Mentions your focus')
    const audited = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where table_name = 'grant_relevance_rules'`,
    )
    expect(audited[0]?.n).toBeGreaterThanOrEqual(3)

    expect((await staff.post('/staff/funding/threshold', { threshold: '0' })).status).toBe(400)
    expect((await staff.post('/staff/funding/threshold', { threshold: '100' })).status).toBe(303)
    expect(await fitsText()).toContain('No open opportunity fits at the moment.')
  })
})
