import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../src/db/sql.ts'
import { currentGoals, listMetrics } from '../../src/features/outcomes/index.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { outcomeReport } from '../support/outcome-factories.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SINCE = '2024-01-01'

describe(`outcome goals and metrics through the pages on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let org: TestOrganization
  let other: TestOrganization
  let representative: TestPerson
  const sessions: Record<string, Session> = {}
  const as = (name: string) => sessions[name] as Session

  const signedIn = async (name: string, email: string) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    sessions[name] = session
  }
  const setGoals = (who: string, slug: string, goals: Record<string, string>, year = '2026') =>
    as(who).post('/outcomes/goals', { organization: slug, periodKind: 'year', 'period-year': year, ...goals })

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    org = await createOrganization(database.db, { admittedOn: SINCE })
    other = await createOrganization(database.db, { admittedOn: SINCE })
    representative = await seatHolder(database.db, org, 'representative', {
      since: SINCE,
      person: await createPerson(database.db, { fullName: 'Rae Representative' }),
    })
    const otherHolder = await seatHolder(database.db, other, 'representative', { since: SINCE })
    const staff = await createPerson(database.db, { role: 'staff', since: SINCE, fullName: 'Sam Staffer' })
    await signedIn('representative', representative.email)
    await signedIn('otherHolder', otherHolder.email)
    await signedIn('staff', staff.email)
  }, 180_000)

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('sets goals for a year, keeps the earlier version when one changes, and shows who set each and when', async () => {
    const first = await setGoals('representative', org.slug, {
      'goal-jobs_created': '1,000',
      'goal-public_funding_cents': '$2,500,000',
    })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toContain('changed=2')
    const changed = await setGoals('staff', org.slug, {
      'goal-jobs_created': '1,200',
      'goal-public_funding_cents': '$2,500,000',
    })
    expect(changed.headers.get('location')).toContain('changed=1')
    const goals = await currentGoals(database.db, org.id)
    expect(goals.map((g) => [g.metric, g.target, g.version])).toEqual([
      ['jobs_created', 1200, 2],
      ['public_funding_cents', 250000000, 1],
    ])
    const page = await pageText(await as('representative').get(changed.headers.get('location') ?? ''))
    expect(page).toContain('Saved: 1 goal changed.')
    expect(page).toMatch(/2026 Jobs created 1,200 2 Sam Staffer/)
    expect(page).toMatch(/2026 Jobs created 1,000 1 Rae Representative/)
    expect(page).toMatch(/2026 Public funding won \$2,500,000 1 Rae Representative/)
  })

  it('refuses a goal that is not an amount, naming the metric, and changes nothing', async () => {
    const res = await setGoals('representative', org.slug, { 'goal-workers_trained': 'many' }, '2027')
    expect(res.status).toBe(400)
    expect(await pageText(res)).toContain('The goal for Workers trained should be a whole number')
    const rows = await queryRows(
      database.db,
      sql`select 1 from outcome_goals where period_start = '2027-01-01'`,
    )
    expect(rows).toEqual([])
  })

  it('lets staff choose any organisation’s goals, and refuses another organisation’s seat holder', async () => {
    const chooser = await pageText(await as('staff').get('/outcomes/goals'))
    expect(chooser).toContain('Choose the organisation whose goals you want to see or set.')
    expect((await as('staff').get(`/outcomes/goals?organization=${other.slug}`)).status).toBe(200)
    expect((await as('otherHolder').get(`/outcomes/goals?organization=${org.slug}`)).status).toBe(403)
    expect((await setGoals('otherHolder', org.slug, { 'goal-jobs_created': '1' })).status).toBe(403)
    expect((await as('staff').get('/outcomes/goals?organization=no-such-community')).status).toBe(404)
  })

  it('lets staff add, edit and retire a metric, and only staff', async () => {
    const badKey = await as('staff').post('/staff/outcomes/metrics', {
      key: 'Apprentices Hired',
      name: 'Apprentices hired',
      unit: 'count',
      sums: 'on',
      position: '7',
    })
    expect(badKey.status).toBe(409)
    expect(await pageText(badKey)).toContain('The key should be lower case letters, digits and underscores')
    const added = await as('staff').post('/staff/outcomes/metrics', {
      key: 'apprentices_hired',
      name: 'Apprentices hired',
      description: 'People who began a registered apprenticeship.',
      unit: 'count',
      sums: 'on',
      position: '7',
    })
    expect(added.status).toBe(303)
    const taken = await as('staff').post('/staff/outcomes/metrics', {
      key: 'apprentices_hired',
      name: 'Again',
      unit: 'count',
      position: '8',
    })
    expect(await pageText(taken)).toContain('A metric already has the key "apprentices_hired"')

    const edited = await as('staff').post('/staff/outcomes/metrics/apprentices_hired', {
      name: 'Apprentices started',
      description: '',
      unit: 'usd',
      position: '3',
    })
    expect(edited.status).toBe(303)
    const metric = (await listMetrics(database.db)).find((m) => m.key === 'apprentices_hired')
    expect(metric).toMatchObject({ name: 'Apprentices started', unit: 'usd', sums: false, position: 3 })

    expect(
      (await as('representative').post('/staff/outcomes/metrics/apprentices_hired/retire', {})).status,
    ).toBe(403)
    expect((await as('staff').post('/staff/outcomes/metrics/apprentices_hired/retire', {})).status).toBe(303)
    expect((await listMetrics(database.db)).some((m) => m.key === 'apprentices_hired')).toBe(false)
    const list = await pageText(await as('staff').get('/staff/outcomes/metrics'))
    expect(list).toContain('Apprentices started Retired')
    expect((await as('staff').post('/staff/outcomes/metrics/no_such_metric/retire', {})).status).toBe(404)
  })

  it('refuses to change the unit of a metric that already has figures, saying why', async () => {
    await outcomeReport(database.db, org, { year: 2024, status: 'draft', figures: { workers_trained: 12 } })
    const res = await as('staff').post('/staff/outcomes/metrics/workers_trained', {
      name: 'Workers trained',
      unit: 'usd',
      sums: 'on',
      position: '3',
    })
    expect(res.status).toBe(409)
    expect(await pageText(res)).toContain(
      'The unit of Workers trained cannot change: reports or goals already give it in a count.',
    )
    expect((await listMetrics(database.db)).find((m) => m.key === 'workers_trained')?.unit).toBe('count')
    const renamed = await as('staff').post('/staff/outcomes/metrics/workers_trained', {
      name: 'Workers trained and certified',
      unit: 'count',
      sums: 'on',
      position: '3',
    })
    expect(renamed.status).toBe(303)
  })
})
