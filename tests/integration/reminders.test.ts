import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { writeAs } from '../../src/db/actor.ts'
import { queryRows } from '../../src/db/sql.ts'
import { admissionStateOn, isAdmittedState } from '../../src/features/admission/index.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { computeYearCompliance } from '../../src/features/obligations/compliance.ts'
import { saveChoices } from '../../src/features/reminders/preferences.ts'
import { runReminders } from '../../src/features/reminders/reminders.ts'
import { claimReminder } from '../../src/features/reminders/send-once.ts'
import { unsubscribeToken } from '../../src/features/reminders/unsubscribe.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { type ReceivedEmail, startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** A Sunday: the call of Monday 21 December is tomorrow, Q4 ends in 11 days, and March is long over. */
const TODAY = '2026-12-20'
const ORG = 'amp-socal'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
type Holder = { personId: string; email: string; role: 'representative' | 'alternate' }

/** The kind of a reminder email, read from its subject as a person would. */
function kindOf(email: ReceivedEmail): string {
  if (email.subject.startsWith('Tomorrow: the national call')) return 'call_tomorrow'
  if (email.subject.includes(' is at risk of missing its ')) return 'at_risk'
  if (email.subject.includes(': no sharing record yet for Q')) return 'sharing_due'
  if (email.subject.includes(' has no presentation slot for ')) return 'presentation_unplanned'
  return `unknown: ${email.subject}`
}

const lines = (emails: readonly ReceivedEmail[]) => emails.map((m) => `${m.to.join(',')} ${kindOf(m)}`).sort()

/** The link to stop a kind of email, from an email's text. */
const unsubscribeLinkIn = (email: ReceivedEmail): string => {
  const match = email.text.match(/https?:\/\/\S+\/reminders\/unsubscribe\?token=[\w.-]+/)
  if (!match) throw new Error(`no unsubscribe link in:\n${email.text}`)
  return match[0]
}

async function holdersOf(db: TestDatabase['db'], organizationId: string, onDate: string): Promise<Holder[]> {
  return queryRows<Holder>(
    db,
    sql`select p.id as "personId", p.email, s.role from seats s join people p on p.id = s.person_id
      where s.organization_id = ${organizationId} and s.starts_on <= ${onDate}::date
        and (s.ends_on is null or s.ends_on > ${onDate}::date)`,
  )
}

/** Takes AMP SoCal's Q4 sharing record and its 2026 presentation away, so that both reminders are due for it. */
async function makeOrgBehind(db: TestDatabase['db']): Promise<void> {
  await writeAs(db, 'cli', async (tx) => {
    await tx.execute(sql`delete from sharing_attestations where shared_on >= '2026-10-01'
      and organization_id = (select id from organizations where slug = ${ORG})`)
    await tx.execute(sql`delete from presentations where year = 2026
      and organization_id = (select id from organizations where slug = ${ORG})`)
  })
}

async function setUp(): Promise<{ database: TestDatabase; sink: Sink; t: TestApp }> {
  const database = await createTestDatabase()
  await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
  await makeOrgBehind(database.db)
  const sink = await startSmtpSink()
  const t = await createTestApp(database, { today: TODAY, smtpUrl: sink.url })
  return { database, sink, t }
}

const runOn = (env: { database: TestDatabase; t: TestApp }, today = TODAY, mailer?: Mailer) =>
  runReminders({
    db: env.database.db,
    mailer: mailer ?? env.t.mailer,
    origin: TEST_ORIGIN,
    secret: env.t.auth.options.secret,
    today,
  })

const orgId = async (db: TestDatabase['db'], slug: string) =>
  (await queryRows<{ id: string }>(db, sql`select id from organizations where slug = ${slug}`))[0]
    ?.id as string

describe(`reminder emails on ${testEngine}`, () => {
  let env: Awaited<ReturnType<typeof setUp>>
  beforeAll(async () => {
    env = await setUp()
  })
  afterAll(async () => {
    await env?.t.stop()
    await env?.sink.stop()
    await env?.database.drop()
  })

  it('sends each due reminder once, to the seat holders who want it, however often and however concurrently it runs', async () => {
    const { database, sink, t } = env
    const db = database.db
    const amp = await holdersOf(db, await orgId(db, ORG), TODAY)
    const rep = amp.find((h) => h.role === 'representative') as Holder
    const alternate = amp.find((h) => h.role === 'alternate') as Holder
    // The representative asks for the call reminder; the alternate stops the sharing reminders.
    const repSession = new Session(t.app)
    await signInAs(repSession, db, t.auth, { email: rep.email })
    const saved = await repSession.post('/account/reminders', {
      call_tomorrow: 'on',
      at_risk: 'on',
      sharing_due: 'on',
      presentation_unplanned: 'on',
    })
    expect(saved.status).toBe(303)
    const altSession = new Session(t.app)
    await signInAs(altSession, db, t.auth, { email: alternate.email })
    expect(
      (await altSession.post('/account/reminders', { at_risk: 'on', presentation_unplanned: 'on' })).status,
    ).toBe(303)

    // What should go out, worked out from the records (the engine decides only "at risk").
    const admitted: { id: string; name: string }[] = []
    for (const org of await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, coalesce(short_name, name) as name from organizations`,
    ))
      if (isAdmittedState((await admissionStateOn(db, org.id, TODAY)).state)) admitted.push(org)
    const withoutQ4 = new Set(
      (
        await queryRows<{ id: string }>(
          db,
          sql`select o.id from organizations o where not exists (select 1 from sharing_attestations s
            where s.organization_id = o.id and s.shared_on between '2026-10-01' and '2026-12-31')`,
        )
      ).map((r) => r.id),
    )
    const withSlot = new Set(
      (
        await queryRows<{ id: string }>(
          db,
          sql`select p.organization_id as id from presentations p join calls c on c.id = p.call_id
            where p.year = 2026 and c.status <> 'cancelled'`,
        )
      ).map((r) => r.id),
    )
    const atRisk = new Set(
      (await computeYearCompliance(db, { year: 2026, today: TODAY }))
        .filter((c) => c.obligations.status === 'at_risk')
        .map((c) => c.organizationId),
    )
    const expected: string[] = [`${rep.email} call_tomorrow`]
    for (const org of admitted)
      for (const h of await holdersOf(db, org.id, TODAY)) {
        if (atRisk.has(org.id)) expected.push(`${h.email} at_risk`)
        if (withoutQ4.has(org.id) && h.personId !== alternate.personId)
          expected.push(`${h.email} sharing_due`)
        if (!withSlot.has(org.id)) expected.push(`${h.email} presentation_unplanned`)
      }
    expect(expected).toContain(`${rep.email} sharing_due`)
    expect(expected).toContain(`${alternate.email} presentation_unplanned`)
    expect(expected.filter((l) => l.endsWith(' at_risk')).length).toBeGreaterThan(0)

    const first = await runOn(env)
    expect(first).toMatchObject({ sent: expected.length, failed: 0 })
    expect(lines(sink.messages)).toEqual(expected.sort())

    // What AMP SoCal's representative reads: a subject that says it all, what to do, where, how to stop.
    const sharing = sink.messages.find((m) => m.to.includes(rep.email) && kindOf(m) === 'sharing_due')
    expect(sharing?.subject).toBe('AMP SoCal: no sharing record yet for Q4 2026 (ends December 31, 2026)')
    expect(sharing?.text).toContain(`${TEST_ORIGIN}/organizations/${ORG}/sharing`)
    expect(sharing?.text).toContain(`${TEST_ORIGIN}/reminders/unsubscribe?token=`)
    const call = sink.messages.find((m) => kindOf(m) === 'call_tomorrow')
    expect(call?.text).toContain(`${TEST_ORIGIN}/calls/2026-12-21`)
    expect(call?.text).toContain('Monday, December 21, 2026, at 1:00 pm ET')

    // Again, and three at once: nothing more goes out.
    expect(await runOn(env)).toMatchObject({ sent: 0, taken: expected.length })
    const again = await Promise.all([runOn(env), runOn(env), runOn(env)])
    expect(again.map((r) => r.sent)).toEqual([0, 0, 0])
    expect(sink.messages).toHaveLength(expected.length)

    // A reminder that becomes due (the alternate asks for the call reminder) goes out once
    // when three runs race for it.
    expect((await altSession.post('/account/reminders', { call_tomorrow: 'on', at_risk: 'on' })).status).toBe(
      303,
    )
    const raced = await Promise.all([runOn(env), runOn(env), runOn(env)])
    expect(raced.map((r) => r.sent).sort()).toEqual([0, 0, 1])
    const toAlternate = sink.messages.filter((m) => m.to.includes(alternate.email))
    expect(lines(toAlternate)).toEqual([
      `${alternate.email} call_tomorrow`,
      `${alternate.email} presentation_unplanned`,
    ])
    expect(sink.messages).toHaveLength(expected.length + 1)
  })
})

describe(`claims of reminders on ${testEngine}`, () => {
  let env: Awaited<ReturnType<typeof setUp>>
  beforeAll(async () => {
    env = await setUp()
  })
  afterAll(async () => {
    await env?.t.stop()
    await env?.sink.stop()
    await env?.database.drop()
  })

  it('gives the claim back when the email cannot be sent, so that a later run sends it', async () => {
    const db = env.database.db
    const [rep] = (await holdersOf(db, await orgId(db, ORG), TODAY)).filter(
      (h) => h.role === 'representative',
    )
    const refusing: Mailer = {
      kind: 'smtp',
      send: async () => {
        throw new Error('the mail server is down')
      },
    }
    const failed = await runOn(env, TODAY, refusing)
    expect(failed.sent).toBe(0)
    expect(failed.failed).toBeGreaterThan(0)
    expect(await queryRows(db, sql`select id from reminder_deliveries`)).toEqual([])
    expect(env.sink.messages).toEqual([])

    const later = await runOn(env)
    expect(later).toMatchObject({ sent: failed.failed, failed: 0 })
    expect(lines(env.sink.messages.filter((m) => m.to.includes(rep?.email ?? '')))).toEqual([
      `${rep?.email} presentation_unplanned`,
      `${rep?.email} sharing_due`,
    ])
  })

  it('takes over a claim an hour old that was never sent, and leaves a fresh one to its process', async () => {
    const db = env.database.db
    const person = await personByEmail(db, 'staff@example.org')
    const key = { kind: 'at_risk' as const, subject: 'claim-test:1999', personId: person?.id ?? '' }
    const first = await claimReminder(db, key)
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(await claimReminder(db, key)).toBeUndefined()
    await db.execute(
      sql`update reminder_deliveries set claimed_at = hub_now() - interval '61 minutes' where id = ${first}`,
    )
    const takenOver = await claimReminder(db, key)
    expect(takenOver).toBe(first)
    expect(await claimReminder(db, key)).toBeUndefined()
    // Once sent, never again, however old.
    await db.execute(
      sql`update reminder_deliveries set sent_at = hub_now(), claimed_at = hub_now() - interval '3 days' where id = ${first}`,
    )
    expect(await claimReminder(db, key)).toBeUndefined()
  })
})

describe(`reminder choices and unsubscribe links on ${testEngine}`, () => {
  let env: Awaited<ReturnType<typeof setUp>>
  beforeAll(async () => {
    env = await setUp()
  })
  afterAll(async () => {
    await env?.t.stop()
    await env?.sink.stop()
    await env?.database.drop()
  })

  it('stops one kind of email for its person with the link in the email, without signing in', async () => {
    const { database, sink, t } = env
    const db = database.db
    const [rep] = (await holdersOf(db, await orgId(db, ORG), TODAY)).filter(
      (h) => h.role === 'representative',
    )
    if (!rep) throw new Error('AMP SoCal has no representative')
    const wantedBefore = (await runOn(env)).due
    const email = sink.messages.find((m) => m.to.includes(rep.email) && kindOf(m) === 'sharing_due')
    if (!email) throw new Error('no sharing reminder for the representative')
    const link = new URL(unsubscribeLinkIn(email))

    const visitor = new Session(t.app)
    const page = await visitor.get(`${link.pathname}${link.search}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('referrer-policy')).toBe('same-origin')
    const html = await page.text()
    expect(html).toContain('Stop the emails “A quarter is ending without a sharing record”?')
    expect(html).toContain('name="_csrf"')
    const token = link.searchParams.get('token') ?? ''
    expect(html).toContain(`name="token" value="${token}"`)

    const stopped = await visitor.post('/reminders/unsubscribe', { token })
    expect(stopped.status).toBe(303)
    const done = await visitor.get(stopped.headers.get('location') ?? '')
    expect(await done.text()).toContain(
      'Done. You will no longer get the emails “A quarter is ending without a sharing record”.',
    )

    // The reminder is no longer wanted: a run counts one fewer (the others stay as they were).
    expect((await runOn(env)).due).toBe(wantedBefore - 1)

    // Their account page shows the box unticked, the others as they were.
    const session = new Session(t.app)
    await signInAs(session, db, t.auth, { email: rep.email })
    const account = await (await session.get('/account/reminders')).text()
    expect(account).toMatch(
      /<input type="checkbox" id="reminder-sharing_due" name="sharing_due" value="on" aria/,
    )
    expect(account).toMatch(/<input type="checkbox" id="reminder-at_risk" name="at_risk" value="on" checked/)
  })

  it('refuses a link without its code, changed, or signed with another secret', async () => {
    const { database, t } = env
    const person = await personByEmail(database.db, 'board@example.org')
    const personId = person?.id ?? ''
    const token = unsubscribeToken({ personId, kind: 'at_risk' }, t.auth.options.secret)
    const visitor = new Session(t.app)
    expect((await visitor.get('/reminders/unsubscribe')).status).toBe(400)
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    const foreign = unsubscribeToken({ personId, kind: 'at_risk' }, 'some-other-secret-that-is-long-enough')
    const otherKind = `${Buffer.from(`${personId}.call_tomorrow`).toString('base64url')}.${token.split('.')[1]}`
    for (const bad of [tampered, foreign, otherKind, 'abc']) {
      const page = await visitor.get(`/reminders/unsubscribe?token=${encodeURIComponent(bad)}`)
      expect(page.status, bad).toBe(404)
      expect(await page.text()).toContain('This unsubscribe link is not valid')
      expect((await visitor.post('/reminders/unsubscribe', { token: bad })).status).toBe(404)
    }
    expect((await visitor.post('/reminders/unsubscribe', {})).status).toBe(400)
    expect(
      await queryRows(database.db, sql`select kind from reminder_preferences where person_id = ${personId}`),
    ).toEqual([])
    // The real one still works.
    expect((await visitor.post('/reminders/unsubscribe', { token })).status).toBe(303)
  })

  it('shows and saves a person’s choices, and refuses a box with a strange value', async () => {
    const { database, t } = env
    expect((await new Session(t.app).get('/account/reminders')).status).toBe(303)
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email: 'staff@example.org' })
    const page = await (await session.get('/account/reminders')).text()
    expect(page).toContain('<h1>Email reminders</h1>')
    expect(page).toContain('You hold no representative or alternate seat today')
    expect(page).toMatch(/id="reminder-call_tomorrow" name="call_tomorrow" value="on" aria/)
    expect(page).toMatch(
      /id="reminder-presentation_unplanned" name="presentation_unplanned" value="on" checked/,
    )

    const refused = await session.post('/account/reminders', { call_tomorrow: 'yes', at_risk: 'on' })
    expect(refused.status).toBe(400)
    const html = await refused.text()
    expect(html).toContain('is a checkbox: ticked (on) or not ticked, nothing else.')
    expect(html).toMatch(
      /id="reminder-call_tomorrow" name="call_tomorrow" value="on" checked="" aria-invalid="true"/,
    )

    const saved = await session.post('/account/reminders', { call_tomorrow: 'on' })
    expect(saved.headers.get('location')).toBe('/account/reminders?notice=saved')
    const after = await (await session.get('/account/reminders?notice=saved')).text()
    expect(after).toContain('Your choices are saved.')
    expect(after).toMatch(/id="reminder-call_tomorrow" name="call_tomorrow" value="on" checked/)
    expect(after).toMatch(/id="reminder-at_risk" name="at_risk" value="on" aria/)
    const audit = await queryRows<{ actor: string }>(
      database.db,
      sql`select distinct actor from audit_log where table_name = 'reminder_preferences'`,
    )
    const staff = await personByEmail(database.db, 'staff@example.org')
    expect(audit.map((a) => a.actor)).toContain(`person:${staff?.id}`)
    // saveChoices is what both forms use: saving the same again writes nothing new.
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from audit_log where table_name = 'reminder_preferences'`,
        )
      )[0]?.n
    const n = await count()
    await saveChoices(database.db, staff?.id ?? '', { call_tomorrow: true, at_risk: false })
    expect(await count()).toBe(n)
  })
})
