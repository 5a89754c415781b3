/** What the sharing routes share: the organisation and who acts for it, a record of the address, its page. */
import type { Context } from 'hono'
import {
  admissionEventsOf,
  admissionStateOn,
  admissionSteps,
  isAdmittedState,
} from '#src/features/admission/index.ts'
import { loadRecordsBeginOn, sharingQuarters } from '#src/features/obligations/index.ts'
import { findOrganization, type OrganizationRef } from '#src/features/seats/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { canEditOrganization } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { getSharing, listSharing, type SharingEntry, sharingYears } from './list-sharing.ts'
import { type AnswerDraft, OrganizationSharingPage } from './sharing.views.tsx'
import { firstAdmission, publishedBriefings } from './sharing-context.ts'
import {
  earliestSharingDate,
  emptySharingForm,
  type SharingErrors,
  type SharingForm,
} from './sharing-form.ts'

export const yearShape = /^\d{4}$/
export const noRecord = () => notFound('There is no sharing record at this address.')
export const noPerson = () =>
  new AppError('FORBIDDEN', { userMessage: 'Your account is not linked to a person record.' })

/** The organisation of the address's slug, or undefined. */
export const organizationOfSlug = async (
  deps: AppDeps,
  slug: string,
): Promise<OrganizationRef | undefined> =>
  isUuid(slug) ? undefined : findOrganization(deps.database.db, slug)

/** The organisation and the person acting for it: 404, or 403 for someone who may not. */
export async function organizationAccess(
  deps: AppDeps,
  c: Context<AppEnv>,
): Promise<{ org: OrganizationRef; personId: string }> {
  const org = await organizationOfSlug(deps, c.req.param('slug') ?? '')
  if (!org) throw notFound('No organisation has this address.')
  const viewer = c.get('viewer')
  if (!canEditOrganization(viewer, org.id))
    throw new AppError('FORBIDDEN', {
      userMessage: `Only staff and the representative and alternate of ${org.name} can see and record its sharing.`,
    })
  if (viewer.kind !== 'user' || !viewer.personId) throw noPerson()
  return { org, personId: viewer.personId }
}

/** The record named in the path when it belongs to the organisation; undefined otherwise. */
export async function recordOf(
  deps: AppDeps,
  c: Context<AppEnv>,
  org: OrganizationRef,
): Promise<SharingEntry | undefined> {
  const id = c.req.param('id') ?? ''
  const record = isUuid(id) ? await getSharing(deps.database.db, id) : undefined
  return record?.organization.id === org.id ? record : undefined
}

/** The organisation's sharing page: its quarters, the form, its records and the questions open. */
export async function renderOrganizationSharingPage(
  deps: AppDeps,
  c: Context<AppEnv>,
  org: OrganizationRef,
  status: 200 | 400 | 409 | 413,
  props: {
    year?: number
    form?: { values: SharingForm; errors: SharingErrors; fileWasChosen: boolean }
    answer?: AnswerDraft
    flash?: FlashMessage
  } = {},
) {
  const { db } = deps.database
  const today = deps.clock.today()
  const thisYear = Number(today.slice(0, 4))
  const events = await admissionEventsOf(db, org.id)
  const admittedOn = firstAdmission(events)
  const earliest = earliestSharingDate(today)
  const fromYear = Math.max(Number((admittedOn ?? today).slice(0, 4)), Number(earliest.slice(0, 4)))
  const years = new Set([...(await sharingYears(db, org.id)), thisYear])
  for (let y = fromYear; y < thisYear; y++) years.add(y)
  const query = c.req.query('year') ?? ''
  const asked = yearShape.test(query) ? Number(query) : thisYear
  const year = props.year ?? (years.has(asked) ? asked : thisYear)
  const [records, openQuestions, briefings, admission, recordsBegin] = await Promise.all([
    listSharing(db, { organizationId: org.id, from: `${year}-01-01`, to: `${year}-12-31` }),
    listSharing(db, { organizationId: org.id, show: 'unanswered' }),
    publishedBriefings(db, { from: earliest, to: today }),
    admissionStateOn(db, org.id, today),
    loadRecordsBeginOn(db, today),
  ])
  const quarters = sharingQuarters(year, today, admissionSteps(events), records, recordsBegin)
  let flash = props.flash
  const recorded = records.find((r) => r.id === c.req.query('recorded'))
  if (!flash && recorded)
    flash = { text: `Recorded: the sharing of ${formatDate(recorded.sharedOn)} with ${recorded.audience}.` }
  if (!flash && records.some((r) => r.id === c.req.query('answered')))
    flash = { text: 'Your answer is saved: staff can read it now.' }
  const viewer = c.get('viewer')
  return renderPage(
    c,
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
    />,
    { status },
  )
}
