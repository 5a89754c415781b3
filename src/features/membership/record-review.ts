import { and, eq, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import {
  type ApplicationStatus,
  applicationEvents,
  applicationReviews,
  applications,
  type MemberCriterion,
  memberCriteria,
} from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { sendSafely } from '#src/lib/mailer.ts'
import { formatDate, plural } from '#src/ui/format.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { criterionLabels } from './labels.ts'
import { lockApplication, noApplication } from './lock-application.ts'
import type { Verdicts } from './review-form.ts'

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
  options: {
    applicationId: string
    reviewerPersonId: string
    verdicts: Verdicts
    origin: string
    /** The day of the review (the network's calendar day), named in the email. */
    today: string
  },
): Promise<ReviewResult> {
  const { verdicts } = options
  const needsInfo = memberCriteria.filter((c) => verdicts[c].verdict === 'needs_info')
  const notMet = memberCriteria.filter((c) => verdicts[c].verdict === 'not_met')
  const lines = (criteria: MemberCriterion[]) =>
    criteria.map((c) => `${criterionLabels[c]}: ${verdicts[c].comment ?? ''}`)

  const done = await writeAs(db, `person:${options.reviewerPersonId}`, async (tx) => {
    const app = await lockApplication(tx, options.applicationId)
    if (!app) throw noApplication()
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
          ? `Sent to the Advisory Board with ${plural(notMet.length, 'a criterion', `${notMet.length} criteria`)} not met, for the board to weigh:\n${lines(notMet).join('\n')}`
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
      text: `Hello ${done.app.applicantName},\n\nStaff of the ${currentChrome().name} reviewed the application of ${done.app.organizationName} (round ${done.round}) on ${formatDate(options.today)} and need more information before it can go to the Advisory Board:\n\n${lines(needsInfo).join('\n')}\n${also}\nAdd what is needed and submit the application again here:\n${link}\n`,
    })
  }
  return { status: done.status, round: done.round }
}
