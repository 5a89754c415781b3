import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeAs } from '../../src/db/actor.ts'
import { people } from '../../src/db/schema/index.ts'
import { startApplication } from '../../src/features/membership/start-application.ts'
import { createOrganization, createPerson, seatHolder, type TestPerson } from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

/** RFC 4180 rows: quoted fields with doubled quotes, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/**
 * A strict reading of RFC 6350 (and 2426) content lines: CRLF only, at most 75 octets a physical
 * line, continuations start with one space; then each property's text value unescaped.
 */
function parseVCards(text: string): Record<string, string>[] {
  expect(text.endsWith('\r\n')).toBe(true)
  const physical = text.slice(0, -2).split('\r\n')
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/)
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
  }
  const logical: string[] = []
  for (const line of physical)
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1)
    else logical.push(line)
  const cards: Record<string, string>[] = []
  let card: Record<string, string> | null = null
  for (const line of logical) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).split(';')[0] ?? ''
    const value = line.slice(colon + 1)
    if (line === 'BEGIN:VCARD') card = {}
    else if (line === 'END:VCARD') {
      if (card) cards.push(card)
      card = null
    } else if (card) {
      // An unescaped comma or semicolon is a separator: only N may have them (its components).
      if (name !== 'N') expect(value.replace(/\\./g, '')).not.toMatch(/[,;]/)
      card[name] = value.replace(/\\([\\,;nN])/g, (_m, ch: string) => (ch.toLowerCase() === 'n' ? '\n' : ch))
    }
  }
  return cards
}

describe(`the member directory on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let representative: TestPerson
  let alternate: TestPerson
  let bffRepresentative: TestPerson
  let hostile: TestPerson
  const HOSTILE_NAME = '=cmd|\' /C calc\'!A0, "Jr";\nSmith'
  const sessionOf = async (email: string) => {
    const session = new Session(t.app)
    await signInAs(session, database.db, t.auth, { email })
    return session
  }

  beforeAll(async () => {
    database = await createTestDatabase()
    t = await createTestApp(database)
    const ohio = await createOrganization(database.db, { name: 'Ohio Makers', states: ['OH'] })
    const texas = await createOrganization(database.db, { name: 'Texas Forge', states: ['TX'] })
    const bff = await createOrganization(database.db, {
      name: 'Friends Fund',
      category: 'bff',
      states: ['CA'],
    })
    await createOrganization(database.db, { name: 'Not Yet Admitted', admittedOn: null })
    representative = await seatHolder(database.db, ohio, 'representative')
    alternate = await seatHolder(database.db, ohio, 'alternate')
    bffRepresentative = await seatHolder(database.db, bff, 'representative')
    hostile = await seatHolder(database.db, texas, 'representative', {
      person: await createPerson(database.db, { fullName: HOSTILE_NAME, email: 'hostile@example.org' }),
    })
    await writeAs(database.db, 'system', (tx) =>
      tx.update(people).set({ title: 'Director; Plants, North' }).where(eq(people.id, representative.id)),
    )
  }, 180_000)

  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('refuses a visitor and an applicant, on the page and both exports', async () => {
    const visitor = new Session(t.app)
    const started = await startApplication(database.db, {
      category: 'member',
      organizationName: 'Hopeful Works',
      applicant: { fullName: 'Hopeful Applicant', email: 'hopeful@example.org' },
    })
    expect(started.kind).toBe('started')
    const applicant = await sessionOf('hopeful@example.org')
    for (const path of ['/members', '/members.csv', '/members.vcf']) {
      const anonymous = await visitor.get(path)
      expect(anonymous.status).not.toBe(200)
      expect(await anonymous.text()).not.toContain(representative.email)
      const refused = await applicant.get(path)
      expect(refused.status).toBe(403)
      expect(await refused.text()).not.toContain(representative.email)
    }
  })

  it("shows a BFF's representative who represents each admitted organisation, filtered by name and state", async () => {
    const bffSession = await sessionOf(bffRepresentative.email)
    const text = await pageText(await bffSession.get('/members'))
    expect(text).toContain('Ohio Makers')
    expect(text).toContain(`${representative.fullName}, Director; Plants, North`)
    expect(text).toContain(alternate.email)
    expect(text).not.toContain('Not Yet Admitted')
    const texas = await pageText(await bffSession.get('/members?state=tx'))
    expect(texas).toContain('Texas Forge')
    expect(texas).not.toContain('Ohio Makers')
    const byPerson = await pageText(
      await bffSession.get(`/members?q=${encodeURIComponent(alternate.fullName)}`),
    )
    expect(byPerson).toContain('Ohio Makers')
    expect(byPerson).not.toContain('Friends Fund')
    const bad = await bffSession.get('/members?state=Ohio')
    expect(bad.status).toBe(400)
    expect(await pageText(bad)).toContain('two-letter code')
  })

  it('exports the right people as CSV, a hostile name kept as text', async () => {
    const staff = await sessionOf((await createPerson(database.db, { role: 'staff' })).email)
    const response = await staff.get('/members.csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    const [header, ...rows] = parseCsv(await response.text())
    expect(header).toEqual(['Organisation', 'Category', 'States', 'Seat', 'Name', 'Title', 'Email'])
    expect(rows.map((r) => r[6]).sort()).toEqual(
      [representative.email, alternate.email, bffRepresentative.email, hostile.email].sort(),
    )
    const ohio = rows.find((r) => r[6] === representative.email)
    expect(ohio).toEqual([
      'Ohio Makers',
      'Member community',
      'OH',
      'Representative',
      representative.fullName,
      'Director; Plants, North',
      representative.email,
    ])
    const bad = rows.find((r) => r[6] === hostile.email)
    expect(bad?.[4]).toBe(`'${HOSTILE_NAME}`)
    const filtered = parseCsv(await (await staff.get('/members.csv?state=CA')).text())
    expect(filtered.slice(1).map((r) => r[6])).toEqual([bffRepresentative.email])
  })

  for (const version of ['3.0', '4.0'] as const)
    it(`exports one vCard ${version} a person, escaped and folded`, async () => {
      const board = await sessionOf((await createPerson(database.db, { role: 'board' })).email)
      const response = await board.get(`/members.vcf?version=${version}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/vcard; charset=utf-8')
      const cards = parseVCards(await response.text())
      expect(cards).toHaveLength(4)
      for (const card of cards) expect(card.VERSION).toBe(version)
      const rep = cards.find((c) => c.EMAIL === representative.email)
      expect(rep).toMatchObject({
        FN: representative.fullName,
        ORG: 'Ohio Makers',
        TITLE: 'Director; Plants, North',
      })
      const bad = cards.find((c) => c.EMAIL === hostile.email)
      expect(bad?.FN).toBe(HOSTILE_NAME)
      expect(bad?.ORG).toBe('Texas Forge')
    })

  it('refuses a vCard version it does not write', async () => {
    const session = await sessionOf(alternate.email)
    const response = await session.get('/members.vcf?version=2.1')
    expect(response.status).toBe(400)
    expect(await pageText(response)).toContain('3.0 or 4.0')
  })
})
