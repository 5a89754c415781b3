import { asc, desc, eq, type SQLWrapper, sql } from 'drizzle-orm'
import { z } from 'zod'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationDecisions,
  applicationEvents,
  applications,
  type BoardVoteChoice,
  boardVotes,
  people,
} from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'
import { type Admission, admitFromApplication } from './admission.ts'
import { isoInstant, sendSafely } from './review.ts'

/** The Advisory Board's count on one application, as recorded with its decision. */
export type Tally = {
  approve: number
  reject: number
  abstain: number
  /** Members of the board on the day (people with a board term that day). */
  eligible: number
  /** How many of them must have voted (abstentions included) for a decision to count. */
  quorum: number
}

export type BoardOutcome = 'approved' | 'rejected'

/**
 * The quorum: at least ceil(share × eligible) members, and never fewer than one, so that
 * nothing is decided without a vote. The product is rounded to nine decimals first:
 * 0.3 × 10 is 3.0000000000000004 in floating point, which must give 3, not 4.
 * @example quorumFor(3, 0.5) // 2
 */
export function quorumFor(eligible: number, share: number): number {
  const exact = Math.round(share * eligible * 1e9) / 1e9
  return Math.max(1, Math.ceil(exact))
}

/** Counts the choices of the eligible members who voted. */
export function tallyVotes(choices: readonly BoardVoteChoice[], eligible: number, share: number): Tally {
  const count = (choice: BoardVoteChoice) => choices.filter((c) => c === choice).length
  return {
    approve: count('approve'),
    reject: count('reject'),
    abstain: count('abstain'),
    eligible,
    quorum: quorumFor(eligible, share),
  }
}

/** Members who voted at all: abstentions count toward the quorum. */
export const votesIn = (t: Tally): number => t.approve + t.reject + t.abstain

export const hasQuorum = (t: Tally): boolean => votesIn(t) >= t.quorum

/**
 * The outcome if the decision closed on this tally: a simple majority of votes cast, where
 * "cast" means approve or reject (an abstention is not a vote cast for the majority). A tie,
 * including no votes cast at all, is not a majority for approval, so it rejects.
 */
export const outcomeOf = (t: Tally): BoardOutcome => (t.approve > t.reject ? 'approved' : 'rejected')

/**
 * The outcome when it can no longer change, else undefined. The members who have not voted
 * yet (eligible less those who voted) could still vote any way, or not at all: the outcome
 * is settled when the quorum is met and even if every one of them voted against the current
 * outcome it would stay. Votes already cast count as they stand (the decision closes at once
 * when settled, so they can no longer be changed).
 * @example settledOutcome({ approve: 2, reject: 0, abstain: 0, eligible: 3, quorum: 2 }) // 'approved'
 */
export function settledOutcome(t: Tally): BoardOutcome | undefined {
  if (!hasQuorum(t)) return undefined
  const remaining = Math.max(0, t.eligible - votesIn(t))
  if (t.approve > t.reject + remaining) return 'approved'
  if (t.approve + remaining <= t.reject) return 'rejected'
  return undefined
}

/** One line for people: '2 approve, 0 reject, 1 abstain of 3 members (quorum 2)'. */
export function describeTally(t: Tally): string {
  return `${t.approve} approve, ${t.reject} reject, ${t.abstain} abstain of ${t.eligible} ${
    t.eligible === 1 ? 'member' : 'members'
  } (quorum ${t.quorum})`
}

// ---------------------------------------------------------------------------------------
// Votes and decisions in the database.

/** A member of the Advisory Board on a date: a board_members term that covers it. */
const onBoard = (personId: SQLWrapper, onDate: string) =>
  sql`exists (select 1 from board_members b where b.person_id = ${personId}
    and b.starts_on <= ${onDate}::date and (b.ends_on is null or b.ends_on > ${onDate}::date))`

export type BoardMember = { personId: string; name: string }

/** The people who may vote on `onDate`: everyone with a board term that day, by name. */
export async function boardMembersOn(db: DbOrTx, onDate: string): Promise<BoardMember[]> {
  return db
    .select({ personId: people.id, name: people.fullName })
    .from(people)
    .where(onBoard(people.id, onDate))
    .orderBy(asc(people.fullName), asc(people.id))
}

export type VoteRow = {
  voterId: string
  voterName: string
  choice: BoardVoteChoice
  comment: string | null
  castAt: string
  /** Whether the voter is on the board on the date asked about (only those votes count). */
  counts: boolean
}

/** The votes on an application, oldest first, each marked with whether it counts on `onDate`. */
export async function listVotes(db: DbOrTx, applicationId: string, onDate: string): Promise<VoteRow[]> {
  return db
    .select({
      voterId: boardVotes.voterId,
      voterName: people.fullName,
      choice: boardVotes.choice,
      comment: boardVotes.comment,
      castAt: isoInstant(boardVotes.castAt),
      counts: sql<boolean>`${onBoard(boardVotes.voterId, onDate)}`,
    })
    .from(boardVotes)
    .innerJoin(people, eq(people.id, boardVotes.voterId))
    .where(eq(boardVotes.applicationId, applicationId))
    .orderBy(asc(boardVotes.castAt), asc(people.fullName))
}

/**
 * The tally on `onDate`: the votes of people on the board that day (a vote cast by someone
 * whose term has since ended is kept on record but no longer counts), against the board's size.
 */
export async function currentTally(
  db: DbOrTx,
  applicationId: string,
  options: { onDate: string; quorumShare: number },
): Promise<Tally> {
  // One after the other: inside a transaction both run on its one connection anyway.
  const members = await boardMembersOn(db, options.onDate)
  const votes = await listVotes(db, applicationId, options.onDate)
  return tallyVotes(
    votes.filter((v) => v.counts).map((v) => v.choice),
    members.length,
    options.quorumShare,
  )
}

/** What the application's page and emails say about a recorded decision. */
export type DecisionSummary = {
  outcome: BoardOutcome
  /** When it was recorded (ISO 8601, UTC). */
  decidedAt: string
  /** Who closed it: the board member whose vote settled it, or the staff member who closed it. */
  decidedBy: { personId: string; name: string } | null
  /** 'vote' when the outcome could no longer change and it closed by itself; 'staff' when staff closed it. */
  closedBy: 'vote' | 'staff'
  tally: Tally
  /** The recorded explanation (the 'decided' event's comment). */
  explanation: string
  /** The day the organisation was admitted (approvals), YYYY-MM-DD. */
  admittedOn: string | null
  /** The organisation created on admission. */
  organization: { id: string; slug: string; name: string } | null
  /** Every vote on record: who, what, their comment, when, and whether it counted. */
  votes: VoteRow[]
}

const tallyShape = z.object({
  approve: z.number(),
  reject: z.number(),
  abstain: z.number(),
  eligible: z.number(),
  quorum: z.number(),
})

/**
 * The Advisory Board's decision on an application, for any page that shows it (staff,
 * board, the applicant's own page); undefined while there is none.
 */
export async function decisionSummary(
  db: DbOrTx,
  applicationId: string,
): Promise<DecisionSummary | undefined> {
  if (!z.uuid().safeParse(applicationId).success) return undefined
  const settings = await getSettings(db)
  const [row] = await queryRows<{
    outcome: BoardOutcome
    decided_at: string
    decided_on: string
    decided_by: string | null
    decided_by_name: string | null
    tally: unknown
    admitted_on: string | null
    explanation: string | null
    org_id: string | null
    org_slug: string | null
    org_name: string | null
  }>(
    db,
    sql`select d.outcome, ${isoInstant(sql`d.decided_at`)} as decided_at,
        to_char(d.decided_at at time zone ${settings.callTimeZone}, 'YYYY-MM-DD') as decided_on,
        d.decided_by, p.full_name as decided_by_name, d.tally, d.admitted_on::text as admitted_on,
        (select e.comment from application_events e where e.application_id = d.application_id
          and e.kind = 'decided' order by e.created_at desc limit 1) as explanation,
        o.id as org_id, o.slug as org_slug, o.name as org_name
      from application_decisions d
      join applications a on a.id = d.application_id
      left join people p on p.id = d.decided_by
      left join organizations o on o.id = a.organization_id
      where d.application_id = ${applicationId}`,
  )
  if (!row) return undefined
  const tally = tallyShape.parse(row.tally)
  return {
    outcome: row.outcome,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by ? { personId: row.decided_by, name: row.decided_by_name ?? '' } : null,
    closedBy: settledOutcome(tally) ? 'vote' : 'staff',
    tally,
    explanation: row.explanation ?? '',
    admittedOn: row.admitted_on,
    organization:
      row.org_id && row.org_slug && row.org_name
        ? { id: row.org_id, slug: row.org_slug, name: row.org_name }
        : null,
    votes: await listVotes(db, applicationId, row.decided_on),
  }
}

export type BoardQueueItem = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  applicantName: string
  /** When it was sent to the board (ISO 8601), or submitted when there is no such event. */
  sentAt: string | null
  myChoice: BoardVoteChoice | null
  votesIn: number
}

export type DecidedItem = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  outcome: BoardOutcome
  decidedAt: string
  myChoice: BoardVoteChoice | null
}

/** What awaits a board member (applications with the board, with their own vote), and recent decisions. */
export async function listBoardQueue(
  db: DbOrTx,
  options: { voterPersonId: string; recent?: number },
): Promise<{ waiting: BoardQueueItem[]; decided: DecidedItem[] }> {
  const myChoice = sql<BoardVoteChoice | null>`(select v.choice from board_votes v
    where v.application_id = ${applications.id} and v.voter_id = ${options.voterPersonId})`
  const waiting = await db
    .select({
      id: applications.id,
      category: applications.category,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      sentAt: sql<string | null>`coalesce(
        (select ${isoInstant(sql`e.created_at`)} from application_events e where e.application_id = ${applications.id}
          and e.kind = 'sent_to_board' order by e.created_at desc limit 1),
        ${isoInstant(applications.submittedAt)})`,
      myChoice,
      votesIn: sql<number>`(select count(*)::int from board_votes v where v.application_id = ${applications.id})`,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.status, 'with_board'))
    .orderBy(sql`${applications.submittedAt} asc nulls last`, asc(applications.id))
  const decided = await db
    .select({
      id: applications.id,
      category: applications.category,
      organizationName: applications.organizationName,
      outcome: applicationDecisions.outcome,
      decidedAt: isoInstant(applicationDecisions.decidedAt),
      myChoice,
    })
    .from(applicationDecisions)
    .innerJoin(applications, eq(applications.id, applicationDecisions.applicationId))
    .orderBy(desc(applicationDecisions.decidedAt), asc(applications.id))
    .limit(options.recent ?? 20)
  return { waiting, decided }
}

/** The outcome as the applicant's email and the pages say it. */
const outcomeWords = { approved: 'approved', rejected: 'did not approve' } as const

type LockedApplication = {
  id: string
  status: ApplicationStatus
  category: 'member' | 'bff'
  organizationName: string
  applicantName: string
  applicantEmail: string
}

async function lockForBoard(tx: Tx, applicationId: string): Promise<LockedApplication> {
  const [app] = await tx
    .select({
      id: applications.id,
      status: applications.status,
      category: applications.category,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      applicantEmail: people.email,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.id, applicationId))
    .for('update', { of: applications })
  if (!app) throw new AppError('NOT_FOUND', { userMessage: 'There is no application with this address.' })
  if (app.status === 'approved' || app.status === 'rejected')
    throw new AppError('CONFLICT', {
      userMessage: `The Advisory Board's decision on this application is recorded (${app.status}): votes can no longer be cast or changed.`,
    })
  if (app.status !== 'with_board')
    throw new AppError('CONFLICT', {
      userMessage:
        'This application is not with the Advisory Board, so there is nothing to vote on or close.',
    })
  return app
}

/** A decision just recorded, with what its emails need. */
export type RecordedDecision = {
  outcome: BoardOutcome
  tally: Tally
  admission: Admission | null
}

type DecideOptions = {
  app: LockedApplication
  tally: Tally
  outcome: BoardOutcome
  decidedBy: string
  how: { kind: 'vote' } | { kind: 'staff'; name: string; comment: string | null }
  today: string
  timeZone: string
}

/**
 * Records the decision inside the caller's transaction: the application_decisions row with
 * the tally, the application's status and decided_at, the organisation admitted on
 * approval, and a 'decided' event saying how it closed.
 */
async function recordDecision(tx: Tx, o: DecideOptions): Promise<RecordedDecision> {
  const approved = o.outcome === 'approved'
  await tx.insert(applicationDecisions).values({
    applicationId: o.app.id,
    outcome: o.outcome,
    tally: o.tally,
    decidedBy: o.decidedBy,
    admittedOn: approved ? o.today : null,
  })
  await tx
    .update(applications)
    .set({ status: o.outcome, decidedAt: sql`hub_now()`, updatedAt: sql`hub_now()` })
    .where(eq(applications.id, o.app.id))
  const admission = approved
    ? await admitFromApplication(tx, { applicationId: o.app.id, today: o.today, timeZone: o.timeZone })
    : null
  const verdict = approved ? 'Approved' : 'Rejected'
  const how =
    o.how.kind === 'vote'
      ? `the outcome could no longer change once ${votesIn(o.tally)} of ${o.tally.eligible} members had voted`
      : `closed by ${o.how.name} with the quorum met${
          o.tally.approve === o.tally.reject ? '; a tie is not a majority, so it is rejected' : ''
        }`
  const lines = [`${verdict}: ${how} (${describeTally(o.tally)}).`]
  if (o.how.kind === 'staff' && o.how.comment) lines.push(`Comment: ${o.how.comment}`)
  if (admission) lines.push(`Admitted from ${formatDate(o.today)}, at /organizations/${admission.slug}.`)
  if (admission && admission.skippedDesignations.length > 0)
    lines.push(`Designations not recorded: ${admission.skippedDesignations.join('; ')}.`)
  const [round] = await tx
    .select({ round: applications.round })
    .from(applications)
    .where(eq(applications.id, o.app.id))
  await tx.insert(applicationEvents).values({
    applicationId: o.app.id,
    kind: 'decided',
    actorId: o.decidedBy,
    round: round?.round ?? 0,
    comment: lines.join('\n'),
  })
  return { outcome: o.outcome, tally: o.tally, admission }
}

/** Emails the applicant the outcome with the board's comments, and on approval the admission. */
async function emailDecision(
  db: DbOrTx,
  mailer: Mailer,
  o: {
    app: LockedApplication
    decision: RecordedDecision
    origin: string
    today: string
    staffComment?: string | null
  },
): Promise<void> {
  const votes = await listVotes(db, o.app.id, o.today)
  const comments = votes
    .filter((v) => v.comment)
    .map((v) => `- ${v.voterName} (${choiceLabels[v.choice].toLowerCase()}): ${v.comment}`)
  if (o.staffComment) comments.push(`- Staff, on closing the decision: ${o.staffComment}`)
  const name = o.app.organizationName
  const link = `${o.origin}/applications/${o.app.id}`
  const { decision } = o
  await sendSafely(mailer, {
    to: o.app.applicantEmail,
    subject:
      decision.outcome === 'approved'
        ? `The Advisory Board approved the application of ${name}`
        : `The Advisory Board did not approve the application of ${name}`,
    text: `Hello ${o.app.applicantName},\n\nThe Advisory Board ${outcomeWords[decision.outcome]} the application of ${name}.\n\nThe vote: ${describeTally(decision.tally)}.\n\n${
      comments.length > 0 ? `The board's comments:\n${comments.join('\n')}` : 'The board left no comments.'
    }\n\nThe application and its history:\n${link}\n`,
  })
  if (decision.admission)
    await sendSafely(mailer, {
      to: o.app.applicantEmail,
      subject: `${name} is admitted to the collaborative`,
      text: `Hello ${o.app.applicantName},\n\n${name} is admitted to the collaborative from ${formatDate(o.today)}. It is listed in the directory and on the map:\n${o.origin}/organizations/${decision.admission.slug}\n\nEvery organisation has a representative and an alternate. Staff will invite the two people who will hold these seats by email; until both seats are filled, the organisation shows as incomplete.\n`,
    })
}

/**
 * Casts or changes a board member's vote (one per member: an upsert), in one transaction
 * against the voter. When the outcome can no longer change, the decision is recorded in the
 * same transaction (and the organisation admitted on approval); the applicant is emailed
 * after it commits. Refused once the decision is recorded.
 */
export async function castVote(
  db: Db,
  mailer: Mailer,
  options: {
    applicationId: string
    voterPersonId: string
    choice: BoardVoteChoice
    comment: string | null
    today: string
    origin: string
  },
): Promise<{ decision: RecordedDecision | null }> {
  const settings = await getSettings(db)
  const result = await writeAs(db, `person:${options.voterPersonId}`, async (tx) => {
    const app = await lockForBoard(tx, options.applicationId)
    const [eligible] = await queryRows<{ yes: boolean }>(
      tx,
      sql`select ${onBoard(sql`${options.voterPersonId}::uuid`, options.today)} as yes`,
    )
    if (!eligible?.yes)
      throw new AppError('CONFLICT', {
        userMessage: `Only members of the Advisory Board on ${formatDate(options.today)} can vote.`,
      })
    await tx
      .insert(boardVotes)
      .values({
        applicationId: app.id,
        voterId: options.voterPersonId,
        choice: options.choice,
        comment: options.comment,
      })
      .onConflictDoUpdate({
        target: [boardVotes.applicationId, boardVotes.voterId],
        set: { choice: options.choice, comment: options.comment, castAt: sql`hub_now()` },
      })
    const tally = await currentTally(tx, app.id, {
      onDate: options.today,
      quorumShare: settings.boardQuorumShare,
    })
    const outcome = settledOutcome(tally)
    if (!outcome) return { app, decision: null }
    const decision = await recordDecision(tx, {
      app,
      tally,
      outcome,
      decidedBy: options.voterPersonId,
      how: { kind: 'vote' },
      today: options.today,
      timeZone: settings.callTimeZone,
    })
    return { app, decision }
  })
  if (result.decision)
    await emailDecision(db, mailer, {
      app: result.app,
      decision: result.decision,
      origin: options.origin,
      today: options.today,
    })
  return { decision: result.decision }
}

/**
 * Staff close the board's decision on the votes so far: refused until the quorum is met.
 * The outcome is a simple majority of votes cast (approve > reject; a tie rejects).
 */
export async function closeBoardDecision(
  db: Db,
  mailer: Mailer,
  options: {
    applicationId: string
    staffPersonId: string
    comment: string | null
    today: string
    origin: string
  },
): Promise<RecordedDecision> {
  const settings = await getSettings(db)
  const result = await writeAs(db, `person:${options.staffPersonId}`, async (tx) => {
    const app = await lockForBoard(tx, options.applicationId)
    const tally = await currentTally(tx, app.id, {
      onDate: options.today,
      quorumShare: settings.boardQuorumShare,
    })
    if (!hasQuorum(tally))
      throw new AppError('CONFLICT', {
        userMessage: `The quorum is not met: ${votesIn(tally)} of ${tally.eligible} board members voted, and at least ${tally.quorum} must vote before the decision can be closed.`,
      })
    const [staff] = await tx
      .select({ name: people.fullName })
      .from(people)
      .where(eq(people.id, options.staffPersonId))
    const decision = await recordDecision(tx, {
      app,
      tally,
      outcome: outcomeOf(tally),
      decidedBy: options.staffPersonId,
      how: { kind: 'staff', name: staff?.name ?? 'staff', comment: options.comment },
      today: options.today,
      timeZone: settings.callTimeZone,
    })
    return { app, decision }
  })
  await emailDecision(db, mailer, {
    app: result.app,
    decision: result.decision,
    origin: options.origin,
    today: options.today,
    staffComment: options.comment,
  })
  return result.decision
}

export const choiceLabels: Record<BoardVoteChoice, string> = {
  approve: 'Approve',
  reject: 'Reject',
  abstain: 'Abstain',
}
