import { and, asc, eq, inArray, type SQLWrapper, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationEvents,
  applicationEvidence,
  applicationReviews,
  applications,
  type MemberCriterion,
  memberCriteria,
  people,
  type ReviewVerdict,
  reviewVerdicts,
  storedFiles,
} from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { logger } from '#src/lib/logger.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { formatNumber } from '#src/ui/format.ts'

import { criterionLabels } from './applications.ts'

// The criteria and verdicts read the same to staff, the board and the applicant.
export { criterionLabels, verdictLabels } from './applications.ts'

export const statusLabels: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for staff review',
  needs_info: 'Waiting for the applicant',
  with_board: 'With the Advisory Board',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
}

export const eventLabels = {
  created: 'Application started',
  submitted: 'Submitted',
  info_requested: 'More information requested',
  answered: 'The applicant answered',
  sent_to_board: 'Sent to the Advisory Board',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
} as const

/** An instant as ISO 8601 in UTC, the same text from both database engines. */
export const isoInstant = (column: SQLWrapper) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

const isoInstantOrNull = (column: SQLWrapper) =>
  sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`

/** The statuses the staff queue can show; the open ones are its default. */
export const queueStatuses = [
  'submitted',
  'needs_info',
  'with_board',
  'approved',
  'rejected',
  'withdrawn',
] as const satisfies readonly ApplicationStatus[]
export type QueueStatus = (typeof queueStatuses)[number]
export const openStatuses = [
  'submitted',
  'needs_info',
  'with_board',
] as const satisfies readonly QueueStatus[]

export const queueFilterSchema = z.object({
  status: z.enum(['', ...queueStatuses], { error: 'Choose a status from the list.' }).optional(),
})

export type QueueItem = {
  id: string
  category: 'member' | 'bff'
  organizationName: string
  applicantName: string
  applicantEmail: string
  submittedAt: string | null
  round: number
  status: ApplicationStatus
}

/** Applications past the draft stage in these statuses, the longest waiting first. */
export async function listReviewQueue(
  db: DbOrTx,
  options: { statuses: readonly QueueStatus[] },
): Promise<QueueItem[]> {
  return db
    .select({
      id: applications.id,
      category: applications.category,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      applicantEmail: people.email,
      submittedAt: isoInstantOrNull(applications.submittedAt),
      round: applications.round,
      status: applications.status,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(inArray(applications.status, [...options.statuses]))
    .orderBy(sql`${applications.submittedAt} asc nulls last`, asc(applications.id))
}

export type Designation = { program: string; kind: string; date: string }

export type EvidenceItem = {
  id: string
  criterion: MemberCriterion
  file: { id: string; name: string; contentType: string; size: number } | null
  url: string | null
  note: string | null
  createdAt: string
}

export type HistoryEvent = {
  id: string
  kind: keyof typeof eventLabels
  round: number
  comment: string | null
  actorName: string | null
  createdAt: string
}

export type ReviewRow = {
  round: number
  criterion: MemberCriterion
  verdict: ReviewVerdict
  comment: string | null
  reviewerName: string
  createdAt: string
}

export type ApplicationDetail = {
  id: string
  category: 'member' | 'bff'
  status: ApplicationStatus
  round: number
  organizationName: string
  shortName: string | null
  leadOrganization: string | null
  website: string | null
  summary: string | null
  states: string[]
  counties: string[]
  focusIndustries: string[]
  partners: string[]
  designations: Designation[]
  bffKind: 'federal_agency' | 'national_ngo' | 'private_entity' | 'other' | null
  openSourceValue: string | null
  applicant: { personId: string; name: string; email: string }
  submittedAt: string | null
  decidedAt: string | null
  organization: { id: string; slug: string } | null
  evidence: EvidenceItem[]
  events: HistoryEvent[]
  reviews: ReviewRow[]
}

const designationShape = z.object({
  program: z.string().catch(''),
  kind: z.string().catch(''),
  date: z.string().catch(''),
})

/** Everything about one application for the staff and board pages; undefined when there is none. */
export async function getApplicationDetail(db: DbOrTx, id: string): Promise<ApplicationDetail | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined
  const [app] = await db
    .select({
      id: applications.id,
      category: applications.category,
      status: applications.status,
      round: applications.round,
      organizationName: applications.organizationName,
      shortName: applications.shortName,
      leadOrganization: applications.leadOrganization,
      website: applications.website,
      summary: applications.summary,
      states: applications.states,
      counties: applications.counties,
      focusIndustries: applications.focusIndustries,
      partners: applications.partners,
      designations: applications.designations,
      bffKind: applications.bffKind,
      openSourceValue: applications.openSourceValue,
      applicantId: applications.applicantId,
      applicantName: people.fullName,
      applicantEmail: people.email,
      submittedAt: isoInstantOrNull(applications.submittedAt),
      decidedAt: isoInstantOrNull(applications.decidedAt),
      organizationId: applications.organizationId,
      organizationSlug: sql<
        string | null
      >`(select o.slug from organizations o where o.id = ${applications.organizationId})`,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.id, id))
  if (!app) return undefined

  const evidence = await db
    .select({
      id: applicationEvidence.id,
      criterion: applicationEvidence.criterion,
      fileId: storedFiles.id,
      fileName: storedFiles.name,
      contentType: storedFiles.contentType,
      size: storedFiles.size,
      url: applicationEvidence.url,
      note: applicationEvidence.note,
      createdAt: isoInstant(applicationEvidence.createdAt),
    })
    .from(applicationEvidence)
    .leftJoin(storedFiles, eq(storedFiles.id, applicationEvidence.fileId))
    .where(eq(applicationEvidence.applicationId, id))
    .orderBy(asc(applicationEvidence.createdAt), asc(applicationEvidence.id))

  const actor = alias(people, 'actor')
  const events = await db
    .select({
      id: applicationEvents.id,
      kind: applicationEvents.kind,
      round: applicationEvents.round,
      comment: applicationEvents.comment,
      actorName: actor.fullName,
      createdAt: isoInstant(applicationEvents.createdAt),
    })
    .from(applicationEvents)
    .leftJoin(actor, eq(actor.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id))

  const reviewer = alias(people, 'reviewer')
  const reviews = await db
    .select({
      round: applicationReviews.round,
      criterion: applicationReviews.criterion,
      verdict: applicationReviews.verdict,
      comment: applicationReviews.comment,
      reviewerName: reviewer.fullName,
      createdAt: isoInstant(applicationReviews.createdAt),
    })
    .from(applicationReviews)
    .innerJoin(reviewer, eq(reviewer.id, applicationReviews.reviewerId))
    .where(eq(applicationReviews.applicationId, id))
  const order = (c: MemberCriterion) => memberCriteria.indexOf(c)
  reviews.sort((a, b) => a.round - b.round || order(a.criterion) - order(b.criterion))

  const claims = Array.isArray(app.designations) ? (app.designations as unknown[]) : []
  return {
    id: app.id,
    category: app.category,
    status: app.status,
    round: app.round,
    organizationName: app.organizationName,
    shortName: app.shortName,
    leadOrganization: app.leadOrganization,
    website: app.website,
    summary: app.summary,
    states: app.states,
    counties: app.counties,
    focusIndustries: app.focusIndustries,
    partners: app.partners,
    designations: claims.map((c) => designationShape.parse(typeof c === 'object' && c !== null ? c : {})),
    bffKind: app.bffKind,
    openSourceValue: app.openSourceValue,
    applicant: { personId: app.applicantId, name: app.applicantName, email: app.applicantEmail },
    submittedAt: app.submittedAt,
    decidedAt: app.decidedAt,
    organization:
      app.organizationId && app.organizationSlug
        ? { id: app.organizationId, slug: app.organizationSlug }
        : null,
    evidence: evidence.map((e) => ({
      id: e.id,
      criterion: e.criterion,
      file:
        e.fileId && e.fileName !== null && e.contentType !== null && e.size !== null
          ? { id: e.fileId, name: e.fileName, contentType: e.contentType, size: e.size }
          : null,
      url: e.url,
      note: e.note,
      createdAt: e.createdAt,
    })),
    events,
    reviews,
  }
}

/** The longest comment a reviewer or a board member can write. */
export const COMMENT_MAX = 2000

/** The review form as typed: a verdict and a comment per criterion. */
export type ReviewForm = Record<MemberCriterion, { verdict: string; comment: string }>
export type ReviewFormErrors = Partial<Record<`${'verdict' | 'comment'}_${MemberCriterion}`, string>>
export type Verdicts = Record<MemberCriterion, { verdict: ReviewVerdict; comment: string | null }>

/** Checks a comment's length and characters; returns the problem, or undefined. */
export function commentProblem(comment: string): string | undefined {
  if (comment.includes('\u0000')) return 'Remove the invisible NUL characters from this comment.'
  if (comment.length > COMMENT_MAX)
    return `Write at most ${formatNumber(COMMENT_MAX)} characters (this comment has ${formatNumber(comment.length)}).`
  return undefined
}

export const emptyReviewForm = (): ReviewForm =>
  Object.fromEntries(memberCriteria.map((c) => [c, { verdict: '', comment: '' }])) as ReviewForm

/**
 * Reads the staff review form: for each of the four criteria, met / not met / needs more
 * information (`verdict_<criterion>`), and a comment (`comment_<criterion>`) that is
 * required unless the criterion is met.
 */
export function parseReviewForm(
  body: Record<string, unknown>,
): { ok: true; value: Verdicts } | { ok: false; form: ReviewForm; errors: ReviewFormErrors } {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '')
  const form = emptyReviewForm()
  const errors: ReviewFormErrors = {}
  const value = {} as Verdicts
  for (const criterion of memberCriteria) {
    const verdict = text(`verdict_${criterion}`)
    const comment = text(`comment_${criterion}`).replace(/\r\n?/g, '\n')
    form[criterion] = { verdict, comment }
    const trimmed = comment.trim()
    if (!(reviewVerdicts as readonly string[]).includes(verdict))
      errors[`verdict_${criterion}`] = 'Choose met, not met or needs more information.'
    const problem = commentProblem(trimmed)
    if (problem) errors[`comment_${criterion}`] = problem
    else if ((verdict === 'not_met' || verdict === 'needs_info') && trimmed === '')
      errors[`comment_${criterion}`] =
        verdict === 'needs_info'
          ? 'Say what the applicant should add: a comment is needed when more information is asked for.'
          : 'Say why the criterion is not met: a comment is needed for this verdict.'
    value[criterion] = { verdict: verdict as ReviewVerdict, comment: trimmed === '' ? null : trimmed }
  }
  if (Object.keys(errors).length > 0) return { ok: false, form, errors }
  return { ok: true, value }
}

const lockApplication = async (tx: DbOrTx, id: string) => {
  const [app] = await tx
    .select({
      id: applications.id,
      category: applications.category,
      status: applications.status,
      round: applications.round,
      organizationName: applications.organizationName,
      applicantName: people.fullName,
      applicantEmail: people.email,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.applicantId))
    .where(eq(applications.id, id))
    .for('update', { of: applications })
  return app
}

const notFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'There is no application with this address.' })

/** Why staff cannot record verdicts on an application in this state. */
function reviewRefusal(status: ApplicationStatus, category: 'member' | 'bff'): string {
  if (category === 'bff')
    return 'BFF applications have no criteria to judge: send them to the Advisory Board.'
  switch (status) {
    case 'needs_info':
      return 'Staff asked the applicant for more information: verdicts can be recorded again once the applicant answers.'
    case 'with_board':
      return 'This application is with the Advisory Board: staff verdicts can no longer be recorded.'
    case 'approved':
    case 'rejected':
      return 'The Advisory Board has decided on this application: nothing about it can be reviewed any more.'
    case 'withdrawn':
      return 'The applicant withdrew this application.'
    default:
      return 'This application has not been submitted yet.'
  }
}

export type ReviewResult = { status: 'needs_info' | 'with_board'; round: number }

/**
 * Records staff verdicts on all four criteria for the application's current round, in one
 * transaction against the reviewer. A criterion already judged in this round is refused
 * (later rounds are new rows). Then: any "needs more information" sends the application back
 * to the applicant (status needs_info, an info_requested event with the comments, and an
 * email listing what is needed); otherwise it goes to the Advisory Board (with_board, a
 * sent_to_board event), also when a criterion is not met: the board decides, and sees the
 * verdicts.
 */
export async function recordReview(
  db: Db,
  mailer: Mailer,
  options: { applicationId: string; reviewerPersonId: string; verdicts: Verdicts; origin: string },
): Promise<ReviewResult> {
  const { verdicts } = options
  const needsInfo = memberCriteria.filter((c) => verdicts[c].verdict === 'needs_info')
  const notMet = memberCriteria.filter((c) => verdicts[c].verdict === 'not_met')
  const lines = (criteria: MemberCriterion[]) =>
    criteria.map((c) => `${criterionLabels[c]}: ${verdicts[c].comment ?? ''}`)

  const done = await writeAs(db, `person:${options.reviewerPersonId}`, async (tx) => {
    const app = await lockApplication(tx, options.applicationId)
    if (!app) throw notFound()
    if (app.category !== 'member' || app.status !== 'submitted')
      throw new AppError('CONFLICT', { userMessage: reviewRefusal(app.status, app.category) })
    const judged = await tx
      .select({ criterion: applicationReviews.criterion })
      .from(applicationReviews)
      .where(and(eq(applicationReviews.applicationId, app.id), eq(applicationReviews.round, app.round)))
    if (judged.length > 0)
      throw new AppError('CONFLICT', {
        userMessage: `Round ${app.round} already has verdicts on ${judged
          .map((j) => criterionLabels[j.criterion])
          .join(', ')}: a criterion is judged once per round.`,
      })
    await tx.insert(applicationReviews).values(
      memberCriteria.map((criterion) => ({
        applicationId: app.id,
        round: app.round,
        criterion,
        verdict: verdicts[criterion].verdict,
        comment: verdicts[criterion].comment,
        reviewerId: options.reviewerPersonId,
      })),
    )
    const status = needsInfo.length > 0 ? ('needs_info' as const) : ('with_board' as const)
    await tx
      .update(applications)
      .set({ status, updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    const comment =
      status === 'needs_info'
        ? lines(needsInfo).join('\n')
        : notMet.length > 0
          ? `Sent to the Advisory Board with ${notMet.length === 1 ? 'a criterion' : `${notMet.length} criteria`} not met, for the board to weigh:\n${lines(notMet).join('\n')}`
          : 'All four criteria are met.'
    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      kind: status === 'needs_info' ? 'info_requested' : 'sent_to_board',
      actorId: options.reviewerPersonId,
      round: app.round,
      comment,
    })
    return { status, round: app.round, app }
  })

  if (done.status === 'needs_info') {
    const link = `${options.origin}/applications/${done.app.id}`
    const also =
      notMet.length > 0 ? `\nStaff also found these criteria not met:\n\n${lines(notMet).join('\n')}\n` : ''
    await sendSafely(mailer, {
      to: done.app.applicantEmail,
      subject: `More information needed: ${done.app.organizationName}`,
      text: `Hello ${done.app.applicantName},\n\nStaff reviewed the application of ${done.app.organizationName} (round ${done.round}) and need more information before it can go to the Advisory Board:\n\n${lines(needsInfo).join('\n')}\n${also}\nAdd what is needed and submit the application again here:\n${link}\n`,
    })
  }
  return { status: done.status, round: done.round }
}

/**
 * Sends a BFF application to the Advisory Board from staff review (when the setting
 * bffSkipsStaffReview is off, BFF applications wait in the staff queue): status with_board
 * and a sent_to_board event with the staff comment, in one transaction.
 */
export async function sendToBoard(
  db: Db,
  options: { applicationId: string; staffPersonId: string; comment: string | null },
): Promise<void> {
  await writeAs(db, `person:${options.staffPersonId}`, async (tx) => {
    const app = await lockApplication(tx, options.applicationId)
    if (!app) throw notFound()
    if (app.category !== 'bff' || app.status !== 'submitted')
      throw new AppError('CONFLICT', {
        userMessage:
          app.category !== 'bff'
            ? 'A member application goes to the Advisory Board through the verdicts on its four criteria.'
            : `This application is not waiting for staff (its status: ${statusLabels[app.status]}).`,
      })
    await tx
      .update(applications)
      .set({ status: 'with_board', updatedAt: sql`hub_now()` })
      .where(eq(applications.id, app.id))
    await tx.insert(applicationEvents).values({
      applicationId: app.id,
      kind: 'sent_to_board',
      actorId: options.staffPersonId,
      round: app.round,
      comment: options.comment,
    })
  })
}

/**
 * Sends an email whose cause is already committed: a failure is logged, not thrown, so
 * the person who acted sees what they did (the record stands either way).
 */
export async function sendSafely(mailer: Mailer, email: Parameters<Mailer['send']>[0]): Promise<boolean> {
  try {
    await mailer.send(email)
    return true
  } catch (error) {
    logger.error({ err: error, to: email.to, subject: email.subject }, 'an email could not be sent')
    return false
  }
}
