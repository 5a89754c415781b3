import { type Context, Hono } from 'hono'
import { checkUpload, downloadHeaders, getStoredFile } from '#src/features/files/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { checkForm, formFields, formWithFile } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeText } from '#src/http/notice.ts'
import { renderPage } from '#src/http/render.ts'
import { hasRole } from '#src/http/viewer.ts'
import { isRefusal } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { listMetrics } from './metrics.ts'
import { mustActFor, outcomesByOf } from './outcomes-access.ts'
import { figureValues } from './report-figures.views.tsx'
import {
  commentForm,
  correctionForm,
  readFigureComments,
  readFigures,
  reportTextForm,
} from './report-forms.ts'
import { type ReportAttempt, ReportPage } from './report-page.views.tsx'
import { loadReport, type ReportDetail } from './report-queries.ts'
import {
  correctReport,
  returnReport,
  saveReportDraft,
  submitReport,
  verifyReport,
} from './report-workflow.ts'

const notices: Record<string, string> = {
  started: 'The report is started. Give the figures, then save the draft or submit it.',
  exists: 'The organisation already has a report for this period: here it is.',
  saved: 'The draft is saved. Only you, the other seat holder and staff see it until it is submitted.',
  submitted: 'Submitted: staff will verify the report or return it with comments.',
  verified: 'Verified: the figures now count in the network’s totals and on the public profile.',
  returned: 'Returned to the organisation with your comments.',
  corrected: 'The correction is recorded with its reason.',
}

/** The report page and the steps of its workflow, each through the outcomes kernel. */
export function reportActionRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database

  const reportOf = async (c: Context<AppEnv>): Promise<ReportDetail> => {
    const id = c.req.param('id') ?? ''
    const report = isUuid(id) ? await loadReport(db, id) : undefined
    if (!report) throw notFound('No outcome report has this address.')
    mustActFor(c.get('viewer'), report.organizationId)
    return report
  }

  const page = async (
    c: Context<AppEnv>,
    report: ReportDetail,
    options: { attempt?: ReportAttempt; status?: 200 | 400 | 409; flash?: FlashMessage } = {},
  ) => {
    const [metrics, allMetrics] = await Promise.all([
      listMetrics(db),
      listMetrics(db, { includeRetired: true }),
    ])
    const figures = figureValues(metrics, report.figures)
    const notice = noticeText(notices, c.req.query('notice'))
    return renderPage(
      c,
      <ReportPage
        report={report}
        metrics={metrics}
        allMetrics={allMetrics}
        canEdit
        isStaff={hasRole(c.get('viewer'), 'staff')}
        values={{
          edit: { ...figures, narrative: report.note ?? '', evidenceUrl: report.evidenceUrl ?? '' },
          review: {},
          correct: figures,
        }}
        attempt={options.attempt}
        flash={options.flash ?? (notice && !options.attempt ? { text: notice } : undefined)}
      />,
      { status: options.status ?? 200 },
    )
  }

  /** Runs a step; a refusal shows the page again with the form as typed and the message. */
  const attemptStep = async (
    c: Context<AppEnv>,
    report: ReportDetail,
    attempt: ReportAttempt,
    step: () => Promise<unknown>,
    notice: keyof typeof notices,
  ) => {
    if (Object.keys(attempt.errors).length > 0) return page(c, report, { attempt, status: 400 })
    try {
      await step()
    } catch (error) {
      if (!isRefusal(error) || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN') throw error
      const flash = { text: error.userMessage, isError: true }
      const errors = error.field ? { ...attempt.errors, [error.field]: error.userMessage } : attempt.errors
      return page(c, report, {
        attempt: { ...attempt, errors },
        flash,
        status: error.status === 409 ? 409 : 400,
      })
    }
    return c.redirect(`/outcomes/reports/${report.id}?notice=${notice}`, 303)
  }

  const reportPath = '/outcomes/reports/:id'
  app.get(reportPath, requirePermission('outcomes:own'), async (c) => page(c, await reportOf(c)))

  app.post(reportPath, requirePermission('outcomes:own'), async (c) => {
    const report = await reportOf(c)
    const { fields, file } = await formWithFile(c, 'evidenceFile')
    const metrics = await listMetrics(db)
    const { figures, errors } = readFigures(metrics, fields)
    const text = checkForm(reportTextForm, fields)
    const upload = file ? checkUpload(file) : undefined
    const evidenceFile =
      upload?.ok && file
        ? { name: upload.name, bytes: file.bytes, kind: upload.kind }
        : fields.removeEvidenceFile === 'on'
          ? null
          : undefined
    const attempt: ReportAttempt = {
      form: 'edit',
      values: fields,
      errors: {
        ...errors,
        ...(text.ok ? {} : text.errors),
        ...(upload && !upload.ok ? { evidenceFile: upload.message } : {}),
      },
    }
    const by = outcomesByOf(c.get('viewer'))
    const submitting = fields.action === 'submit'
    return attemptStep(
      c,
      report,
      attempt,
      async () => {
        if (!text.ok || (upload && !upload.ok)) return
        const period = { start: report.periodStart, end: report.periodEnd, kind: report.periodKind }
        const draft = { organizationId: report.organizationId, period, figures }
        await saveReportDraft(
          db,
          {
            ...draft,
            note: text.value.narrative || null,
            evidenceUrl: text.value.evidenceUrl || null,
            evidenceFile,
          },
          by,
        )
        if (submitting) await submitReport(db, report.id, by)
      },
      submitting ? 'submitted' : 'saved',
    )
  })

  // The evidence file, for the organisation's seat holders and staff only (never cached by others).
  app.get(`${reportPath}/evidence`, requirePermission('outcomes:own'), async (c) => {
    const report = await reportOf(c)
    const file = report.evidenceFile ? await getStoredFile(db, report.evidenceFile.id) : undefined
    if (!file) throw notFound('This report has no evidence file.')
    return c.body(new Uint8Array(file.data), 200, downloadHeaders(file, { isPublic: false }))
  })

  app.post(`${reportPath}/verify`, requirePermission('outcomes:manage'), async (c) => {
    const report = await reportOf(c)
    const fields = await formFields(c)
    const form = checkForm(commentForm, fields)
    const attempt: ReportAttempt = {
      form: 'return',
      values: { 'verify-comment': fields.comment ?? '' },
      // The verify form's own field, not the return form's comment.
      errors: form.ok ? {} : { 'verify-comment': form.errors.comment },
    }
    const comment = form.ok ? form.value.comment : ''
    return attemptStep(
      c,
      report,
      attempt,
      () => verifyReport(db, report.id, outcomesByOf(c.get('viewer')), comment),
      'verified',
    )
  })

  app.post(`${reportPath}/return`, requirePermission('outcomes:manage'), async (c) => {
    const report = await reportOf(c)
    const fields = await formFields(c)
    const { comments, errors } = readFigureComments(await listMetrics(db), fields)
    const form = checkForm(commentForm, fields)
    const attempt: ReportAttempt = {
      form: 'return',
      values: fields,
      errors: { ...errors, ...(form.ok ? {} : form.errors) },
    }
    const comment = form.ok ? form.value.comment : ''
    return attemptStep(
      c,
      report,
      attempt,
      () => returnReport(db, report.id, { comment, figureComments: comments }, outcomesByOf(c.get('viewer'))),
      'returned',
    )
  })

  app.post(`${reportPath}/correct`, requirePermission('outcomes:manage'), async (c) => {
    const report = await reportOf(c)
    const fields = await formFields(c)
    const { figures, errors } = readFigures(await listMetrics(db), fields)
    const form = checkForm(correctionForm, fields)
    const attempt: ReportAttempt = {
      form: 'correct',
      values: fields,
      errors: { ...errors, ...(form.ok ? {} : form.errors) },
    }
    const reason = form.ok ? form.value.reason : ''
    return attemptStep(
      c,
      report,
      attempt,
      () => correctReport(db, report.id, { figures, reason }, outcomesByOf(c.get('viewer'))),
      'corrected',
    )
  })

  return app
}
