import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personByEmail } from '#src/http/accounts.ts'
import { writeAs } from '../../src/db/actor.ts'
import { applicationEvidence, applications, people, storedFiles } from '../../src/db/schema/index.ts'
import { queryRows } from '../../src/db/sql.ts'
import { createApiToken, revokeApiToken } from '../../src/features/access/api-tokens.ts'
import { apiApplicationSchema } from '../../src/features/api/applications-read.ts'
import { loadDemo } from '../../src/features/demo/load-demo.ts'
import { DEMO_TODAY } from '../support/fixtures.ts'
import { Session, TEST_CSRF } from '../support/http.ts'
import { signInAs } from '../support/sign-in-as.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '../support/test-app.ts'
import { createTestDatabase, type TestDatabase, testEngine } from '../support/test-database.ts'

const ORG_A = 'amp-socal'
const ORG_B = 'south-kansas'
const PDF = Buffer.from('%PDF-1.4\n% a tiny agreement\n')

type ApiError = { error: { code: string; message: string; fields?: Record<string, string> } }
type ApiApplication = ReturnType<typeof apiApplicationSchema.parse>

describe(`the JSON API for applications and profile changes on ${testEngine}`, () => {
  let database: TestDatabase
  let t: TestApp
  let staff: Session
  let representative: Session
  let board: Session
  let representativeId: string
  let orgAId: string
  let orgBId: string
  let readToken: string
  let writeToken: { id: string; token: string }
  let publicToken: string
  let memberApplicationId: string
  let bffApplicationId: string
  let draftApplicationId: string
  let fileId: string

  const bearer = (token: string, path: string, init: RequestInit = {}) =>
    t.app.request(path, { ...init, headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}` } })
  const patchAsSession = (
    session: Session,
    path: string,
    body: unknown,
    headers: Record<string, string> = { 'X-CSRF-Token': TEST_CSRF },
  ) =>
    t.app.request(path, {
      method: 'PATCH',
      body: JSON.stringify(body),
      headers: {
        'Content-Type': 'application/json',
        Origin: TEST_ORIGIN,
        Cookie: session.cookieHeader,
        ...headers,
      },
    })
  const patchWithToken = (token: string, path: string, body: unknown) =>
    bearer(token, path, {
      method: 'PATCH',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json' },
    })

  /** The organisation's row, its partners and the number of audit rows, to compare before and after. */
  async function snapshot(slug: string) {
    const [org] = await queryRows<Record<string, unknown>>(
      database.db,
      sql`select * from organizations where slug = ${slug}`,
    )
    const partners = await queryRows<{ name: string }>(
      database.db,
      sql`select p.name from organization_partners p join organizations o on o.id = p.organization_id
        where o.slug = ${slug} order by p.position`,
    )
    const [audit] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where table_name in ('organizations', 'organization_partners')`,
    )
    return { org, partners, audit: audit?.n }
  }

  /** The actors of the audit rows written for an organisation's profile since `since`. */
  const profileAuditActors = async (organizationId: string, since: string) =>
    (
      await queryRows<{ actor: string }>(
        database.db,
        sql`select distinct actor from audit_log where at >= ${since}::timestamptz and (
          (table_name = 'organizations' and record_id = ${organizationId})
          or (table_name = 'organization_partners' and coalesce(after, before) ->> 'organization_id' = ${organizationId}))`,
      )
    ).map((r) => r.actor)
  const now = async () =>
    (await queryRows<{ t: string }>(database.db, sql`select hub_now()::text as t`))[0]?.t ?? ''

  beforeAll(async () => {
    database = await createTestDatabase()
    await loadDemo(database.db, { isProduction: false, today: DEMO_TODAY })
    t = await createTestApp(database)
    const ids = await queryRows<{ slug: string; id: string }>(
      database.db,
      sql`select slug, id from organizations where slug in (${ORG_A}, ${ORG_B})`,
    )
    orgAId = ids.find((r) => r.slug === ORG_A)?.id ?? ''
    orgBId = ids.find((r) => r.slug === ORG_B)?.id ?? ''
    const [rep] = await queryRows<{ email: string; id: string }>(
      database.db,
      sql`select p.email, p.id from seats s join people p on p.id = s.person_id
        where s.organization_id = ${orgAId} and s.role = 'representative'
          and s.starts_on <= ${DEMO_TODAY}::date and (s.ends_on is null or s.ends_on > ${DEMO_TODAY}::date)`,
    )
    representativeId = rep?.id ?? ''
    const signIn = async (email: string) => {
      const session = new Session(t.app)
      await signInAs(session, database.db, t.auth, { email })
      return session
    }
    staff = await signIn('staff@example.org')
    board = await signIn('board@example.org')
    representative = await signIn(rep?.email ?? '')
    const staffId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
    readToken = (
      await createApiToken(database.db, {
        name: 'Reports',
        scopes: ['applications:read'],
        createdBy: staffId,
      })
    ).token
    writeToken = await createApiToken(database.db, {
      name: 'Profile sync',
      scopes: ['organizations:write'],
      createdBy: staffId,
    })
    publicToken = (
      await createApiToken(database.db, {
        name: 'Directory mirror',
        scopes: ['organizations:read'],
        createdBy: staffId,
      })
    ).token

    // Three applications: a member one with a file and a link, a BFF one with the board, and a draft.
    const data = PDF
    ;({ memberApplicationId, bffApplicationId, draftApplicationId, fileId } = await writeAs(
      database.db,
      'system',
      async (tx) => {
        const [applicant] = await tx
          .insert(people)
          .values({ fullName: 'Avery Applicant', email: 'avery.applicant@example.org' })
          .returning({ id: people.id })
        const [bffApplicant] = await tx
          .insert(people)
          .values({ fullName: 'Blake Bff', email: 'blake.bff@example.org' })
          .returning({ id: people.id })
        const applicantId = applicant?.id ?? ''
        const [member] = await tx
          .insert(applications)
          .values({
            category: 'member',
            status: 'submitted',
            applicantId,
            organizationName: 'Lakeshore Manufacturing Compact',
            round: 1,
            submittedAt: '2026-11-20T15:30:00Z',
          })
          .returning({ id: applications.id })
        const [bff] = await tx
          .insert(applications)
          .values({
            category: 'bff',
            status: 'with_board',
            applicantId: bffApplicant?.id ?? '',
            organizationName: 'Open Parts Foundation',
            bffKind: 'national_ngo',
            round: 1,
            submittedAt: '2026-11-10T09:00:00Z',
          })
          .returning({ id: applications.id })
        const [draft] = await tx
          .insert(applications)
          .values({ category: 'member', status: 'draft', applicantId, organizationName: 'Half-written' })
          .returning({ id: applications.id })
        const [file] = await tx
          .insert(storedFiles)
          .values({
            name: 'agreement.pdf',
            contentType: 'application/pdf',
            size: data.length,
            sha256: createHash('sha256').update(data).digest('hex'),
            data,
            uploadedBy: applicantId,
          })
          .returning({ id: storedFiles.id })
        await tx.insert(applicationEvidence).values([
          { applicationId: member?.id ?? '', criterion: 'swot', url: 'https://lakeshore.example.org/swot' },
          { applicationId: member?.id ?? '', criterion: 'agreement', fileId: file?.id ?? '' },
        ])
        return {
          memberApplicationId: member?.id ?? '',
          bffApplicationId: bff?.id ?? '',
          draftApplicationId: draft?.id ?? '',
          fileId: file?.id ?? '',
        }
      },
    ))
  })
  afterAll(async () => {
    await t?.stop()
    await database?.drop()
  })

  it('lists submitted applications to a staff session, newest submission first, without drafts', async () => {
    const res = await staff.get('/api/v1/applications')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('no-store')
    const body = (await res.json()) as { data: ApiApplication[]; meta: { count: number } }
    expect(body.data.map((a) => a.id)).toEqual([memberApplicationId, bffApplicationId])
    expect(body.meta.count).toBe(2)
    for (const application of body.data) apiApplicationSchema.parse(application)
    expect(body.data[0]).toEqual({
      id: memberApplicationId,
      category: 'member',
      status: 'submitted',
      organizationName: 'Lakeshore Manufacturing Compact',
      organizationId: null,
      applicant: { name: 'Avery Applicant', email: 'avery.applicant@example.org' },
      round: 1,
      submittedAt: '2026-11-20T15:30:00.000Z',
      decidedAt: null,
      evidence: [
        {
          criterion: 'agreement',
          kind: 'file',
          fileId,
          fileName: 'agreement.pdf',
          contentType: 'application/pdf',
          size: PDF.length,
        },
        { criterion: 'swot', kind: 'link', url: 'https://lakeshore.example.org/swot' },
      ],
    })
    expect(body.data[1]?.evidence).toEqual([])
  })

  it('filters applications by status, and says which statuses exist when one is unknown', async () => {
    const board = (await (await staff.get('/api/v1/applications?status=with_board')).json()) as {
      data: ApiApplication[]
      meta: { filters: { status: string[] } }
    }
    expect(board.data.map((a) => a.organizationName)).toEqual(['Open Parts Foundation'])
    expect(board.meta.filters.status).toEqual(['with_board'])
    const both = (await (await staff.get('/api/v1/applications?status=submitted,with_board')).json()) as {
      data: ApiApplication[]
    }
    expect(both.data).toHaveLength(2)
    for (const status of ['bogus', 'draft']) {
      const res = await staff.get(`/api/v1/applications?status=${status}`)
      expect(res.status).toBe(400)
      const error = (await res.json()) as ApiError
      expect(error.error.code).toBe('BAD_INPUT')
      expect(error.error.fields?.status).toContain(
        'Filter by one or more of submitted, needs_info, with_board',
      )
    }
  })

  it('answers one application by id, and 404 for a draft, an unknown id or something that is not an id', async () => {
    const res = await staff.get(`/api/v1/applications/${bffApplicationId}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: ApiApplication }
    expect(body.data.organizationName).toBe('Open Parts Foundation')
    expect(body.data.status).toBe('with_board')
    for (const id of [draftApplicationId, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const missing = await staff.get(`/api/v1/applications/${id}`)
      expect(missing.status).toBe(404)
      expect(((await missing.json()) as ApiError).error.code).toBe('NOT_FOUND')
    }
  })

  it('answers a token with the applications:read scope, and records the call in the audit log', async () => {
    const res = await bearer(readToken, '/api/v1/applications')
    expect(res.status).toBe(200)
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(2)
    const one = await bearer(readToken, `/api/v1/applications/${memberApplicationId}`)
    expect(one.status).toBe(200)
    const [call] = await queryRows<{ detail: string }>(
      database.db,
      sql`select detail from audit_log where action = 'api_call' order by at desc limit 1`,
    )
    expect(call?.detail).toBe(`GET /api/v1/applications/${memberApplicationId}`)
  })

  it('refuses applications without credentials (401), and to other tokens and non-staff sessions (403)', async () => {
    const anonymous = await t.app.request('/api/v1/applications')
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as ApiError).error.code).toBe('UNAUTHENTICATED')
    expect((await bearer('hub_not-a-real-token-at-all-000000000000', '/api/v1/applications')).status).toBe(
      401,
    )
    for (const token of [publicToken, writeToken.token]) {
      const res = await bearer(token, `/api/v1/applications/${memberApplicationId}`)
      expect(res.status).toBe(403)
      expect(((await res.json()) as ApiError).error.code).toBe('FORBIDDEN')
    }
    for (const session of [board, representative]) {
      const res = await session.get('/api/v1/applications')
      expect(res.status).toBe(403)
      expect(JSON.stringify(await res.json())).not.toContain('Lakeshore')
    }
  })

  it("saves a representative's JSON changes to their own profile, recorded against them", async () => {
    const since = await now()
    const res = await patchAsSession(representative, `/api/v1/organizations/${orgAId}`, {
      summary: 'Aerospace suppliers of Southern California, working together.',
      focusIndustries: ['Aerospace and defense', 'Advanced materials'],
      partners: ['Port of Long Beach', 'Cal State LA'],
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: Record<string, unknown>; meta: { changed: boolean } }
    expect(body.meta.changed).toBe(true)
    expect(body.data).toMatchObject({
      id: orgAId,
      slug: ORG_A,
      summary: 'Aerospace suppliers of Southern California, working together.',
      focusIndustries: ['Aerospace and defense', 'Advanced materials'],
      partners: ['Port of Long Beach', 'Cal State LA'],
    })
    // The website was not sent, so it kept its value.
    const [org] = await queryRows<{ website: string | null }>(
      database.db,
      sql`select website from organizations where id = ${orgAId}`,
    )
    expect(body.data.website).toBe(org?.website ?? null)
    // The public API shows it at once.
    const detail = (await (await t.app.request(`/api/v1/organizations/${ORG_A}`)).json()) as {
      data: { summary: string; partnerCount: number }
    }
    expect(detail.data.summary).toBe('Aerospace suppliers of Southern California, working together.')
    expect(detail.data.partnerCount).toBe(2)
    expect(await profileAuditActors(orgAId, since)).toEqual([`person:${representativeId}`])

    // The same body again changes nothing.
    const again = await patchAsSession(representative, `/api/v1/organizations/${ORG_A}`, {
      partners: ['Port of Long Beach', 'Cal State LA'],
    })
    expect(((await again.json()) as { meta: { changed: boolean } }).meta.changed).toBe(false)
  })

  it("refuses a representative's change to another organisation with 403, and changes nothing", async () => {
    const before = await snapshot(ORG_B)
    const res = await patchAsSession(representative, `/api/v1/organizations/${orgBId}`, {
      summary: 'Taken over.',
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as ApiError).error.code).toBe('FORBIDDEN')
    expect(await snapshot(ORG_B)).toEqual(before)
  })

  it('refuses a session write without the cross-site token, or from another origin, and changes nothing', async () => {
    const before = await snapshot(ORG_A)
    const noHeader = await patchAsSession(
      representative,
      `/api/v1/organizations/${ORG_A}`,
      { summary: 'x' },
      {},
    )
    expect(noHeader.status).toBe(403)
    expect(((await noHeader.json()) as ApiError).error.code).toBe('CROSS_SITE')
    const wrongToken = await patchAsSession(
      representative,
      `/api/v1/organizations/${ORG_A}`,
      { summary: 'x' },
      { 'X-CSRF-Token': 'forged-token-0123456789abcdef' },
    )
    expect(wrongToken.status).toBe(403)
    const foreign = await patchAsSession(
      representative,
      `/api/v1/organizations/${ORG_A}`,
      { summary: 'x' },
      { 'X-CSRF-Token': TEST_CSRF, Origin: 'https://evil.example' },
    )
    expect(foreign.status).toBe(403)
    expect(await snapshot(ORG_A)).toEqual(before)
  })

  it('lets a token with organizations:write change any organisation, recorded against the token', async () => {
    const since = await now()
    const res = await patchWithToken(writeToken.token, `/api/v1/organizations/${orgBId}`, {
      website: 'https://south-kansas.example.org',
      summary: null,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: { website: string; summary: string | null } }
    expect(body.data.website).toBe('https://south-kansas.example.org')
    expect(body.data.summary).toBeNull()
    expect(await profileAuditActors(orgBId, since)).toEqual([`token:${writeToken.id}`])
  })

  it('refuses a token without organizations:write, a revoked token and no credentials, and changes nothing', async () => {
    const before = await snapshot(ORG_B)
    const readOnly = await patchWithToken(publicToken, `/api/v1/organizations/${ORG_B}`, { summary: 'x' })
    expect(readOnly.status).toBe(403)
    expect(((await readOnly.json()) as ApiError).error.message).toBe(
      'This API token is not allowed here: it lacks the scope this route needs (organizations:write-api).',
    )
    // Signed out, but with a form token as one of our pages would have.
    const anonymous = await patchAsSession(new Session(t.app), `/api/v1/organizations/${ORG_B}`, {
      summary: 'x',
    })
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as ApiError).error.code).toBe('UNAUTHENTICATED')
    const staffId = (await personByEmail(database.db, 'staff@example.org'))?.id ?? ''
    const revoked = await createApiToken(database.db, {
      name: 'Old sync',
      scopes: ['organizations:write'],
      createdBy: staffId,
    })
    await revokeApiToken(database.db, { id: revoked.id, by: staffId })
    expect(
      (await patchWithToken(revoked.token, `/api/v1/organizations/${ORG_B}`, { summary: 'x' })).status,
    ).toBe(401)
    const byBoard = await patchAsSession(board, `/api/v1/organizations/${ORG_B}`, { summary: 'x' })
    expect(byBoard.status).toBe(403)
    expect(await snapshot(ORG_B)).toEqual(before)
  })

  it('refuses bad input with 400 and a message per field, and changes nothing', async () => {
    const before = await snapshot(ORG_A)
    const res = await patchWithToken(writeToken.token, `/api/v1/organizations/${ORG_A}`, {
      website: 'amp-socal dot org',
      summary: 42,
      focusIndustries: Array.from({ length: 11 }, (_, i) => `Industry ${i + 1}`),
      partners: ['One', 'Two\nThree'],
      name: 'Renamed',
    })
    expect(res.status).toBe(400)
    const error = (await res.json()) as ApiError
    expect(error.error.code).toBe('BAD_INPUT')
    expect(error.error.fields).toEqual({
      summary: 'Send the summary as text, or null to clear it.',
      name: 'This field cannot be changed here: send any of summary, website, focusIndustries, partners.',
    })
    const rules = await patchWithToken(writeToken.token, `/api/v1/organizations/${ORG_A}`, {
      website: 'amp-socal dot org',
      focusIndustries: Array.from({ length: 11 }, (_, i) => `Industry ${i + 1}`),
      partners: ['One', 'Two\nThree'],
    })
    expect(rules.status).toBe(400)
    const ruleError = (await rules.json()) as ApiError
    expect(ruleError.error.message).toBe('The profile was not saved: one field needs a change (partners).')
    expect(ruleError.error.fields).toEqual({
      partners: 'Item 2 has a line break: send each item as one line.',
    })
    const limits = await patchWithToken(writeToken.token, `/api/v1/organizations/${ORG_A}`, {
      website: 'amp-socal dot org',
      focusIndustries: Array.from({ length: 11 }, (_, i) => `Industry ${i + 1}`),
    })
    expect(limits.status).toBe(400)
    expect(((await limits.json()) as ApiError).error.fields).toEqual({
      website:
        'Enter a full web address starting with http:// or https://, such as https://example.org, or leave it empty.',
      focusIndustries: 'List at most 10 focus industries, one a line (this list has 11).',
    })
    for (const [body, type] of [
      ['{not json', 'application/json'],
      ['[1, 2]', 'application/json'],
      ['summary=hello', 'application/x-www-form-urlencoded'],
    ] as const) {
      const bad = await bearer(writeToken.token, `/api/v1/organizations/${ORG_A}`, {
        method: 'PATCH',
        body,
        headers: { 'Content-Type': type },
      })
      expect(bad.status, body).toBe(400)
      expect(((await bad.json()) as ApiError).error.code).toBe('BAD_INPUT')
    }
    expect(await snapshot(ORG_A)).toEqual(before)
  })

  it('answers 404 for an organisation that does not exist', async () => {
    const res = await patchWithToken(writeToken.token, '/api/v1/organizations/no-such-organisation', {
      summary: 'x',
    })
    expect(res.status).toBe(404)
    expect(((await res.json()) as ApiError).error.code).toBe('NOT_FOUND')
  })

  it('describes the new operations in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
    }
    expect(doc.paths['/api/v1/applications']?.get?.operationId).toBe('listApplications')
    expect(doc.paths['/api/v1/applications/{id}']?.get?.operationId).toBe('getApplication')
    expect(doc.paths['/api/v1/organizations/{id}']?.patch?.operationId).toBe('updateOrganization')
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'Application',
        'ApplicationEvidence',
        'OrganizationProfileUpdate',
        'EditableOrganization',
        'ValidationError',
      ]),
    )
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['apiToken', 'session'])
  })
})
