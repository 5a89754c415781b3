import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import {
  admissionEventsOf,
  admissionStateOn,
  admissionSteps,
  isAdmittedState,
} from '#src/features/admission/index.ts'
import {
  attachmentDisposition,
  checkUpload,
  type FileKind,
  QuotaExceeded,
} from '#src/features/files/index.ts'
import { sharingQuarters } from '#src/features/obligations/index.ts'
import { findOrganization, type OrganizationRef } from '#src/features/seats/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { renderDocument } from '#src/ui/layout.tsx'
import { renderErrorPage } from '#src/ui/render-error.ts'
import {
  answerSharing,
  firstAdmission,
  getSharing,
  listSharing,
  publishedBriefings,
  questionSharing,
  recordSharing,
  type SharingEntry,
  sharingEvidenceFile,
  sharingYears,
} from './sharing.ts'
import { type AnswerDraft, OrganizationSharingPage } from './sharing.views.tsx'
import { notifyQuestion } from './sharing-email.ts'
import {
  answerProblem,
  checkSharingForm,
  earliestSharingDate,
  emptySharingForm,
  type Quarter,
  quarterDates,
  quarterOf,
  questionProblem,
  readSharingForm,
  type SharingErrors,
  type SharingForm,
} from './sharing-form.ts'
import {
  type ShowFilter,
  StaffSharingPage,
  StaffSharingRecordPage,
  showFilters,
} from './sharing-staff.views.tsx'

const text = z.string().max(100_000).catch('')
const answerFields = z.object({ answer: text })
const questionFields = z.object({ question: text })
const yearShape = /^\d{4}$/

const noStore = (c: Context<AppEnv>) => c.header('Cache-Control', 'private, no-store')
const notFound = 'There is no sharing record at this address.'

/** The form's fields as lists of strings (a field sent once is a list of one), and its evidence file. */
async function readBody(c: Context<AppEnv>) {
  const body = await c.req.parseBody({ all: true })
  const input: Record<string, string[]> = {}
  let file: File | undefined
  for (const [key, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value]
    const strings = values.filter((v): v is string => typeof v === 'string')
    if (strings.length > 0) input[key] = strings
    if (key === 'evidenceFile')
      file = values.find((v): v is File => v instanceof File && (v.name !== '' || v.size > 0))
  }
  return { input, file }
}

/**
 * Quarterly sharing: an organisation's page (its quarters, the form to record a sharing action,
 * its records and the answers to staff questions) for staff and its seat holders of the day;
 * the evidence files; and the staff pages that list every record and question one.
 */
export function sharingRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  const currentYear = () => Number(deps.clock.today().slice(0, 4))

  const findBySlug = async (slug: string): Promise<OrganizationRef | undefined> =>
    isUuid(slug) ? undefined : findOrganization(db, slug)

  /** The organisation and the person acting for it, or the 404 or 403 page. */
  const organizationAccess = async (
    c: Context<AppEnv>,
  ): Promise<{ org: OrganizationRef; personId: string } | Response> => {
    const org = await findBySlug(c.req.param('slug') ?? '')
    if (!org) return renderErrorPage(c, 404, 'No organisation has this address.')
    const viewer = c.get('viewer')
    if (!canEditOrganization(viewer, org.id))
      return renderErrorPage(
        c,
        403,
        `Only staff and the representative and alternate of ${org.name} can see and record its sharing.`,
      )
    if (viewer.kind !== 'user' || !viewer.personId)
      return renderErrorPage(c, 403, 'Your account is not linked to a person record.')
    return { org, personId: viewer.personId }
  }

  /** The record named in the path when it belongs to the organisation; undefined otherwise. */
  const recordOf = async (c: Context<AppEnv>, org: OrganizationRef): Promise<SharingEntry | undefined> => {
    const id = c.req.param('id') ?? ''
    const record = isUuid(id) ? await getSharing(db, id) : undefined
    return record?.organization.id === org.id ? record : undefined
  }

  const organizationPage = async (
    c: Context<AppEnv>,
    org: OrganizationRef,
    status: 200 | 400 | 409 | 413,
    props: {
      year?: number
      form?: { values: SharingForm; errors: SharingErrors; fileWasChosen: boolean }
      answer?: AnswerDraft
      flash?: FlashMessage
    } = {},
  ) => {
    const today = deps.clock.today()
    const thisYear = currentYear()
    const events = await admissionEventsOf(db, org.id)
    const admittedOn = firstAdmission(events)
    const earliest = earliestSharingDate(today)
    const fromYear = Math.max(Number((admittedOn ?? today).slice(0, 4)), Number(earliest.slice(0, 4)))
    const years = new Set([...(await sharingYears(db, org.id)), thisYear])
    for (let y = fromYear; y < thisYear; y++) years.add(y)
    const query = c.req.query('year') ?? ''
    const asked = yearShape.test(query) ? Number(query) : thisYear
    const year = props.year ?? (years.has(asked) ? asked : thisYear)
    const [records, openQuestions, briefings, admission] = await Promise.all([
      listSharing(db, { organizationId: org.id, from: `${year}-01-01`, to: `${year}-12-31` }),
      listSharing(db, { organizationId: org.id, show: 'unanswered' }),
      publishedBriefings(db, { from: earliest, to: today }),
      admissionStateOn(db, org.id, today),
    ])
    const quarters = sharingQuarters(year, today, admissionSteps(events), records)
    let flash = props.flash
    const recorded = records.find((r) => r.id === c.req.query('recorded'))
    if (!flash && recorded)
      flash = { text: `Recorded: the sharing of ${formatDate(recorded.sharedOn)} with ${recorded.audience}.` }
    if (!flash && records.some((r) => r.id === c.req.query('answered')))
      flash = { text: 'Your answer is saved: staff can read it now.' }
    const viewer = c.get('viewer')
    noStore(c)
    const page = (
      <OrganizationSharingPage
        org={org}
        today={today}
        year={year}
        years={[...years].sort((a, b) => a - b)}
        quarters={quarters}
        records={records}
        openQuestions={openQuestions}
        briefings={briefings}
        admittedOn={admittedOn}
        earliest={admittedOn && admittedOn > earliest ? admittedOn : earliest}
        form={props.form ?? { values: emptySharingForm(today), errors: {}, fileWasChosen: false }}
        answer={props.answer}
        flash={flash}
        isStaff={viewer.kind === 'user' && viewer.roles.includes('staff')}
        isListed={isAdmittedState(admission.state)}
      />
    )
    return c.html(await renderDocument(page), status)
  }

  app.get('/organizations/:slug/sharing', requirePermission('obligations:own'), async (c) => {
    const access = await organizationAccess(c)
    if (access instanceof Response) return access
    return organizationPage(c, access.org, 200)
  })

  // The body is bounded by the upload limit (src/http/route-body-limits.ts) before it gets here.
  app.post('/organizations/:slug/sharing', requirePermission('obligations:own'), async (c) => {
    const access = await organizationAccess(c)
    if (access instanceof Response) return access
    const { org, personId } = access
    const today = deps.clock.today()
    const { input, file } = await readBody(c)
    const values = readSharingForm(input)
    const admittedOn = firstAdmission(await admissionEventsOf(db, org.id))
    if (!admittedOn)
      return organizationPage(c, org, 409, {
        flash: { isError: true, text: `${org.name} has not been admitted, so it has no sharing to record.` },
      })
    const briefings = await publishedBriefings(db, { from: earliestSharingDate(today), to: today })
    const checked = checkSharingForm(values, { today, organizationName: org.name, admittedOn, briefings })
    const errors: SharingErrors = checked.ok ? {} : { ...checked.errors }
    let upload: { name: string; kind: FileKind; bytes: Uint8Array } | undefined
    let status: 400 | 413 = 400
    if (file) {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const result = checkUpload({ name: file.name, bytes })
      if (result.ok) upload = { name: result.name, kind: result.kind, bytes }
      else {
        errors.evidenceFile = result.message
        status = result.status
      }
    }
    if (!checked.ok || errors.evidenceFile)
      return organizationPage(c, org, status, { form: { values, errors, fileWasChosen: Boolean(file) } })
    let id: string
    try {
      id = await recordSharing(db, `person:${personId}`, {
        organizationId: org.id,
        recordedBy: personId,
        value: checked.value,
        file: upload,
      })
    } catch (error) {
      if (!(error instanceof QuotaExceeded)) throw error
      return organizationPage(c, org, 413, {
        form: { values, errors: { evidenceFile: error.userMessage }, fileWasChosen: true },
      })
    }
    const year = checked.value.sharedOn.slice(0, 4)
    return c.redirect(`/organizations/${org.slug}/sharing?year=${year}&recorded=${id}#sharing-${id}`, 303)
  })

  app.get('/organizations/:slug/sharing/:id/evidence', requirePermission('file:download'), async (c) => {
    const org = await findBySlug(c.req.param('slug'))
    const record = org ? await recordOf(c, org) : undefined
    const file = record?.evidenceFile ? await sharingEvidenceFile(db, record.id) : undefined
    if (!org || !file) return renderErrorPage(c, 404, 'There is no evidence file at this address.')
    const viewer = c.get('viewer')
    const isBoard = viewer.kind === 'user' && viewer.roles.includes('board')
    if (!canEditOrganization(viewer, org.id) && !isBoard)
      return renderErrorPage(
        c,
        403,
        `Only staff, the Advisory Board and the representative and alternate of ${org.name} can download its sharing evidence.`,
      )
    return c.body(new Uint8Array(file.data), 200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.data.length),
      'Content-Disposition': attachmentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    })
  })

  // Registered before the answer: the hostile-input suite asks a question, then answers it.
  app.post('/staff/sharing/:id/question', requirePermission('obligations:manage'), async (c) => {
    const viewer = c.get('viewer')
    const id = c.req.param('id')
    const record = isUuid(id) ? await getSharing(db, id) : undefined
    if (!record) return renderErrorPage(c, 404, notFound)
    if (viewer.kind !== 'user' || !viewer.personId)
      return renderErrorPage(c, 403, 'Your account is not linked to a person record.')
    const question = questionFields.parse(await formFields(c)).question.trim()
    const error = questionProblem(question)
    noStore(c)
    if (error) {
      const page = <StaffSharingRecordPage record={record} draft={{ value: question, error }} />
      return c.html(await renderDocument(page), 400)
    }
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
    const access = await organizationAccess(c)
    if (access instanceof Response) return access
    const { org, personId } = access
    const record = await recordOf(c, org)
    if (!record) return renderErrorPage(c, 404, notFound)
    const answer = answerFields.parse(await formFields(c)).answer.trim()
    const year = Number(record.sharedOn.slice(0, 4))
    const nothingAsked = {
      isError: true,
      text: `Staff have not asked about the sharing of ${formatDate(record.sharedOn)}: there is nothing to answer.`,
    }
    if (!record.question) return organizationPage(c, org, 409, { year, flash: nothingAsked })
    const error = answerProblem(answer)
    if (error) return organizationPage(c, org, 400, { year, answer: { id: record.id, value: answer, error } })
    if (!(await answerSharing(db, `person:${personId}`, { id: record.id, answer })))
      return organizationPage(c, org, 409, { year, flash: nothingAsked })
    return c.redirect(
      `/organizations/${org.slug}/sharing?year=${year}&answered=${record.id}#sharing-${record.id}`,
      303,
    )
  })

  app.get('/staff/sharing', requirePermission('obligations:manage'), async (c) => {
    const thisYear = currentYear()
    const years = [...new Set([...(await sharingYears(db)), thisYear])].sort((a, b) => b - a)
    const yearQuery = c.req.query('year') ?? ''
    const year = yearShape.test(yearQuery) && years.includes(Number(yearQuery)) ? Number(yearQuery) : thisYear
    const quarterQuery = Number(c.req.query('quarter'))
    const quarter = [1, 2, 3, 4].includes(quarterQuery) ? (quarterQuery as Quarter) : null
    const show: ShowFilter = showFilters.find((s) => s === c.req.query('show')) ?? 'all'
    const range = quarter
      ? quarterDates(year, quarter)
      : { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }
    const records = await listSharing(db, { from: range.startsOn, to: range.endsOn, show })
    let flash: FlashMessage | undefined
    const asked = records.find((r) => r.id === c.req.query('asked'))
    if (asked) {
      const about = `Your question is on the sharing of ${formatDate(asked.sharedOn)} by ${asked.organization.name}.`
      flash =
        c.req.query('mail') === 'failed'
          ? {
              isError: true,
              text: `${about} The email to its representative and alternate could not be sent: tell them.`,
            }
          : c.req.query('mail') === 'none'
            ? { text: `${about} Nobody holds its seats today, so nobody was emailed.` }
            : { text: `${about} Its representative and alternate were emailed.` }
    }
    noStore(c)
    const page = (
      <StaffSharingPage
        year={year}
        years={years}
        quarter={quarter}
        show={show}
        records={records}
        flash={flash}
      />
    )
    return c.html(await renderDocument(page))
  })

  app.get('/staff/sharing/:id', requirePermission('obligations:manage'), async (c) => {
    const id = c.req.param('id')
    const record = isUuid(id) ? await getSharing(db, id) : undefined
    if (!record) return renderErrorPage(c, 404, notFound)
    noStore(c)
    return c.html(await renderDocument(<StaffSharingRecordPage record={record} />))
  })

  return app
}
