import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { organizationPartners } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import {
  type OutcomesBy,
  saveReportDraft,
  submitReport,
  verifyReport,
  yearPeriod,
} from '../../src/features/outcomes/index.ts'
import { createOrganization, createPerson, seatHolder, type TestOrganization } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2026-06-30'
const PATH = '/staff/outcomes/facts'

const partnerFact = {
  topic: 'partners',
  label: 'Supporting organisations',
  qualifier: 'exactly',
  unit: 'count',
  value: '84',
  asOf: '2016-09-27',
  sourceTitle: 'Redesignation press release',
  sourceUrl: 'https://www.commerce.gov/news/press-releases/2016/09/redesignation',
}

const fundingFact = {
  topic: 'funding',
  label: 'Manufacturing institute award',
  qualifier: 'more_than',
  unit: 'usd',
  value: '$140,000,000',
  asOf: '2016-09-27',
  sourceTitle: 'Redesignation press release',
  sourceUrl: '',
}

describe(`staff record reported facts, shown on the profile with their source (${testEngine})`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let rep: Session
  let org: TestOrganization
  const factsPage = () => `${PATH}?organization=${org.slug}`

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    const { db } = database
    org = await createOrganization(db, { name: 'Harbor Makers', states: ['CA'], admittedOn: '2020-01-06' })
    await writeAs(db, 'system', (tx) =>
      tx.insert(organizationPartners).values([
        { organizationId: org.id, name: 'Harbor College', position: 1 },
        { organizationId: org.id, name: 'Port Authority', position: 2 },
      ]),
    )
    const staffPerson = await createPerson(db, { role: 'staff', since: '2020-01-01' })
    const by: OutcomesBy = { personId: staffPerson.id, actor: `person:${staffPerson.id}`, isStaff: true }
    const reportId = await saveReportDraft(
      db,
      {
        organizationId: org.id,
        period: yearPeriod(2025),
        note: null,
        evidenceUrl: null,
        figures: [{ metric: 'jobs_created', actual: 12, note: null }],
      },
      by,
    )
    await submitReport(db, reportId, by)
    await verifyReport(db, reportId, by)
    const representative = await seatHolder(db, org, 'representative', { since: '2020-01-06' })
    t = await createTestApp(database, { today: TODAY })
    staff = new Session(t.app)
    await signInAs(staff, db, t.auth, { email: staffPerson.email })
    rep = new Session(t.app)
    await signInAs(rep, db, t.auth, { email: representative.email })
  }, 120_000)
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  const factCount = async () =>
    (
      await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from reported_facts where organization_id = ${org.id}::uuid`,
      )
    )[0]?.n

  it('refuses anyone but staff, and a visitor is not shown the form', async () => {
    expect((await rep.get(factsPage())).status).toBe(403)
    expect((await rep.post(PATH, { organization: org.slug, ...partnerFact })).status).toBe(403)
    const visitor = await t.app.request(factsPage())
    expect([302, 303, 401, 403]).toContain(visitor.status)
    expect(await visitor.text()).not.toContain('Record the fact')
    expect(await factCount()).toBe(0)
  })

  it('refuses bad input, saying which field and what it wants, and keeps nothing', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ label: '' }, 'Say what the figure counts'],
      [{ label: 'x'.repeat(201) }, 'Write at most 200 characters (this description has 201).'],
      [{ label: 'Partners\r\nVisit https://evil.example' }, 'must be one line of text'],
      [{ sourceTitle: 'y'.repeat(301) }, 'Write at most 300 characters (this source has 301).'],
      [{ value: 'about a hundred' }, 'Enter a whole number such as 4347 or 4,347.'],
      [{ value: '12.5' }, 'Enter a whole number such as 4347 or 4,347.'],
      [{ unit: 'usd', value: '$1.005' }, 'Enter a dollar amount such as 1,250,000'],
      [{ asOf: '2016-02-30' }, 'Give the date of the figure as a real date, like 2016-09-27.'],
      [{ asOf: '2026-07-01' }, "The figure's date cannot be after today (June 30, 2026)."],
      [{ sourceTitle: '  ' }, 'Name the source document'],
      [{ sourceUrl: 'javascript:alert(1)' }, 'The source link should be an address starting with https://'],
      [{ topic: 'gossip' }, 'Choose what the figure is about.'],
      [{ qualifier: 'roughly' }, 'Choose how the value reads.'],
    ]
    for (const [change, message] of cases) {
      const res = await staff.post(PATH, { organization: org.slug, ...partnerFact, ...change })
      expect(res.status, JSON.stringify(change)).toBe(400)
      const text = await pageText(res)
      expect(text, JSON.stringify(change)).toContain(message)
      expect(text).toContain('Nothing was saved')
    }
    expect((await staff.post(PATH, { organization: 'no-such-community', ...partnerFact })).status).toBe(404)
    expect(await factCount()).toBe(0)
  })

  it('records facts that the profile shows with value, date and source, apart from the partner count', async () => {
    for (const fact of [partnerFact, fundingFact]) {
      const res = await staff.post(PATH, { organization: org.slug, ...fact })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`${factsPage()}&added=1`)
    }
    const listed = await pageText(await staff.get(`${factsPage()}&added=1`))
    expect(listed).toContain('Recorded: the fact is on the profile.')
    expect(listed).toContain(
      'Supporting organisations: 84 Partners · as of September 27, 2016 · source: Redesignation press release',
    )
    expect(listed).toContain('Manufacturing institute award: more than $140,000,000 Funding')

    const profileRes = await t.app.request(`/organizations/${org.slug}`)
    const html = await profileRes.text()
    const text = await pageText(new Response(html))
    expect(text).toContain('2 partner organisations on record.')
    const partners = text.slice(text.indexOf('Partner organisations'), text.indexOf('Verified outcomes'))
    expect(partners).toContain('2 partner organisations on record.')
    expect(partners).toContain('Supporting organisations: 84 (as of September 27, 2016')
    expect(partners).toContain('source: Redesignation press release')
    expect(html).toContain(
      `<a href="${partnerFact.sourceUrl}" rel="nofollow noopener">Redesignation press release</a>`,
    )
    expect(text).toContain('Reported figures')
    expect(text).toContain('Manufacturing institute award: more than $140,000,000')
    // The verified outcome is the report's alone.
    expect(text).toContain('Jobs created 12')
  })

  it('adds no reported fact to any total', async () => {
    const text = await pageText(await t.app.request('/impact'))
    expect(text).toContain('12 jobs created from 1 organisation')
    expect(text).not.toContain('84')
    expect(text).not.toContain('140,000,000')
    const home = await pageText(await t.app.request('/'))
    expect(home).not.toContain('140,000,000')
  })

  it('keeps script markup and SQL meta-characters as text, and refuses a 10,001-character value by its field', async () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const meta = 'O\'Brien & Sons\' "Works" -- /* not a comment */ ; $1 $$ ?'
    const saved = await staff.post(PATH, {
      organization: org.slug,
      ...fundingFact,
      label: script,
      sourceTitle: meta,
    })
    expect(saved.status).toBe(303)
    const stored = await queryRows<{ label: string; source_title: string }>(
      database.db,
      sql`select label, source_title from reported_facts where organization_id = ${org.id}::uuid and label = ${script}`,
    )
    expect(stored).toEqual([{ label: script, source_title: meta }])
    for (const path of [`/organizations/${org.slug}`, factsPage()]) {
      const html = await (await staff.get(path)).text()
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).not.toContain('<script>alert(')
      expect(html).not.toContain('<img src=x')
    }
    await queryRows(database.db, sql`delete from reported_facts where label = ${script}`)
    for (const [field, message] of [
      ['label', 'Write at most 200 characters (this description has 10,001).'],
      ['sourceTitle', 'Write at most 300 characters (this source has 10,001).'],
      ['sourceUrl', 'Write at most 2,000 characters (this link has 10,001).'],
    ] as const) {
      const res = await staff.post(PATH, {
        organization: org.slug,
        ...fundingFact,
        [field]: 'a'.repeat(10_001),
      })
      expect(res.status, field).toBe(400)
      const html = await res.text()
      expect(html).toContain(message)
      expect(html).toContain(`name="${field}"`)
    }
  })

  it('removes a fact recorded in error, and refuses one of another organisation', async () => {
    const [fact] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from reported_facts where organization_id = ${org.id}::uuid and topic = 'funding'`,
    )
    const other = await createOrganization(database.db, { name: 'Other Works', admittedOn: '2020-01-06' })
    const wrong = await staff.post(`${PATH}/${fact?.id}/remove`, { organization: other.slug })
    expect(wrong.status).toBe(404)
    expect((await rep.post(`${PATH}/${fact?.id}/remove`, { organization: org.slug })).status).toBe(403)
    const res = await staff.post(`${PATH}/${fact?.id}/remove`, { organization: org.slug })
    expect(res.status).toBe(303)
    expect(await factCount()).toBe(1)
    const text = await pageText(await t.app.request(`/organizations/${org.slug}`))
    expect(text).not.toContain('Manufacturing institute award')
    expect(text).toContain('Supporting organisations: 84')
  })
})
