import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seatHolderOn } from '../../src/features/seats/seat-holders.ts'
import { defaultChrome } from '../../src/ui/site-chrome.ts'
import {
  createOrganization,
  createPerson,
  seatHolder,
  type TestOrganization,
  type TestPerson,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { startSmtpSink } from '../support/smtp-sink.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

type Sink = Awaited<ReturnType<typeof startSmtpSink>>
const network = defaultChrome.name

describe(`seat handover emails on ${testEngine}`, () => {
  let database: TestDatabase
  let sink: Sink
  let hub: TestApp
  let org: TestOrganization
  let outgoing: TestPerson
  let alternate: TestPerson
  let incoming: TestPerson
  let staff: Session

  /** The emails about a seat of `org`, whoever they went to (invitations are not about a seat). */
  const seatEmails = () => sink.messages.filter((m) => m.subject.includes(`seat of ${org.name}`))

  beforeAll(async () => {
    database = await createTestDatabase()
    sink = await startSmtpSink()
    hub = await createTestApp(database, { smtpUrl: sink.url })
    org = await createOrganization(database.db, { name: 'Lakeside Makers', admittedOn: '2026-01-05' })
    outgoing = await seatHolder(database.db, org, 'representative', { since: '2026-01-05' })
    alternate = await seatHolder(database.db, org, 'alternate', { since: '2026-01-05' })
    incoming = await createPerson(database.db, { fullName: 'Ines Incoming' })
    const ada = await createPerson(database.db, { fullName: 'Ada Staff', role: 'staff', since: '2020-01-01' })
    staff = new Session(hub.app)
    await signInAs(staff, database.db, hub.auth, { email: ada.email })
  })

  afterAll(async () => {
    await hub?.stop()
    await sink?.stop()
    await database?.drop()
  })

  it('tells the outgoing and the incoming holder, once each, with the network, the organisation, the seat and the date', async () => {
    const before = sink.messages.length
    const res = await staff.post(`/organizations/${org.slug}/seats/handover`, {
      role: 'representative',
      email: incoming.email,
      fullName: '',
      effectiveOn: '2026-12-10',
    })
    expect(res.status).toBe(303)
    const emails = seatEmails()
    expect(emails.map((m) => m.to).sort()).toEqual(
      [[incoming.email.toLowerCase()], [outgoing.email.toLowerCase()]].sort(),
    )
    const toIncoming = emails.find((m) => m.to.includes(incoming.email.toLowerCase()))
    expect(toIncoming?.subject).toBe(
      `${network}: from December 10, 2026 you hold the representative seat of Lakeside Makers`,
    )
    expect(toIncoming?.text).toContain(
      `From December 10, 2026, you are the representative of Lakeside Makers in the ${network}, taking the seat over from ${outgoing.fullName}.`,
    )
    const toOutgoing = emails.find((m) => m.to.includes(outgoing.email.toLowerCase()))
    expect(toOutgoing?.subject).toBe(
      `${network}: from December 10, 2026 Ines Incoming holds the representative seat of Lakeside Makers`,
    )
    expect(toOutgoing?.text).toContain('You hold the seat until December 9, 2026, its last day with you.')
    // Always sent (it is about the person's own seat): no unsubscribe link.
    for (const m of emails) expect(m.raw).not.toMatch(/^List-Unsubscribe:/im)
    // Nobody else: the alternate and staff get nothing about it.
    const others = sink.messages.slice(before).filter((m) => !emails.includes(m))
    for (const m of others) expect(m.subject).not.toContain('seat of')
    expect(sink.messages.some((m) => m.to.includes(alternate.email.toLowerCase()))).toBe(false)
  })

  it('shows the incoming holder the coming seat on their account before it starts', async () => {
    const session = new Session(hub.app)
    await signInAs(session, database.db, hub.auth, { email: incoming.email })
    const text = await pageText(await session.get('/account'))
    expect(text).toContain(
      'Coming seats From December 10, 2026 you will be the representative of Lakeside Makers.',
    )
    expect(text).toContain('No roles on record today.')
  })

  it('keeps the handover when the mail server is down, and sends nothing twice', async () => {
    const down = await createTestApp(database, { smtpUrl: 'smtp://127.0.0.1:9' })
    try {
      const session = new Session(down.app)
      const ada = await createPerson(database.db, { role: 'staff', since: '2020-01-01' })
      await signInAs(session, database.db, down.auth, { email: ada.email })
      const sent = seatEmails().length
      const res = await session.post(`/organizations/${org.slug}/seats/handover`, {
        role: 'alternate',
        email: 'new.alternate@example.org',
        fullName: 'Nora Alternate',
        effectiveOn: '2026-12-01',
      })
      expect(res.status).toBe(303)
      expect(
        (await seatHolderOn(database.db, { organizationId: org.id, role: 'alternate', onDate: '2026-12-01' }))
          ?.fullName,
      ).toBe('Nora Alternate')
      expect(seatEmails().length).toBe(sent)
    } finally {
      await down.stop()
    }
  })
})
