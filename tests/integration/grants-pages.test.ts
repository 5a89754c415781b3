import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importExtract } from '../../src/features/grants/index.ts'
import {
  createOrganization,
  recordAdmission,
  seatHolder,
  type TestOrganization,
} from '../support/factories.ts'
import { Session } from '../support/http.ts'
import { pageText } from '../support/page-text.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const SAMPLE = path.resolve(import.meta.dirname, '../support/fixtures/grants/GrantsDBExtract20250115v2.xml')
const TODAY = '2025-02-01'

async function* textSource(text: string) {
  yield new TextEncoder().encode(text)
}

describe(`federal funding pages on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let member: Session
  let community: TestOrganization

  beforeAll(async () => {
    database = await createTestDatabase({ today: TODAY })
    t = await createTestApp(database, { today: TODAY })
    const sample = await readFile(SAMPLE, 'utf8')
    await importExtract(database.db, {
      fileName: 'GrantsDBExtract20250115v2.xml',
      source: textSource(sample),
      via: 'cli',
      by: { personId: null, actor: 'system' },
      today: TODAY,
    })
    community = await createOrganization(database.db, {
      name: 'Harbor Aerospace Manufacturing Community',
      slug: 'harbor-aerospace',
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

  it('lists the open and forecast opportunities, soonest to close first, with filters', async () => {
    const all = await pageText(await member.get('/funding'))
    expect(all).toContain('4 opportunities')
    expect(all.indexOf('Defense Industrial Base Workforce Pilots')).toBeLessThan(
      all.indexOf('Regional Manufacturing Ecosystem'),
    )
    const regional = await pageText(await member.get('/funding?category=RD'))
    expect(regional).toContain('1 opportunity')
    expect(regional).toContain('Regional Manufacturing Ecosystem')
    expect(await pageText(await member.get('/funding?stage=forecast'))).toContain(
      'Advanced Manufacturing Technology Adoption',
    )
    const bad = await member.get('/funding?closesBy=soon')
    expect(bad.status).toBe(400)
    expect(await pageText(bad)).toContain('closesBy should be a date as YYYY-MM-DD')
  })

  it('shows what fits an organisation, best first, each with why', async () => {
    const text = await pageText(await member.get('/funding/for/harbor-aerospace'))
    expect(text).toContain('Funding for Harbor Aerospace Manufacturing Community')
    expect(text).toContain('Defense Industrial Base Workforce Pilots')
    expect(text).toContain('Mentions your focus: defense')
    expect(text).toContain('Funding category: Employment, labor and training (ELT)')
    expect(text).toContain('Open to State governments (00); County governments (01)')
    expect(text.indexOf('Regional Manufacturing Ecosystem')).toBeLessThan(
      text.indexOf('Defense Industrial Base'),
    )
    expect(text.indexOf('Defense Industrial Base')).toBeLessThan(
      text.indexOf('Small Manufacturer Export Readiness'),
    )
  })

  it('shows an opportunity with eligibility in words, its official link and the communities it fits', async () => {
    const response = await member.get('/funding/990001')
    const html = await response.text()
    expect(html).toContain('href="https://www.grants.gov/search-results-detail/990001"')
    expect(html).toContain('Alex Morgan, Program Officer<br />Phone 202-555-0143')
    const text = await pageText(new Response(html))
    expect(text).toContain('County governments (01)')
    expect(text).toContain(
      'Nonprofits with 501(c)(3) status, other than institutions of higher education (12)',
    )
    expect(text).toContain('Award ceiling $5,000,000')
    expect(text).toContain('Regional development (RD)')
    expect((await member.get('/funding/123456789')).status).toBe(404)
  })

  it('answers the same list over the API, paged and documented', async () => {
    const visitor = new Session(t.app)
    const answer = (await (await visitor.get('/api/v1/opportunities?category=RD')).json()) as {
      data: { opportunityId: string; stage: string; awardCeiling: number | null; officialUrl: string }[]
      meta: { total: number; page: number; pages: number }
    }
    expect(answer.meta).toMatchObject({ total: 1, page: 1, pages: 1 })
    expect(answer.data[0]).toMatchObject({
      opportunityId: '990001',
      stage: 'posted',
      awardCeiling: 5_000_000,
      officialUrl: 'https://www.grants.gov/search-results-detail/990001',
    })
    const forecasts = (await (await visitor.get('/api/v1/opportunities?stage=forecast')).json()) as {
      data: unknown[]
    }
    expect(forecasts.data).toHaveLength(1)
    const bad = await visitor.get('/api/v1/opportunities?minAmount=lots')
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('minAmount should be a whole number of dollars')
    const openapi = (await (await visitor.get('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
      components: { schemas: Record<string, unknown> }
    }
    expect(Object.keys(openapi.paths)).toContain('/api/v1/opportunities')
    expect(Object.keys(openapi.components.schemas)).toContain('Opportunity')
  })

  it('keeps the pages for the network: a visitor is sent to sign in', async () => {
    const visitor = new Session(t.app)
    for (const url of ['/funding', '/funding/990001', '/funding/for/harbor-aerospace']) {
      const response = await visitor.get(url)
      expect([302, 303, 401, 403]).toContain(response.status)
      expect(await response.text()).not.toContain('Regional Manufacturing Ecosystem')
    }
  })
})
