/**
 * What bench/signed-in-pages.ts loads before it starts the Hub: the demo network as of TODAY, the
 * demo accounts (staff and Advisory Board), an application that went through a full review round
 * and is with the board, and an attendance import waiting as a preview with a 30-participant
 * report. Returns the addresses of the pages to load.
 */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Database, Db } from '#src/db/client.ts'
import { migrateDatabase } from '#src/db/migrate.ts'
import {
  applicationEvents,
  applicationEvidence,
  applicationReviews,
  applications,
  boardVotes,
  memberCriteria,
  people,
  storedFiles,
} from '#src/db/schema/index.ts'
import { findCallByDate, startImport } from '#src/features/attendance/imports.ts'
import { ensureDemoAccounts } from '#src/features/demo/demo-accounts.ts'
import { loadDemo } from '#src/features/demo/load-demo.ts'
import { personByEmail } from '#src/http/accounts.ts'
import { createAuth } from '#src/http/auth.ts'
import { createMailer } from '#src/lib/mailer.ts'
import { type ReportPerson, zoomReport } from '../tests/support/attendance-reports.ts'

export const TODAY = '2026-11-26'
/** The call whose report waits as a preview, and the call whose roll call is loaded. */
const IMPORT_CALL = '2026-11-23'
const ROLL_CALL = '2026-11-16'
export const STAFF_EMAIL = 'staff@example.org'
export const BOARD_EMAIL = 'board@example.org'

export type BenchPage = { label: string; path: string; as: 'staff' | 'board' }

type Holder = { id: string; fullName: string; email: string; org: string }

/** Everyone holding a seat on the call's day, with their organisation's short name, by name. */
async function seatHolders(db: Db, day: string): Promise<Holder[]> {
  const result = (await db.execute(sql`
    select distinct p.id, p.full_name as "fullName", p.email, coalesce(o.short_name, o.name) as org
      from seats s join people p on p.id = s.person_id join organizations o on o.id = s.organization_id
     where s.starts_on <= ${day}::date and (s.ends_on is null or s.ends_on > ${day}::date)
     order by p.full_name`)) as unknown as { rows: Holder[] }
  return result.rows
}

/** 30 participants: 20 seat holders by email, 8 by a name the matcher has to guess at, 2 guests. */
export function thirtyParticipants(holders: Holder[]): ReportPerson[] {
  if (holders.length < 28) throw new Error(`the demo network has only ${holders.length} seat holders`)
  const known = holders.slice(0, 20).map((h, i) => ({ name: h.fullName, email: h.email, minutes: 20 + i }))
  const guessed = holders.slice(20, 28).map((h, i) => {
    const [first = '', ...rest] = h.fullName.split(' ')
    const last = rest.join(' ')
    const names = [
      `${last} ${first}`,
      `${first.charAt(0)}. ${last}`,
      `${first} ${last.slice(0, -1)}`,
      `${first} ${last} (${h.org})`,
      `${first} - ${h.org}`,
      `${first.toLowerCase()}-laptop`,
      `${first}${last.slice(1)}`,
      `${h.fullName.toUpperCase()}`,
    ]
    return { name: names[i] ?? h.fullName, minutes: 25 + i, joinMinute: i }
  })
  return [
    ...known,
    ...guessed,
    { name: 'Jamie-iPhone', minutes: 18 },
    { name: '+1 414 ***-**21', minutes: 47 },
  ]
}

/** A member application through one round of review, an answer, a second round, and two votes. */
async function applicationWithTheBoard(db: Db, staffId: string, boardIds: string[]): Promise<string> {
  return writeAs(db, 'system', async (tx) => {
    const [applicant] = await tx
      .insert(people)
      .values({ fullName: 'Riley Applicant', email: 'riley.applicant@lakeshore.example.org' })
      .returning({ id: people.id })
    const applicantId = applicant?.id as string
    const [row] = await tx
      .insert(applications)
      .values({
        category: 'member',
        status: 'with_board',
        applicantId,
        organizationName: 'Lakeshore Manufacturing Alliance',
        leadOrganization: 'Lakeshore State University',
        website: 'https://lakeshore.example.org',
        summary: 'A regional partnership of colleges, cities and manufacturers around the lake.',
        states: ['MI', 'OH'],
        counties: ['26163', '39035'],
        focusIndustries: ['Automotive', 'Advanced materials'],
        partners: ['City of Lakeshore', 'Lakeshore Community College', 'Great Lakes Metalworks'],
        designations: [{ program: 'IMCP', kind: 'designated', date: '2015-07-08' }],
        nominees: [
          {
            seat: 'representative',
            fullName: 'Dana Lake',
            email: 'dana@lakeshore.example.org',
            title: 'Director',
          },
          { seat: 'alternate', fullName: 'Eli Shore', email: 'eli@lakeshore.example.org', title: 'Manager' },
        ],
        commitments: ['attend_half'],
        round: 2,
        submittedAt: sql`hub_now() - interval '20 days'`,
      })
      .returning({ id: applications.id })
    const id = row?.id as string
    const at = (days: number) => sql`hub_now() - make_interval(days => ${days})`
    await tx.insert(applicationEvents).values([
      { applicationId: id, kind: 'created', actorId: applicantId, round: 0, createdAt: at(25) },
      { applicationId: id, kind: 'submitted', actorId: applicantId, round: 1, createdAt: at(20) },
      {
        applicationId: id,
        kind: 'info_requested',
        actorId: staffId,
        round: 1,
        comment: 'A SWOT, please.',
        createdAt: at(15),
      },
      { applicationId: id, kind: 'answered', actorId: applicantId, round: 2, createdAt: at(10) },
      { applicationId: id, kind: 'sent_to_board', actorId: staffId, round: 2, createdAt: at(5) },
    ])
    const data = Buffer.from('%PDF-1.4\n% a collaboration agreement\n')
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
      { applicationId: id, criterion: 'agreement', fileId: file?.id as string },
      { applicationId: id, criterion: 'swot', url: 'https://lakeshore.example.org/swot' },
      { applicationId: id, criterion: 'plan', url: 'https://lakeshore.example.org/plan' },
      { applicationId: id, criterion: 'dei_sustainability', url: 'https://lakeshore.example.org/dei' },
    ])
    await tx.insert(applicationReviews).values(
      [1, 2].flatMap((round) =>
        memberCriteria.map((criterion) => ({
          applicationId: id,
          round,
          criterion,
          verdict: round === 1 && criterion === 'swot' ? ('needs_info' as const) : ('met' as const),
          comment: round === 1 && criterion === 'swot' ? 'No SWOT attached.' : 'Clear.',
          reviewerId: staffId,
        })),
      ),
    )
    await tx
      .insert(boardVotes)
      .values(
        boardIds.slice(0, 2).map((voterId) => ({ applicationId: id, voterId, choice: 'approve' as const })),
      )
    return id
  })
}

/** Loads everything into a fresh, migrated `database`; returns the pages to load. */
export async function seedSignedInBench(database: Database, outboxDir: string): Promise<BenchPage[]> {
  const { db } = database
  await migrateDatabase(database)
  await loadDemo(db, { isProduction: false, today: TODAY })
  const auth = createAuth({
    db,
    baseUrl: 'http://127.0.0.1',
    secret: 'bench-secret-bench-secret-bench-secret-0123',
    mailer: createMailer({ outboxDir, from: 'hub@example.org' }),
  })
  await ensureDemoAccounts(db, auth, { today: TODAY })
  const staff = await personByEmail(db, STAFF_EMAIL)
  const board = await personByEmail(db, BOARD_EMAIL)
  if (!staff || !board) throw new Error('the demo network has no staff or board account')
  const boardIds = (
    (await db.execute(
      sql`select person_id as id from board_members where person_id <> ${board.id}`,
    )) as unknown as {
      rows: { id: string }[]
    }
  ).rows.map((r) => r.id)
  const applicationId = await applicationWithTheBoard(db, staff.id, boardIds)

  const call = await findCallByDate(db, IMPORT_CALL)
  if (!call) throw new Error(`the demo network has no call on ${IMPORT_CALL}`)
  const bytes = zoomReport(IMPORT_CALL, thirtyParticipants(await seatHolders(db, IMPORT_CALL)))
  const by = { personId: staff.id, actor: `person:${staff.id}` as const }
  const started = await startImport(db, { call, fileName: 'zoom-30.csv', bytes, via: 'web', by })
  if (started.kind !== 'preview') throw new Error('the 30-participant report did not make a preview')

  // The person with the longest record: most attendance, then most seats.
  const busiest = (
    (await db.execute(sql`
      select p.id from people p
       order by (select count(*) from attendance a where a.person_id = p.id) desc,
                (select count(*) from seats s where s.person_id = p.id) desc, p.id
       limit 1`)) as unknown as { rows: { id: string }[] }
  ).rows[0]
  if (!busiest) throw new Error('the demo network has no people')
  await db.execute(sql`analyze`)
  return [
    { label: 'network obligations', path: '/staff/obligations', as: 'staff' },
    {
      label: 'import preview (30)',
      path: `/staff/calls/${IMPORT_CALL}/attendance/imports/${started.importId}`,
      as: 'staff',
    },
    { label: 'roll call', path: `/staff/calls/${ROLL_CALL}/roll-call`, as: 'staff' },
    { label: 'application review', path: `/staff/applications/${applicationId}`, as: 'staff' },
    { label: 'application (board)', path: `/board/applications/${applicationId}`, as: 'board' },
    { label: 'person page', path: `/staff/people/${busiest.id}`, as: 'staff' },
  ]
}
