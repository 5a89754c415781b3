import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { boardVoteChoices } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeText } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { actingPerson } from '#src/http/viewer.ts'
import { keepViewerPages } from '#src/http/viewer-pages.ts'
import { isAppError } from '#src/lib/errors.ts'
import { getApplicationDetail } from './application-detail.ts'
import { BoardApplicationPage, type BoardApplicationProps } from './board-application.views.tsx'
import { listBoardQueue } from './board-queue.ts'
import { BoardQueuePage } from './board-queue.views.tsx'
import { currentTally, listVotes } from './board-votes.ts'
import { castVote } from './cast-vote.ts'
import { closeBoardDecision } from './close-board-decision.ts'
import { decisionSummary } from './decision-summary.ts'
import { recordReview } from './record-review.ts'
import { commentProblem, parseReviewForm } from './review-form.ts'
import { listReviewQueue, openQueueStatuses, queueFilterSchema } from './review-queue.ts'
import { applicationEmailsOf } from './send-application-emails.ts'
import { sendToBoard } from './send-to-board.ts'
import { StaffApplicationPage, type StaffApplicationProps } from './staff-application.views.tsx'
import { StaffQueuePage } from './staff-queue.views.tsx'

const staffNotices = {
  needs_info:
    'The verdicts are recorded. The application went back to the applicant, who was emailed what to add.',
  with_board: 'The verdicts are recorded and the application is with the Advisory Board.',
  sent: 'The application is with the Advisory Board.',
  decided: 'The decision is recorded and the applicant was emailed.',
} as const

const boardNotices = {
  voted: 'Your vote is recorded. You can change it until the decision closes.',
  decided: 'Your vote is recorded, and with it the outcome could no longer change: the decision is closed.',
} as const

/** An optional comment from a form: trimmed, empty as null, or the problem with it. */
const optionalComment = (value: string | undefined): { comment: string | null; error?: string } => {
  const trimmed = (value ?? '').replace(/\r\n?/g, '\n').trim()
  const error = commentProblem(trimmed)
  return { comment: trimmed === '' ? null : trimmed, error }
}

const voteSchema = z.object({
  choice: z.enum(boardVoteChoices, { error: 'Choose approve, reject or abstain.' }),
})

/**
 * Staff review of applications and the Advisory Board's votes and decisions. Pages for
 * signed-in people only: never cached. Writes go through the feature functions, which
 * record them against the person who acts.
 */
export function reviewRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  /** The person the signed-in viewer is on record as; a 403 when their account has none. */
  const personOf = (c: Context<AppEnv>): string =>
    actingPerson(c.get('viewer'), 'act on applications').personId

  /** Tells the Advisory Board, once the change is committed, that an application waits for its vote. */
  const tell = applicationEmailsOf(deps)
  const toBoardEmails = (id: string) => tell(id, { kind: 'ready_for_board' })

  const findApplication = async (id: string) => {
    const found = await getApplicationDetail(db, id)
    if (!found) throw notFound('There is no application with this address.')
    return found
  }

  /** The staff page of one application, with whatever the request adds (notice, errors, typed values). */
  const staffPage = async (
    c: Context<AppEnv>,
    id: string,
    extra: Partial<Omit<StaffApplicationProps, 'app' | 'timeZone'>> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const application = await findApplication(id)
    const settings = await getSettings(db)
    const today = deps.clock.today()
    const decision = await decisionSummary(db, application.id)
    const board =
      application.status === 'with_board'
        ? {
            tally: await currentTally(db, application.id, {
              onDate: today,
              quorumShare: settings.boardQuorumShare,
            }),
            votes: await listVotes(db, application.id, today),
          }
        : undefined
    const page = (
      <StaffApplicationPage
        app={application}
        timeZone={settings.callTimeZone}
        decision={decision}
        board={board}
        {...extra}
      />
    )
    return renderPage(c, page, { status })
  }

  /** Reached the board: with it now, or decided by it. */
  const isBoardBusiness = (status: string) => ['with_board', 'approved', 'rejected'].includes(status)

  const boardPage = async (
    c: Context<AppEnv>,
    id: string,
    voterId: string,
    extra: Partial<Pick<BoardApplicationProps, 'form' | 'notice' | 'error'>> = {},
    status: 200 | 400 | 409 = 200,
  ) => {
    const application = await findApplication(id)
    if (!isBoardBusiness(application.status))
      throw notFound('This application is not with the Advisory Board.')
    const settings = await getSettings(db)
    const today = deps.clock.today()
    const votes = await listVotes(db, application.id, today)
    const tally = await currentTally(db, application.id, {
      onDate: today,
      quorumShare: settings.boardQuorumShare,
    })
    const decision = await decisionSummary(db, application.id)
    const page = (
      <BoardApplicationPage
        app={application}
        timeZone={settings.callTimeZone}
        decision={decision}
        board={{ tally, votes }}
        myVote={votes.find((v) => v.voterId === voterId)}
        {...extra}
      />
    )
    return renderPage(c, page, { status })
  }

  // --- Staff ------------------------------------------------------------------------

  app.get('/staff/applications', requirePermission('application:review'), async (c) => {
    const parsed = queueFilterSchema.safeParse({ status: c.req.query('status') })
    const settings = await getSettings(db)
    if (!parsed.success) {
      const page = (
        <StaffQueuePage
          items={[]}
          status={c.req.query('status') ?? ''}
          error={parsed.error.issues[0]?.message ?? 'Choose a status from the list.'}
          timeZone={settings.callTimeZone}
        />
      )
      return renderPage(c, page, { status: 400 })
    }
    const status = parsed.data.status || undefined
    const items = await listReviewQueue(db, { statuses: status ? [status] : openQueueStatuses })
    const page = <StaffQueuePage items={items} status={status ?? ''} timeZone={settings.callTimeZone} />
    return renderPage(c, page)
  })

  app.get(
    '/staff/applications/:id',
    requirePermission('application:review'),
    keepViewerPages(deps),
    async (c) => staffPage(c, c.req.param('id'), { notice: noticeText(staffNotices, c.req.query('notice')) }),
  )

  app.post('/staff/applications/:id/review', requirePermission('application:review'), async (c) => {
    const personId = personOf(c)
    const id = c.req.param('id')
    await findApplication(id)
    const parsed = parseReviewForm(await formFields(c))
    if (!parsed.ok) return staffPage(c, id, { review: { form: parsed.form, errors: parsed.errors } }, 400)
    try {
      const result = await recordReview(db, deps.mailer, {
        applicationId: id,
        reviewerPersonId: personId,
        verdicts: parsed.value,
        origin: deps.origin,
        today: deps.clock.today(),
      })
      if (result.status === 'with_board') await toBoardEmails(id)
      return c.redirect(`/staff/applications/${id}?notice=${result.status}`, 303)
    } catch (error) {
      if (isAppError(error) && error.code === 'CONFLICT')
        return staffPage(c, id, { error: error.userMessage }, 409)
      throw error
    }
  })

  app.post('/staff/applications/:id/send-to-board', requirePermission('application:review'), async (c) => {
    const personId = personOf(c)
    const id = c.req.param('id')
    await findApplication(id)
    const fields = await formFields(c)
    const { comment, error } = optionalComment(fields.comment)
    if (error) return staffPage(c, id, { sendForm: { comment: fields.comment ?? '', error } }, 400)
    try {
      await sendToBoard(db, { applicationId: id, staffPersonId: personId, comment })
      await toBoardEmails(id)
      return c.redirect(`/staff/applications/${id}?notice=sent`, 303)
    } catch (e) {
      if (isAppError(e) && e.code === 'CONFLICT') return staffPage(c, id, { error: e.userMessage }, 409)
      throw e
    }
  })

  app.post('/staff/applications/:id/close', requirePermission('application:review'), async (c) => {
    const personId = personOf(c)
    const id = c.req.param('id')
    await findApplication(id)
    const fields = await formFields(c)
    const { comment, error } = optionalComment(fields.comment)
    if (error) return staffPage(c, id, { closeForm: { comment: fields.comment ?? '', error } }, 400)
    try {
      await closeBoardDecision(db, deps.mailer, {
        applicationId: id,
        staffPersonId: personId,
        comment,
        today: deps.clock.today(),
        origin: deps.origin,
      })
      // The triggers tell other processes; this one drops its pages at once.
      return c.redirect(`/staff/applications/${id}?notice=decided`, 303)
    } catch (e) {
      if (isAppError(e) && e.code === 'CONFLICT')
        return staffPage(c, id, { error: e.userMessage, closeForm: { comment: fields.comment ?? '' } }, 409)
      throw e
    }
  })

  // --- Advisory Board ---------------------------------------------------------------

  app.get('/board/applications', requirePermission('application:vote'), async (c) => {
    const personId = personOf(c)
    const settings = await getSettings(db)
    const queue = await listBoardQueue(db, { voterPersonId: personId })
    return renderPage(
      c,
      <BoardQueuePage waiting={queue.waiting} decided={queue.decided} timeZone={settings.callTimeZone} />,
    )
  })

  app.get(
    '/board/applications/:id',
    requirePermission('application:vote'),
    keepViewerPages(deps),
    async (c) => {
      const personId = personOf(c)
      return boardPage(c, c.req.param('id'), personId, {
        notice: noticeText(boardNotices, c.req.query('notice')),
      })
    },
  )

  app.post('/board/applications/:id/vote', requirePermission('application:vote'), async (c) => {
    const personId = personOf(c)
    const id = c.req.param('id')
    const application = await findApplication(id)
    if (!isBoardBusiness(application.status))
      throw notFound('This application is not with the Advisory Board.')
    const fields = await formFields(c)
    const parsed = voteSchema.safeParse(fields)
    const { comment, error: commentError } = optionalComment(fields.comment)
    const typed = { choice: fields.choice ?? '', comment: fields.comment ?? '' }
    if (!parsed.success || commentError) {
      const errors = {
        choice: parsed.success
          ? undefined
          : (parsed.error.issues[0]?.message ?? 'Choose approve, reject or abstain.'),
        comment: commentError,
      }
      return boardPage(c, id, personId, { form: { ...typed, errors } }, 400)
    }
    try {
      const { decision } = await castVote(db, deps.mailer, {
        applicationId: id,
        voterPersonId: personId,
        choice: parsed.data.choice,
        comment,
        today: deps.clock.today(),
        origin: deps.origin,
      })
      return c.redirect(`/board/applications/${id}?notice=${decision ? 'decided' : 'voted'}`, 303)
    } catch (e) {
      if (isAppError(e) && e.code === 'CONFLICT')
        return boardPage(c, id, personId, { error: e.userMessage }, 409)
      throw e
    }
  })

  return app
}
