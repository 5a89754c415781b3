import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createCall,
  createOrganization,
  createPerson,
  recordAdmission,
  seatHolder,
  type TestCall,
} from '../support/factories.ts'
import { importGrantsSample } from '../support/grants-factories.ts'
import { Session } from '../support/http.ts'
import { createLibraryItem, type TestLibraryItem } from '../support/library-factories.ts'
import { pageHtml, pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const TODAY = '2025-02-01'
const REGIONAL = 'Regional Manufacturing Ecosystem'
const WORKFORCE = 'Defense Industrial Base Workforce Pilots'

describe(`pinning funding opportunities to calls and library items on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let member: Session
  let visitor: Session
  let call: TestCall
  let item: TestLibraryItem

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    t = await createTestApp(database, { today: TODAY })
    const db = database.db
    await importGrantsSample(db, { today: TODAY })
    call = await createCall(db, '2025-02-03')
    item = await createLibraryItem(db, { title: 'Export readiness briefing', visibility: 'public' })
    const org = await createOrganization(db, { admittedOn: null })
    await recordAdmission(db, org.id, 'admitted', '2024-01-08')
    const representative = await seatHolder(db, org, 'representative', { since: '2024-01-08' })
    const officer = await createPerson(db, { role: 'staff', since: '2024-01-01' })
    staff = new Session(t.app)
    await signInAs(staff, db, t.auth, { email: officer.email })
    member = new Session(t.app)
    await signInAs(member, db, t.auth, { email: representative.email })
    visitor = new Session(t.app)
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('lets staff pin an opportunity to a call and a library item, for everyone or members only', async () => {
    const page = await pageText(await staff.get('/funding/990001'))
    expect(page).toContain('Pinned to calls and the library')
    expect(page).toContain('Not pinned anywhere yet.')
    const toCall = await staff.post('/funding/990001/pins', {
      place: 'call',
      callDate: call.localDate,
      visibility: 'members',
      note: 'Discussed with the EDA on the call.',
    })
    expect(toCall.status).toBe(303)
    expect(toCall.headers.get('location')).toBe('/funding/990001?pinned=added#pins')
    for (const [id, visibility, note] of [
      ['990001', 'public', 'Applications open: see the briefing.'],
      ['990002', 'members', 'Members: ask staff before applying.'],
    ] as const) {
      const response = await staff.post(`/funding/${id}/pins`, {
        place: 'library',
        briefingId: item.id,
        visibility,
        note,
      })
      expect(response.status).toBe(303)
    }
    const after = await pageText(await staff.get('/funding/990001?pinned=added'))
    expect(after).toContain('Pinned. It shows on the page you chose')
    expect(after).toMatch(/the call of February 3, 2025\s*: members only/)
    expect(after).toMatch(/the library item Export readiness briefing\s*: everyone sees it/)
  })

  it('refuses a date with no call and an unknown item, keeping what was typed', async () => {
    const noCall = await staff.post('/funding/990001/pins', {
      place: 'call',
      callDate: '2025-02-04',
      visibility: 'public',
      note: 'kept text',
    })
    expect(noCall.status).toBe(400)
    const text = await pageText(noCall)
    expect(text).toContain('There is no call on that date.')
    expect(
      await pageHtml(await staff.post('/funding/990001/pins', { place: 'call', visibility: 'x' })),
    ).toContain('Choose who sees the pin.')
    const noItem = await staff.post('/funding/990001/pins', {
      place: 'library',
      briefingId: '00000000-0000-4000-8000-000000000000',
      visibility: 'public',
    })
    expect(noItem.status).toBe(400)
    expect(await pageText(noItem)).toContain('Choose a library item.')
  })

  it('shows members both pins on the library item, linked to the Hub', async () => {
    const html = await pageHtml(await member.get(`/library/${item.slug}`))
    expect(html).toContain('href="/funding/990001"')
    expect(html).toContain('href="/funding/990002"')
    const text = await pageText(new Response(html))
    expect(text).toContain('Federal funding opportunities')
    expect(text).toContain('Members: ask staff before applying.')
    expect(text).toContain('Members only')
    // Members read the opportunity's page, without the staff's forms.
    const opportunity = await pageText(await member.get('/funding/990001'))
    expect(opportunity).toContain('the library item Export readiness briefing')
    expect(opportunity).not.toContain('Pin to a call')
    expect(opportunity).not.toContain('Unpin')
  })

  it('shows a visitor only the public pin, linked to the official listing, never the members-only one', async () => {
    for (let i = 0; i < 2; i++) {
      // The second answer comes from the page cache: still only the public pin.
      const response = await visitor.get(`/library/${item.slug}`)
      const html = await pageHtml(response)
      expect(html).toContain('href="https://www.grants.gov/search-results-detail/990001"')
      expect(html).not.toContain('/funding/990001')
      expect(html).toContain(REGIONAL)
      expect(html).not.toContain(WORKFORCE)
      expect(html).not.toContain('Members: ask staff before applying.')
      expect(html).not.toContain('990002')
    }
    expect((await visitor.get('/funding/990001')).status).not.toBe(200)
    expect((await visitor.get(`/calls/${call.localDate}/funding`)).status).not.toBe(200)
  })

  it('lists a call’s pins for members from the call page', async () => {
    const callPage = await pageHtml(await member.get(`/calls/${call.localDate}`))
    expect(callPage).toContain(`href="/calls/${call.localDate}/funding"`)
    expect(callPage).toContain('One federal funding opportunity is pinned to this call')
    const list = await pageText(await member.get(`/calls/${call.localDate}/funding`))
    expect(list).toContain(REGIONAL)
    expect(list).toContain('Discussed with the EDA on the call.')
  })

  it('never puts pins in the opportunities API', async () => {
    const answer = await (await visitor.get('/api/v1/opportunities')).text()
    expect(answer).not.toContain('Members: ask staff before applying.')
    expect(answer).not.toContain('Applications open: see the briefing.')
    expect(answer).not.toMatch(/pin/i)
  })

  it('refuses pins from non-staff and without the form token', async () => {
    const fields = { place: 'call', callDate: call.localDate, visibility: 'public' }
    expect((await member.post('/funding/990003/pins', fields)).status).toBe(403)
    const anonymous = await visitor.post('/funding/990003/pins', fields)
    expect(anonymous.headers.get('location') ?? '').not.toContain('pinned=')
    const forged = await staff.post('/funding/990003/pins', { ...fields, _csrf: 'not-the-token' })
    expect(forged.status).toBe(403)
    const otherSite = await staff.post('/funding/990003/pins', fields, { Origin: 'https://evil.example' })
    expect(otherSite.status).toBe(403)
    expect(await pageText(await staff.get('/funding/990003'))).toContain('Not pinned anywhere yet.')
  })

  it('pinning to the same place again changes the pin; unpinning takes it off every page', async () => {
    const again = await staff.post('/funding/990002/pins', {
      place: 'library',
      briefingId: item.id,
      visibility: 'public',
      note: 'Now for everyone.',
    })
    expect(again.headers.get('location')).toBe('/funding/990002?pinned=changed#pins')
    expect(await pageText(await visitor.get(`/library/${item.slug}`))).toContain('Now for everyone.')
    const html = await pageHtml(await staff.get('/funding/990002'))
    const pinId = /action="\/funding\/990002\/pins\/([0-9a-f-]{36})\/delete"/.exec(html)?.[1] ?? ''
    expect((await member.post(`/funding/990002/pins/${pinId}/delete`, {})).status).toBe(403)
    const removed = await staff.post(`/funding/990002/pins/${pinId}/delete`, {})
    expect(removed.headers.get('location')).toBe('/funding/990002?pinned=removed#pins')
    expect(await pageText(await visitor.get(`/library/${item.slug}`))).not.toContain('Now for everyone.')
    expect((await staff.post(`/funding/990002/pins/${pinId}/delete`, {})).status).toBe(404)
  })
})
