import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { queryRows } from '../../src/db/sql.ts'
import {
  createCall,
  createOrganization,
  createPerson,
  seatHolder,
  type TestCall,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SINCE = '2026-01-05'

describe(`attendance questions on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let org: TestOrganization
  let representative: TestPerson
  let alternate: TestPerson
  let held: TestCall
  const sessions: Record<string, Session> = {}

  const signedIn = async (name: string, email: string) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    sessions[name] = session
    return session
  }
  const askPath = (date: string, slug = org.slug) => `/organizations/${slug}/calls/${date}/attendance`
  const obligations = async () =>
    pageText(
      await (sessions.representative as Session).get(`/organizations/${org.slug}/obligations?year=2026`),
    )

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    org = await createOrganization(database.db, { admittedOn: SINCE })
    representative = await seatHolder(database.db, org, 'representative', { since: SINCE })
    alternate = await seatHolder(database.db, org, 'alternate', { since: SINCE })
    const other = await createOrganization(database.db, { admittedOn: SINCE })
    const otherHolder = await seatHolder(database.db, other, 'representative', { since: SINCE })
    // The records begin with the first call anyone attended: another organisation's, before ours.
    const earlier = await createCall(database.db, '2026-11-09')
    await writeAs(database.db, 'system', (tx) =>
      tx.execute(sql`insert into attendance (call_id, person_id, seconds, source)
        values (${earlier.id}, ${otherHolder.id}, 1800, 'roll_call')`),
    )
    held = await createCall(database.db, '2026-11-23')
    await createCall(database.db, '2026-12-03')
    await createCall(database.db, '2026-11-16', { cancelled: 'Thanksgiving week' })
    await signedIn('representative', representative.email)
    await signedIn('alternate', alternate.email)
    await signedIn('otherHolder', otherHolder.email)
    await signedIn('applicant', (await createPerson(database.db)).email)
    await signedIn('staff', (await createPerson(database.db, { role: 'staff' })).email)
  }, 180_000)

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('shows the call as not attended before anyone asks', async () => {
    expect(await obligations()).toContain('Attended 0 of 2 held calls')
    const page = await pageText(await (sessions.representative as Session).get(askPath(held.localDate)))
    expect(page).toContain('not recorded as present')
    expect(page).toContain('Appeared on the call as')
  })

  it('refuses a seat holder of another organisation, a visitor and an applicant', async () => {
    const fields = { personId: representative.id, appearedAs: 'iPhone 14', note: '' }
    for (const name of ['otherHolder', 'applicant']) {
      const res = await (sessions[name] as Session).post(askPath(held.localDate), fields)
      expect(res.status, name).toBe(403)
    }
    const visitor = await new Session(t.app).post(askPath(held.localDate), fields)
    expect([302, 303, 401, 403]).toContain(visitor.status)
    expect(await queryRows(database.db, sql`select id from attendance_questions`)).toHaveLength(0)
  })

  it('refuses calls still to come or cancelled, and a missing "appeared as", with clear errors', async () => {
    const rep = sessions.representative as Session
    const fields = { personId: representative.id, appearedAs: 'iPhone 14', note: '' }
    const future = await rep.post(askPath('2026-12-03'), fields)
    expect(future.status).toBe(409)
    expect(await pageText(future)).toContain('has not been held yet')
    const cancelled = await rep.post(askPath('2026-11-16'), fields)
    expect(await pageText(cancelled)).toContain('was cancelled')
    const empty = await rep.post(askPath(held.localDate), { ...fields, appearedAs: '  ' })
    expect(empty.status).toBe(400)
    expect(await pageText(empty)).toContain('Say how you appeared on the call')
    const notAHolder = await rep.post(askPath(held.localDate), { ...fields, personId: sessionsPersonless() })
    expect(notAHolder.status).toBe(400)
    expect(await pageText(notAHolder)).toContain('Choose one of the organisation’s seat holders')
  })

  it('asks once per call and person, for oneself or the other seat holder', async () => {
    const fields = { personId: representative.id, appearedAs: 'iPhone 14', note: 'My laptop died.' }
    const asked = await (sessions.alternate as Session).post(askPath(held.localDate), fields)
    expect(asked.status).toBe(303)
    const again = await (sessions.representative as Session).post(askPath(held.localDate), fields)
    expect(again.status).toBe(409)
    expect(await pageText(again)).toContain('is already open')
    const page = await pageText(await (sessions.representative as Session).get(askPath(held.localDate)))
    expect(page).toContain('Waiting for staff')
    expect(page).toContain('as “iPhone 14”')
  })

  it('needs a reason to decline, and keeps the declined question with its answer', async () => {
    const ask = await (sessions.alternate as Session).post(askPath(held.localDate), {
      personId: alternate.id,
      appearedAs: 'Dial-in 312',
      note: '',
    })
    expect(ask.status).toBe(303)
    const [question] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from attendance_questions where person_id = ${alternate.id}`,
    )
    const staff = sessions.staff as Session
    const noReason = await staff.post(`/staff/attendance-questions/${question?.id}/answer`, {
      answer: 'decline',
      reason: '',
    })
    expect(noReason.status).toBe(400)
    expect(await pageText(noReason)).toContain('Say why the question is declined')
    const declined = await staff.post(`/staff/attendance-questions/${question?.id}/answer`, {
      answer: 'decline',
      reason: 'The report shows no dial-in that day.',
    })
    expect(declined.status).toBe(303)
    const page = await pageText(await (sessions.alternate as Session).get(askPath(held.localDate)))
    expect(page).toContain('Declined by')
    expect(page).toContain('The report shows no dial-in that day.')
    expect(await obligations()).toContain('Attended 0 of 2 held calls')
  })

  it('accepting writes a correction, audited, and the call counts in the obligations', async () => {
    const staff = sessions.staff as Session
    const list = await pageText(await staff.get('/staff/attendance-questions'))
    expect(list).toContain('Open (1)')
    expect(list).toContain(org.name)
    const [question] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from attendance_questions where person_id = ${representative.id}`,
    )
    const accepted = await staff.post(`/staff/attendance-questions/${question?.id}/answer`, {
      answer: 'accept',
      reason: 'Matched the iPhone in the Zoom report.',
    })
    expect(accepted.status).toBe(303)
    const rows = await queryRows<{ source: string; seconds: number }>(
      database.db,
      sql`select source, seconds from attendance where call_id = ${held.id} and person_id = ${representative.id}`,
    )
    expect(rows).toEqual([{ source: 'correction', seconds: 600 }])
    const audit = await queryRows<{ actor: string }>(
      database.db,
      sql`select actor from audit_log where table_name = 'attendance_questions' and actor like 'person:%'`,
    )
    expect(audit.length).toBeGreaterThan(0)
    expect(await obligations()).toContain('Attended 1 of 2 held calls')
    const rollCall = await pageText(await staff.get(`/staff/calls/${held.localDate}/roll-call`))
    expect(rollCall).toContain('Corrected record: 10 min')
    const page = await pageText(await (sessions.representative as Session).get(askPath(held.localDate)))
    expect(page).toContain('Matched the iPhone in the Zoom report.')
    expect(page).toContain('present 10 min: counts')
    const twice = await staff.post(`/staff/attendance-questions/${question?.id}/answer`, { answer: 'accept' })
    expect(twice.status).toBe(409)
    expect(await pageText(twice)).toContain('already')
  })

  /** An id that is nobody's seat on the call's day. */
  function sessionsPersonless() {
    return '00000000-0000-4000-8000-000000000000'
  }
})
