import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { rollupOutcomes } from '../../src/features/outcomes/index.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { samplePdf } from '../support/fixtures/sample-files.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { outcomeReport } from '../support/outcome-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SINCE = '2024-01-01'
const reportIdOf = (res: Response) =>
  /\/outcomes\/reports\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')?.[1] ?? ''

describe(`outcome reports through the pages on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let org: TestOrganization
  let other: TestOrganization
  let representative: TestPerson
  let staffPerson: TestPerson
  const sessions: Record<string, Session> = {}
  const as = (name: string) => sessions[name] as Session

  const signedIn = async (name: string, email: string) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    sessions[name] = session
  }
  const start = async (who: string, year: string, slug = org.slug) =>
    as(who).post('/outcomes', { organization: slug, periodKind: 'year', 'period-year': year })
  const figures = async (reportId: string) =>
    queryRows<{ metric: string; actual: string | null; note: string | null }>(
      database.db,
      sql`select metric, actual::text as actual, note from outcome_figures where report_id = ${reportId} order by metric`,
    )
  const verifiedTotal = async (year: number, key: string) => {
    const rollup = await rollupOutcomes(database.db, {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      onDate: '2026-11-26',
    })
    return (
      rollup.byOrganization.find((o) => o.id === org.id)?.metrics.find((m) => m.key === key)?.total ?? null
    )
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    org = await createOrganization(database.db, { admittedOn: SINCE })
    other = await createOrganization(database.db, { admittedOn: SINCE })
    representative = await seatHolder(database.db, org, 'representative', { since: SINCE })
    const alternate = await seatHolder(database.db, org, 'alternate', { since: SINCE })
    const otherHolder = await seatHolder(database.db, other, 'representative', { since: SINCE })
    staffPerson = await createPerson(database.db, { role: 'staff', since: SINCE, fullName: 'Sam Staffer' })
    await signedIn('representative', representative.email)
    await signedIn('alternate', alternate.email)
    await signedIn('otherHolder', otherHolder.email)
    await signedIn('staff', staffPerson.email)
  }, 180_000)

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('starts a report for a calendar year, lists it, and finds it again for the same period', async () => {
    const res = await start('representative', '2023')
    expect(res.status).toBe(303)
    const id = reportIdOf(res)
    expect(id).not.toBe('')
    const list = await pageText(await as('representative').get('/outcomes'))
    expect(list).toContain(`Outcome reports: ${org.name}`)
    expect(list).toMatch(/2023 Draft 0/)
    const again = await start('alternate', '2023')
    expect(reportIdOf(again)).toBe(id)
    expect(again.headers.get('location')).toContain('notice=exists')
  })

  it('starts a report for custom dates, and refuses a period that ends before it starts', async () => {
    const bad = await as('representative').post('/outcomes', {
      organization: org.slug,
      periodKind: 'custom',
      'period-start': '2022-06-30',
      'period-end': '2022-01-01',
    })
    expect(bad.status).toBe(400)
    expect(await pageText(bad)).toContain('The period should end on or after its start (2022-06-30)')
    const good = await as('representative').post('/outcomes', {
      organization: org.slug,
      periodKind: 'custom',
      'period-start': '2022-01-01',
      'period-end': '2022-06-30',
    })
    expect(good.status).toBe(303)
    const page = await pageText(await as('representative').get(`/outcomes/reports/${reportIdOf(good)}`))
    expect(page).toContain('January 1, 2022 to June 30, 2022')
  })

  it('saves figures typed as people write them, and names each amount that is not one', async () => {
    const id = reportIdOf(await start('representative', '2024'))
    const wrong = await as('representative').post(`/outcomes/reports/${id}`, {
      action: 'save',
      'figure-jobs_created': '12.5',
      'figure-public_funding_cents': 'lots',
      narrative: 'Kept when refused.',
    })
    expect(wrong.status).toBe(400)
    const text = await pageText(wrong)
    expect(text).toContain('Jobs created should be a whole number such as 4347 or 4,347; got "12.5"')
    expect(text).toContain('Public funding won should be a dollar amount')
    expect(text).toContain('Kept when refused.')
    expect(await figures(id)).toEqual([])

    const saved = await as('representative').post(`/outcomes/reports/${id}`, {
      action: 'save',
      'figure-jobs_created': '4,347',
      'note-jobs_created': 'From the payroll survey.',
      'figure-private_investment_cents': '$1,250,000.50',
      narrative: 'A good year.',
      evidenceUrl: 'https://example.org/report-2024.pdf',
    })
    expect(saved.status).toBe(303)
    expect(await figures(id)).toEqual([
      { metric: 'jobs_created', actual: '4347', note: 'From the payroll survey.' },
      { metric: 'private_investment_cents', actual: '125000050', note: null },
    ])
    const page = await (await as('representative').get(saved.headers.get('location') ?? '')).text()
    expect(page).toContain('The draft is saved')
    expect(page).toContain('value="$1,250,000.50"')
    expect(page).toContain('value="4,347"')
    const refusedLink = await as('representative').post(`/outcomes/reports/${id}`, {
      action: 'save',
      evidenceUrl: 'javascript:alert(1)',
    })
    expect(refusedLink.status).toBe(400)
    expect(await pageText(refusedLink)).toContain('Give the evidence as a web address starting with https://')
  })

  it('goes through submit, return with a comment per figure, resubmit, verify and correct, keeping every round', async () => {
    const id = reportIdOf(await start('representative', '2025'))
    const path = `/outcomes/reports/${id}`
    const submitted = await as('representative').post(path, {
      action: 'submit',
      'figure-jobs_created': '1,200',
      'figure-workers_trained': '80',
      narrative: 'Our first full year.',
    })
    expect(submitted.status).toBe(303)
    expect(await pageText(await as('representative').get(path))).toContain('Staff are checking the report')
    expect(await verifiedTotal(2025, 'jobs_created')).toBeNull()

    // The representative cannot verify or return their own report.
    expect((await as('representative').post(`${path}/verify`, {})).status).toBe(403)
    const queue = await pageText(await as('staff').get('/staff/outcomes'))
    expect(queue).toContain(org.name)
    expect(queue).toContain('Waiting for staff (1)')

    const empty = await as('staff').post(`${path}/return`, { comment: '' })
    expect(empty.status).toBe(409)
    expect(await pageText(empty)).toContain('Say what should change')
    const returned = await as('staff').post(`${path}/return`, {
      'comment-jobs_created': 'This looks like two years of jobs: give 2025 only.',
      comment: 'Nearly there.',
    })
    expect(returned.status).toBe(303)
    expect(await verifiedTotal(2025, 'jobs_created')).toBeNull()

    const seen = await pageText(await as('representative').get(path))
    expect(seen).toContain('Returned for changes')
    expect(seen).toContain('Staff’s comment: This looks like two years of jobs: give 2025 only.')
    expect(seen).toContain('General comment: Nearly there.')

    const resubmitted = await as('representative').post(path, {
      action: 'submit',
      'figure-jobs_created': '600',
      'figure-workers_trained': '80',
      narrative: 'Our first full year.',
    })
    expect(resubmitted.status).toBe(303)
    expect((await as('staff').post(`${path}/verify`, { comment: '' })).status).toBe(303)
    expect(await verifiedTotal(2025, 'jobs_created')).toBe(600)
    expect(await verifiedTotal(2025, 'workers_trained')).toBe(80)

    // A verified report is no longer edited by its organisation.
    const late = await as('representative').post(path, { action: 'save', 'figure-jobs_created': '9' })
    expect(late.status).toBe(409)
    expect(await pageText(late)).toContain('A verified report cannot be edited.')

    const noReason = await as('staff').post(`${path}/correct`, {
      'figure-jobs_created': '650',
      'figure-workers_trained': '80',
      reason: ' ',
    })
    expect(noReason.status).toBe(400)
    expect(await pageText(noReason)).toContain('Give the reason for the correction')
    expect(await verifiedTotal(2025, 'jobs_created')).toBe(600)
    const corrected = await as('staff').post(`${path}/correct`, {
      'figure-jobs_created': '650',
      'figure-workers_trained': '80',
      reason: 'The audited payroll counts 50 more.',
    })
    expect(corrected.status).toBe(303)
    expect(await verifiedTotal(2025, 'jobs_created')).toBe(650)

    const history = await pageText(await as('representative').get(path))
    const rounds = [
      `Submitted (round 1) by ${representative.fullName}`,
      'Returned for changes (round 1) by Sam Staffer',
      'On Jobs created: This looks like two years of jobs: give 2025 only.',
      `Submitted (round 2) by ${representative.fullName}`,
      'Verified (round 2) by Sam Staffer',
      'Corrected (round 2) by Sam Staffer',
      'Reason: The audited payroll counts 50 more.',
    ]
    let from = 0
    for (const line of rounds) {
      const at = history.indexOf(line, from)
      expect(at, line).toBeGreaterThan(-1)
      from = at
    }
  })

  it('keeps an evidence file checked like other uploads, for the organisation and staff only', async () => {
    const id = reportIdOf(await start('representative', '2019'))
    const send = (
      who: string,
      fields: Record<string, string>,
      file?: { name: string; bytes: Uint8Array },
    ) => {
      const form = new FormData()
      form.set('_csrf', TEST_CSRF)
      for (const [key, value] of Object.entries(fields)) form.set(key, value)
      if (file) form.set('evidenceFile', new File([new Uint8Array(file.bytes)], file.name))
      return t.app.request(`/outcomes/reports/${id}`, {
        method: 'POST',
        body: form,
        headers: { Origin: TEST_ORIGIN, Cookie: as(who).cookieHeader },
      })
    }
    const script = await send(
      'representative',
      { action: 'save' },
      { name: 'figures.pdf', bytes: new TextEncoder().encode('<script>alert(1)</script>') },
    )
    expect(script.status).toBe(400)
    expect(await pageText(script)).toContain('figures.pdf is not a PDF')
    const saved = await send(
      'representative',
      { action: 'save', 'figure-jobs_created': '10' },
      { name: 'payroll survey.pdf', bytes: samplePdf('Payroll survey') },
    )
    expect(saved.status).toBe(303)
    const page = await (await as('representative').get(`/outcomes/reports/${id}`)).text()
    expect(page).toContain(`href="/outcomes/reports/${id}/evidence">payroll survey.pdf</a>`)
    expect(page).toContain('Replace the evidence file (payroll survey.pdf)')
    const download = await as('staff').get(`/outcomes/reports/${id}/evidence`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('content-disposition')).toContain('attachment')
    expect((await as('otherHolder').get(`/outcomes/reports/${id}/evidence`)).status).toBe(403)
    const removed = await send('representative', {
      action: 'save',
      'figure-jobs_created': '10',
      removeEvidenceFile: 'on',
    })
    expect(removed.status).toBe(303)
    expect((await as('representative').get(`/outcomes/reports/${id}/evidence`)).status).toBe(404)
  })

  it('never counts a draft, submitted or returned report', async () => {
    const year = 2019
    await outcomeReport(database.db, org, { year, status: 'draft', figures: { jobs_retained: 11 } })
    await outcomeReport(database.db, other, { year, status: 'returned', figures: { jobs_retained: 22 } })
    const submitted = await createOrganization(database.db, { admittedOn: SINCE })
    await outcomeReport(database.db, submitted, { year, status: 'submitted', figures: { jobs_retained: 33 } })
    const verified = await createOrganization(database.db, { admittedOn: SINCE })
    await outcomeReport(database.db, verified, { year, status: 'verified', figures: { jobs_retained: 44 } })
    const rollup = await rollupOutcomes(database.db, {
      from: '2019-01-01',
      to: '2019-12-31',
      onDate: '2026-11-26',
    })
    expect(rollup.metrics.find((m) => m.key === 'jobs_retained')?.total).toBe(44)
    expect(rollup.byOrganization.map((o) => o.id)).toEqual([verified.id])
  })

  it('refuses another organisation’s seat holder every report page and form, and changes nothing', async () => {
    const id = reportIdOf(await start('representative', '2021'))
    const path = `/outcomes/reports/${id}`
    expect((await as('otherHolder').get(path)).status).toBe(403)
    const post = await as('otherHolder').post(path, { action: 'submit', 'figure-jobs_created': '5' })
    expect(post.status).toBe(403)
    expect(await figures(id)).toEqual([])
    expect((await as('otherHolder').get(`/outcomes?organization=${org.slug}`)).status).toBe(403)
    expect((await as('otherHolder').get(`/outcomes/goals?organization=${org.slug}`)).status).toBe(403)
    expect((await start('otherHolder', '2020', org.slug)).status).toBe(403)
    expect((await as('otherHolder').get('/staff/outcomes')).status).toBe(403)
    expect((await as('otherHolder').get(`/outcomes/reports/${crypto.randomUUID()}`)).status).toBe(404)
    // Their own list shows their organisation only.
    const own = await pageText(await as('otherHolder').get('/outcomes'))
    expect(own).toContain(`Outcome reports: ${other.name}`)
    expect(own).not.toContain(org.name)
  })

  it('refuses a form sent without the form token, or from another site', async () => {
    const id = reportIdOf(await start('representative', '2020'))
    const session = as('representative')
    const send = (headers: Record<string, string>, body: Record<string, string>) =>
      t.app.request(`/outcomes/reports/${id}`, {
        method: 'POST',
        body: new URLSearchParams(body),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Cookie: session.cookieHeader,
          ...headers,
        },
      })
    const noToken = await send({ Origin: TEST_ORIGIN }, { action: 'submit', 'figure-jobs_created': '5' })
    expect(noToken.status).toBe(403)
    const elsewhere = await send(
      { Origin: 'https://evil.example' },
      { _csrf: 'test-csrf-token-0123456789abcdef', action: 'submit', 'figure-jobs_created': '5' },
    )
    expect(elsewhere.status).toBe(403)
    expect(await figures(id)).toEqual([])
    const page = await (await session.get(`/outcomes/reports/${id}`)).text()
    expect(page).toMatch(
      /<form method="post" action="\/outcomes\/reports\/[0-9a-f-]{36}"[^>]*>\s*<input type="hidden" name="_csrf"/,
    )
  })
})
