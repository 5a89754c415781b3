import { sql } from 'drizzle-orm'
import { type Context, Hono } from 'hono'
import { findOrganization } from '#src/features/seats/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm, formFields, readForm } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError, isRefusal } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatDate } from '#src/ui/format.ts'
import { answerQuestion } from './answer-question.ts'
import { askQuestion } from './ask-question.ts'
import { loadCallQuestions, loadOrganizationQuestions } from './load-pages.ts'
import {
  type AskValues,
  CallQuestionPage,
  OrganizationQuestionsPage,
} from './organization-questions.views.tsx'
import { callOfDate, questionRefusal } from './question-call.ts'
import { acceptForm, askForm, declineForm } from './question-form.ts'
import { questionRows } from './question-rows.ts'
import { type AnswerAttempt, StaffQuestionsPage } from './staff-questions.views.tsx'

const notYours =
  'Only staff and the representative or alternate who holds this organisation’s seat today can see its attendance questions.'

/** A seat holder's questions about attendance, and staff's answers. */
export function attendanceQuestionRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const timeZone = deps.clock.timeZone

  const orgOf = async (c: Context<AppEnv>) => {
    const slug = c.req.param('slug') ?? ''
    const org = isUuid(slug) ? undefined : await findOrganization(db, slug)
    if (!org) throw notFound('No organisation has this address.')
    if (!canEditOrganization(c.get('viewer'), org.id))
      throw new AppError('FORBIDDEN', { userMessage: notYours })
    return org
  }
  const callOf = async (c: Context<AppEnv>) => {
    const call = await callOfDate(db, c.req.param('date') ?? '')
    if (!call) throw notFound('No call is on the calendar on this date.')
    return call
  }
  const personOf = (c: Context<AppEnv>) => {
    const viewer = c.get('viewer')
    return viewer.kind === 'user' ? viewer.personId : null
  }

  app.get('/organizations/:slug/attendance-questions', requirePermission('obligations:own'), async (c) => {
    const org = await orgOf(c)
    const data = await loadOrganizationQuestions(db, org.id, deps.clock.today())
    return renderPage(c, <OrganizationQuestionsPage org={org} timeZone={timeZone} {...data} />)
  })

  /** The call's page for the organisation, with what stops the viewer asking (or null). */
  const callPage = async (
    c: Context<AppEnv>,
    options: { values?: AskValues; errors?: Record<string, string>; status?: 200 | 400 | 403 | 409 } = {},
  ) => {
    const org = await orgOf(c)
    const call = await callOf(c)
    const data = await loadCallQuestions(db, org.id, call)
    const personId = personOf(c)
    const cannotAsk =
      questionRefusal(call, deps.clock.today()) ??
      (data.holders.some((h) => h.id === personId)
        ? null
        : `Only the representative or alternate who held ${org.name}’s seat on ${formatDate(call.localDate)} can ask about its attendance.`)
    const asked = c.req.query('asked') === '1'
    return renderPage(
      c,
      <CallQuestionPage
        org={org}
        data={data}
        cannotAsk={cannotAsk}
        values={options.values ?? { personId: personId ?? '', appearedAs: '', note: '' }}
        errors={options.errors ?? {}}
        flash={asked ? { text: 'Your question was sent to staff. Their answer will show here.' } : undefined}
        timeZone={timeZone}
      />,
      { status: options.status ?? 200 },
    )
  }

  const callPath = '/organizations/:slug/calls/:date/attendance'
  app.get(callPath, requirePermission('obligations:own'), (c) => callPage(c))

  app.post(callPath, requirePermission('obligations:own'), async (c) => {
    const org = await orgOf(c)
    const call = await callOf(c)
    const form = await readForm(c, askForm)
    const values = {
      personId: form.fields.personId ?? '',
      appearedAs: form.fields.appearedAs ?? '',
      note: form.fields.note ?? '',
    }
    if (!form.ok) return callPage(c, { values, errors: form.errors, status: 400 })
    const askedBy = personOf(c)
    if (!askedBy)
      throw new AppError('FORBIDDEN', { userMessage: 'Only a seat holder on record as a person can ask.' })
    try {
      await askQuestion(db, {
        ...form.value,
        organizationId: org.id,
        callId: call.id,
        askedBy,
        today: deps.clock.today(),
      })
    } catch (error) {
      if (!isRefusal(error) || error.code === 'NOT_FOUND') throw error
      const status = error.status === 403 ? 403 : error.status === 409 ? 409 : 400
      return callPage(c, { values, errors: { [error.field ?? 'form']: error.userMessage }, status })
    }
    return c.redirect(`/organizations/${org.slug}/calls/${call.localDate}/attendance?asked=1`, 303)
  })

  const staffPage = async (
    c: Context<AppEnv>,
    options: { attempt?: AnswerAttempt; status?: 200 | 400 | 409; refusal?: string } = {},
  ) => {
    const [open, answered, settings] = await Promise.all([
      questionRows(db, sql`q.status = 'open'`),
      questionRows(db, sql`q.status <> 'open'`, 50),
      getSettings(db),
    ])
    const done = c.req.query('answered')
    const flash = options.refusal
      ? { text: options.refusal, isError: true }
      : done === 'accepted' || done === 'declined'
        ? { text: done === 'accepted' ? 'Accepted: the call now counts.' : 'Declined, with your reason.' }
        : undefined
    return renderPage(
      c,
      <StaffQuestionsPage
        open={open}
        answered={answered}
        minimumMinutes={settings.minimumAttendanceMinutes}
        timeZone={timeZone}
        attempt={options.attempt}
        flash={flash}
      />,
      { status: options.status ?? 200 },
    )
  }

  app.get('/staff/attendance-questions', requirePermission('attendance:manage'), (c) => staffPage(c))

  app.post('/staff/attendance-questions/:id/answer', requirePermission('attendance:manage'), async (c) => {
    const questionId = c.req.param('id')
    const staffId = personOf(c)
    if (!isUuid(questionId)) throw notFound('No question has this address.')
    if (!staffId)
      throw new AppError('FORBIDDEN', {
        userMessage: 'Only a staff member on record as a person can answer.',
      })
    const [question] = await questionRows(db, sql`q.id = ${questionId}`, 1)
    if (!question) throw notFound('No question has this address.')
    const fields = await formFields(c)
    const answer = fields.answer === 'accept' ? 'accepted' : fields.answer === 'decline' ? 'declined' : null
    if (!answer)
      throw new AppError('BAD_INPUT', { userMessage: 'Choose Accept or Decline.', field: 'answer' })
    const form = checkForm(answer === 'accepted' ? acceptForm : declineForm, fields)
    const attempt = (error: string) => ({ questionId, reason: fields.reason ?? '', error })
    if (!form.ok) return staffPage(c, { attempt: attempt(form.errors.reason ?? ''), status: 400 })
    try {
      await answerQuestion(db, {
        questionId,
        staffId,
        answer,
        reason: form.value.reason,
        now: deps.clock.now(),
      })
    } catch (error) {
      if (!isRefusal(error) || error.code === 'NOT_FOUND') throw error
      return staffPage(c, { refusal: error.userMessage, status: 409 })
    }
    return c.redirect(`/staff/attendance-questions?answered=${answer}`, 303)
  })

  return app
}
