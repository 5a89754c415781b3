import type { Context } from 'hono'
import { Hono } from 'hono'
import { z } from 'zod'
import { type MemberCriterion, memberCriteria } from '#src/db/schema/index.ts'
import { getSettings } from '#src/features/settings/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { noticeText } from '#src/http/notice.ts'
import { PRIVATE_NO_STORE, renderPage } from '#src/http/render.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { answerInformationRequest, checkAnswer } from './answer-information-request.ts'
import { getApplicationDetail } from './application-detail.ts'
import { ApplicationPage, type ApplicationPageProps } from './application-page.views.tsx'
import { applyStartRoutes } from './apply-start.routes.tsx'
import { parseDraftForm, toDraftForm } from './draft-form.ts'
import { addEvidence, removeEvidence } from './evidence.ts'
import { listApplicationsOf } from './list-applications.ts'
import { MyApplicationsPage } from './my-applications.views.tsx'
import { saveDraft } from './save-draft.ts'
import { applicationEmailsOf } from './send-application-emails.ts'
import { submitApplication } from './submit-application.ts'
import type { ApplicationDetail, FormInput } from './types.ts'
import { withdrawApplication } from './withdraw-application.ts'

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const text = z.string().max(100_000).catch('')
const answerForm = z.object({ answer: text })

const notices: Record<string, string> = {
  started: 'Your draft is started. Fill it in at your own pace: whatever you save is kept.',
  saved: 'Your draft is saved.',
  'evidence-added': 'The evidence is added.',
  'evidence-removed': 'The evidence is removed.',
  submitted: 'Your application is submitted.',
  answered: 'Your answer is sent: the application is back with staff.',
  withdrawn: 'The application is withdrawn.',
}

const noApplicationHere = 'There is no application at this address.'
const notYours =
  'Only the person who applied can open this application. Staff and the Advisory Board see applications on their own pages.'

/**
 * The public pages here carry form tokens (and some the applicant's address): never kept by any
 * cache, even for a visitor not signed in (renderPage does it for signed-in viewers only).
 */
const _noStore = (c: Context<AppEnv>) => c.header('Cache-Control', PRIVATE_NO_STORE)

/** The form's fields as lists of strings (a field sent once is a list of one; files are left out). */
async function formInput(c: Context<AppEnv>): Promise<FormInput> {
  const body = await c.req.parseBody({ all: true })
  const input: FormInput = {}
  for (const [key, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
    if (values.length > 0) input[key] = values
  }
  return input
}

/** The links typed into the evidence cards' boxes (posted with the draft form), each trimmed. */
async function typedLinks(c: Context<AppEnv>): Promise<Record<MemberCriterion, string>> {
  const body = await c.req.parseBody({ all: true })
  const last = (key: string) => {
    const value = body[key]
    const found = Array.isArray(value) ? value.at(-1) : value
    return typeof found === 'string' ? found.trim() : ''
  }
  return Object.fromEntries(memberCriteria.map((k) => [k, last(`link-${k}`)])) as Record<
    MemberCriterion,
    string
  >
}

/**
 * The public apply page and start form, and the applicant's own pages: the list of their
 * applications, the draft (profile, region, evidence), submission, answers to staff, and
 * withdrawal. Every application route checks that the viewer is the applicant.
 */
export function applyRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  /** Emails an application's news once its change is committed. */
  const tell = applicationEmailsOf(deps)

  const timeZone = async () => (await getSettings(db)).callTimeZone

  /** The application named in the path, when the viewer is its applicant; otherwise a 404 or a 403. */
  const ownApplication = async (
    c: Context<AppEnv>,
  ): Promise<{ detail: ApplicationDetail; personId: string }> => {
    const id = c.req.param('id') ?? ''
    if (!uuidShape.test(id)) throw notFound(noApplicationHere)
    const detail = await getApplicationDetail(db, id)
    if (!detail) throw notFound(noApplicationHere)
    const viewer = c.get('viewer')
    if (viewer.kind !== 'user' || !viewer.personId || viewer.personId !== detail.applicantId)
      throw new AppError('FORBIDDEN', { userMessage: notYours })
    return { detail, personId: viewer.personId }
  }

  const applicationPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 409 | 413,
    detail: ApplicationDetail,
    props: Partial<ApplicationPageProps> = {},
  ) => {
    const page = (
      <ApplicationPage
        app={detail}
        form={toDraftForm(detail)}
        errors={{}}
        today={deps.clock.today()}
        timeZone={await timeZone()}
        {...props}
      />
    )
    return renderPage(c, page, { status })
  }

  /**
   * Saves what was typed into the draft form (when the application is a draft) before an evidence
   * button's own change: the fields as saved, and what to show again with their messages.
   */
  const saveTypedDraft = async (c: Context<AppEnv>, detail: ApplicationDetail, personId: string) => {
    const draft =
      detail.status === 'draft'
        ? parseDraftForm(await formInput(c), {
            category: detail.category,
            today: deps.clock.today(),
            storedNominees: detail.nominees,
          })
        : undefined
    if (draft) await saveDraft(db, { applicationId: detail.id, personId, update: draft.update })
    const current = draft ? ((await getApplicationDetail(db, detail.id)) ?? detail) : detail
    const typed = draft ? { form: { ...toDraftForm(current), ...draft.typed }, errors: draft.errors } : {}
    return { draft, current, typed }
  }

  /** Runs a change; a refusal because of where the application stands shows the page with its reason. */
  const orConflictPage = async (
    c: Context<AppEnv>,
    applicationId: string,
    work: () => Promise<Response>,
  ): Promise<Response> => {
    try {
      return await work()
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      const detail = await getApplicationDetail(db, applicationId)
      if (!detail) throw error
      return applicationPage(c, 409, detail, { problem: error.userMessage })
    }
  }

  app.route('/', applyStartRoutes(deps))

  app.get('/applications', requirePermission('application:own'), async (c) => {
    const viewer = c.get('viewer')
    const personId = viewer.kind === 'user' ? viewer.personId : null
    const items = personId ? await listApplicationsOf(db, personId) : []
    return renderPage(c, <MyApplicationsPage items={items} timeZone={await timeZone()} />)
  })

  app.get('/applications/:id', requirePermission('application:own'), async (c) => {
    const owned = await ownApplication(c)
    return applicationPage(c, 200, owned.detail, { notice: noticeText(notices, c.req.query('notice')) })
  })

  app.post('/applications/:id', requirePermission('application:own'), async (c) => {
    const owned = await ownApplication(c)
    const { detail, personId } = owned
    if (detail.status !== 'draft')
      return applicationPage(c, 409, detail, {
        problem: 'This application is submitted: its details can no longer be changed.',
      })
    const input = await formInput(c)
    const parsed = parseDraftForm(input, {
      category: detail.category,
      today: deps.clock.today(),
      storedNominees: detail.nominees,
    })
    await saveDraft(db, { applicationId: detail.id, personId, update: parsed.update })
    if (Object.keys(parsed.errors).length === 0) {
      const anchor = input._then?.[0] === 'region' ? '#region' : ''
      return c.redirect(`/applications/${detail.id}?notice=saved${anchor}`, 303)
    }
    const saved = (await getApplicationDetail(db, detail.id)) ?? detail
    return applicationPage(c, 400, saved, {
      form: { ...toDraftForm(saved), ...parsed.typed },
      errors: parsed.errors,
    })
  })

  // The body is bounded by the upload limit (src/http/route-body-limits.ts) before it gets here.
  // On the draft, the add buttons belong to the draft form: what was typed is saved first, and a
  // refused upload shows the page again with every field (and every typed link) as it was.
  app.post('/applications/:id/evidence', requirePermission('application:own'), async (c) => {
    const owned = await ownApplication(c)
    const { detail, personId } = owned
    const body = await c.req.parseBody({ all: true })
    const one = (name: string) => {
      const value = body[name]
      return Array.isArray(value) ? value.at(-1) : value
    }
    const criterion = memberCriteria.find((k) => k === one('criterion')) as MemberCriterion | undefined
    const { draft, current, typed } = await saveTypedDraft(c, detail, personId)
    if (!criterion)
      return applicationPage(c, 400, current, {
        ...typed,
        problem: 'The form did not say which criterion the evidence is for. Reload the page and try again.',
      })
    const rawFile = one(`file-${criterion}`) ?? one('file')
    const file = rawFile instanceof File && (rawFile.name !== '' || rawFile.size > 0) ? rawFile : undefined
    const linkOf = (k: MemberCriterion) => {
      const value = one(`link-${k}`) ?? (k === criterion ? one('link') : undefined)
      return typeof value === 'string' ? value.trim() : ''
    }
    const link = linkOf(criterion)
    const links = Object.fromEntries(memberCriteria.map((k) => [k, linkOf(k)]))
    const refuse = (status: 400 | 413, message: string) =>
      applicationPage(c, status, current, { ...typed, evidenceError: { criterion, message, link, links } })
    if (!file && link === '') return refuse(400, 'Choose a document to upload, or give a link.')
    if (file && link !== '')
      return refuse(400, 'Give either a document or a link, not both: add the other one next.')
    return orConflictPage(c, detail.id, async () => {
      const result = await addEvidence(db, {
        applicationId: detail.id,
        personId,
        criterion,
        evidence: file
          ? { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } }
          : { link },
      })
      if (!result.ok) return refuse(result.status, result.message)
      if (draft && Object.keys(draft.errors).length > 0) {
        const added = (await getApplicationDetail(db, detail.id)) ?? current
        const { [criterion]: _added, ...otherLinks } = links
        return applicationPage(c, 400, added, {
          form: { ...toDraftForm(added), ...draft.typed },
          errors: draft.errors,
          notice: notices['evidence-added'],
          evidenceError: { criterion, message: '', link: '', links: otherLinks },
        })
      }
      return c.redirect(`/applications/${detail.id}?notice=evidence-added#evidence-${criterion}`, 303)
    })
  })

  app.post(
    '/applications/:id/evidence/:evidenceId/delete',
    requirePermission('application:own'),
    async (c) => {
      const { detail, personId } = await ownApplication(c)
      const evidenceId = c.req.param('evidenceId')
      if (!uuidShape.test(evidenceId)) throw notFound('This evidence is not on the application.')
      // On the draft, the remove buttons belong to the draft form, as the add buttons do: what was
      // typed is saved first, and the page keeps every field (and every typed link) as it was.
      const { draft } = await saveTypedDraft(c, detail, personId)
      const links = await typedLinks(c)
      return orConflictPage(c, detail.id, async () => {
        await removeEvidence(db, { applicationId: detail.id, personId, evidenceId })
        const hasErrors = draft !== undefined && Object.keys(draft.errors).length > 0
        if (!hasErrors && !Object.values(links).some((link) => link !== ''))
          return c.redirect(`/applications/${detail.id}?notice=evidence-removed#evidence`, 303)
        const removed = (await getApplicationDetail(db, detail.id)) ?? detail
        return applicationPage(c, hasErrors ? 400 : 200, removed, {
          ...(draft ? { form: { ...toDraftForm(removed), ...draft.typed }, errors: draft.errors } : {}),
          notice: notices['evidence-removed'],
          evidenceError: { criterion: memberCriteria[0], message: '', link: '', links },
        })
      })
    },
  )

  app.post('/applications/:id/submit', requirePermission('application:own'), async (c) => {
    const owned = await ownApplication(c)
    return orConflictPage(c, owned.detail.id, async () => {
      const result = await submitApplication(db, { applicationId: owned.detail.id, personId: owned.personId })
      if (!result.ok) return applicationPage(c, 400, owned.detail, { missing: result.missing })
      await tell(owned.detail.id, { kind: 'submitted', toBoard: result.status === 'with_board' })
      return c.redirect(`/applications/${owned.detail.id}?notice=submitted`, 303)
    })
  })

  app.post('/applications/:id/answer', requirePermission('application:own'), async (c) => {
    const owned = await ownApplication(c)
    const { detail, personId } = owned
    const { answer } = answerForm.parse(await formFields(c))
    if (detail.status !== 'needs_info')
      return applicationPage(c, 409, detail, { problem: 'Staff have not asked for more information.' })
    const error = checkAnswer(answer)
    if (error) return applicationPage(c, 400, detail, { answer: { value: answer, error } })
    return orConflictPage(c, detail.id, async () => {
      const answered = await answerInformationRequest(db, { applicationId: detail.id, personId, answer })
      await tell(detail.id, { kind: 'answered', answer: answered.answer })
      return c.redirect(`/applications/${detail.id}?notice=answered`, 303)
    })
  })

  app.post('/applications/:id/withdraw', requirePermission('application:own'), async (c) => {
    const owned = await ownApplication(c)
    return orConflictPage(c, owned.detail.id, async () => {
      await withdrawApplication(db, { applicationId: owned.detail.id, personId: owned.personId })
      return c.redirect(`/applications/${owned.detail.id}?notice=withdrawn`, 303)
    })
  })

  return app
}
