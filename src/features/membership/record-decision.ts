import { eq, sql } from 'drizzle-orm'
import type { DbOrTx, Tx } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationDecisions,
  applicationEvents,
  applications,
  people,
} from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { sendSafely } from '#src/lib/mailer.ts'
import { formatDate } from '#src/ui/format.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { type Admission, admitFromApplication } from './admission.ts'
import { listVotes } from './board-votes.ts'
import { choiceLabels } from './labels.ts'
import { seatInvitationEmail } from './seat-invitation-email.ts'
import { type BoardOutcome, describeTally, type Tally, votesIn } from './tally.ts'

// What casting the deciding vote and staff's closing share: the lock, the record and the emails.

/** The outcome as the applicant's email and the pages say it. */
const outcomeWords = { approved: 'approved', rejected: 'did not approve' } as const

export type LockedApplication = {
  id: string
  status: ApplicationStatus
  category: 'member' | 'bff'
  organizationName: string
  applicantName: string
  applicantEmail: string
}

export async function lockForBoard(tx: Tx, applicationId: string): Promise<LockedApplication> {
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
export async function recordDecision(tx: Tx, o: DecideOptions): Promise<RecordedDecision> {
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
    ? await admitFromApplication(tx, {
        applicationId: o.app.id,
        today: o.today,
        timeZone: o.timeZone,
        invitedBy: o.decidedBy,
      })
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
  for (const invited of admission?.seatInvitations ?? [])
    lines.push(`${invited.fullName} invited to the ${invited.seat} seat.`)
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
export async function emailDecision(
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
  const network = currentChrome().name
  await sendSafely(mailer, {
    to: o.app.applicantEmail,
    subject:
      decision.outcome === 'approved'
        ? `The Advisory Board approved the application of ${name}`
        : `The Advisory Board did not approve the application of ${name}`,
    text: `Hello ${o.app.applicantName},\n\nThe Advisory Board ${outcomeWords[decision.outcome]} the application of ${name}. The ${network} recorded the decision on ${formatDate(o.today)}.\n\nThe vote: ${describeTally(decision.tally)}.\n\n${
      comments.length > 0 ? `The board's comments:\n${comments.join('\n')}` : 'The board left no comments.'
    }\n\nThe application and its history:\n${link}\n`,
  })
  for (const invited of decision.admission?.seatInvitations ?? [])
    await sendSafely(
      mailer,
      seatInvitationEmail({ ...invited, organizationName: name, origin: o.origin, today: o.today }),
    )
  if (decision.admission)
    await sendSafely(mailer, {
      to: o.app.applicantEmail,
      subject: `${name} is admitted to the collaborative`,
      text: `Hello ${o.app.applicantName},\n\n${name} is admitted to the collaborative from ${formatDate(o.today)}. It is listed in the directory and on the map:\n${o.origin}/organizations/${decision.admission.slug}\n\n${
        decision.admission.seatInvitations.length === 2
          ? `The representative and the alternate you named are invited to their seats by email, from ${formatDate(o.today)}.`
          : 'Every organisation has a representative and an alternate. Staff will invite the two people who will hold these seats by email; until both seats are filled, the organisation shows as incomplete.'
      }\n\nWelcome to the ${network}.\n`,
    })
}
