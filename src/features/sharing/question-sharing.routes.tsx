import type { Hono } from 'hono'
import { z } from 'zod'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatDate } from '#src/ui/format.ts'
import { getSharing } from './list-sharing.ts'
import { answerSharing, questionSharing } from './question-sharing.ts'
import { notifyQuestion } from './sharing-email.ts'
import { answerProblem, quarterOf, questionProblem } from './sharing-form.ts'
import {
  noPerson,
  noRecord,
  organizationAccess,
  recordOf,
  renderOrganizationSharingPage,
} from './sharing-route-parts.tsx'
import { StaffSharingRecordPage } from './sharing-staff.views.tsx'

const text = z.string().max(100_000).catch('')
const answerFields = z.object({ answer: text })
const questionFields = z.object({ question: text })

/** Staff question a sharing record, and the organisation answers: /staff/sharing/:id/question, …/answer. */
export function questionSharingRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  // Registered before the answer: the hostile-input suite asks a question, then answers it.
  app.post('/staff/sharing/:id/question', requirePermission('obligations:manage'), async (c) => {
    const viewer = c.get('viewer')
    const id = c.req.param('id')
    const record = isUuid(id) ? await getSharing(db, id) : undefined
    if (!record) throw noRecord()
    if (viewer.kind !== 'user' || !viewer.personId) throw noPerson()
    const question = questionFields.parse(await formFields(c)).question.trim()
    const error = questionProblem(question)
    if (error)
      return renderPage(c, <StaffSharingRecordPage record={record} draft={{ value: question, error }} />, {
        status: 400,
      })
    await questionSharing(db, `person:${viewer.personId}`, {
      id: record.id,
      question,
      questionedBy: viewer.personId,
    })
    const mailed = await notifyQuestion(db, deps, { record, question, askedBy: viewer.name })
    const year = record.sharedOn.slice(0, 4)
    const quarter = quarterOf(record.sharedOn)
    return c.redirect(
      `/staff/sharing?year=${year}&quarter=${quarter}&asked=${record.id}&mail=${mailed}#sharing-${record.id}`,
      303,
    )
  })

  app.post('/organizations/:slug/sharing/:id/answer', requirePermission('obligations:own'), async (c) => {
    const { org, personId } = await organizationAccess(deps, c)
    const record = await recordOf(deps, c, org)
    if (!record) throw noRecord()
    const answer = answerFields.parse(await formFields(c)).answer.trim()
    const year = Number(record.sharedOn.slice(0, 4))
    const nothingAsked = {
      isError: true,
      text: `Staff have not asked about the sharing of ${formatDate(record.sharedOn)}: there is nothing to answer.`,
    }
    if (!record.question)
      return renderOrganizationSharingPage(deps, c, org, 409, { year, flash: nothingAsked })
    const error = answerProblem(answer)
    if (error)
      return renderOrganizationSharingPage(deps, c, org, 400, {
        year,
        answer: { id: record.id, value: answer, error },
      })
    if (!(await answerSharing(db, `person:${personId}`, { id: record.id, answer })))
      return renderOrganizationSharingPage(deps, c, org, 409, { year, flash: nothingAsked })
    return c.redirect(
      `/organizations/${org.slug}/sharing?year=${year}&answered=${record.id}#sharing-${record.id}`,
      303,
    )
  })
}
