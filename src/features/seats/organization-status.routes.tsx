import type { Context, Hono } from 'hono'
import { admissionStateOn } from '#src/features/admission/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { formFields } from '#src/http/form.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import type { SignedInViewer } from '#src/http/viewer.ts'
import { AppError, isAppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { admissionHistory } from './admission-history.ts'
import type { OrganizationRef } from './organization-ref.ts'
import { allowedStatusActions, changeOrganizationStatus } from './organization-status.ts'
import { StatusPage } from './organization-status.views.tsx'
import { checkStatusForm, type StatusErrors, type StatusForm } from './seat-forms.ts'
import { organizationOf } from './seat-route-parts.tsx'
import { organizationSeatStatus } from './seat-status.ts'

/** Staff suspend, reinstate or withdraw an organisation: /staff/organizations/:slug/status. */
export function organizationStatusRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  const statusPage = async (
    c: Context<AppEnv>,
    org: OrganizationRef,
    status: 200 | 400 | 409,
    props: { form?: { values: StatusForm; errors: StatusErrors }; flash?: FlashMessage; recorded?: string },
  ) => {
    const today = deps.clock.today()
    const [admission, history, seatStatus] = await Promise.all([
      admissionStateOn(db, org.id, today),
      admissionHistory(db, org.id),
      organizationSeatStatus(db, [org.id], today),
    ])
    const recorded = props.recorded ? history.find((e) => e.id === props.recorded) : undefined
    const flash = recorded
      ? { text: `Recorded: ${recorded.kind} from ${formatDate(recorded.effectiveOn)}.` }
      : props.flash
    const vacant = seatStatus.get(org.id)
    return renderPage(
      c,
      <StatusPage
        org={org}
        today={today}
        admission={admission}
        allowed={allowedStatusActions(admission.state)}
        history={history}
        incomplete={vacant?.isIncomplete ? vacant.vacantSeats : []}
        form={props.form ?? { values: { action: '', reason: '', effectiveOn: today }, errors: {} }}
        flash={flash}
      />,
      { status },
    )
  }

  app.get('/staff/organizations/:slug/status', requirePermission('organization:admin'), async (c) => {
    const org = await organizationOf(deps, c.req.param('slug'))
    const recorded = c.req.query('recorded')
    return statusPage(c, org, 200, { recorded: recorded && isUuid(recorded) ? recorded : undefined })
  })

  app.post('/staff/organizations/:slug/status', requirePermission('organization:admin'), async (c) => {
    const viewer = c.get('viewer') as SignedInViewer
    const org = await organizationOf(deps, c.req.param('slug'))
    const form = checkStatusForm(await formFields(c))
    const { values } = form
    if (!form.ok) return statusPage(c, org, 400, { form: { values, errors: form.errors } })
    if (!viewer.personId)
      throw new AppError('FORBIDDEN', { userMessage: 'Your account is not linked to a person record.' })
    let eventId: string
    try {
      ;({ eventId } = await changeOrganizationStatus(db, `person:${viewer.personId}`, {
        organizationId: org.id,
        action: form.action,
        reason: values.reason,
        effectiveOn: values.effectiveOn,
        today: deps.clock.today(),
      }))
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error
      const field = (['action', 'reason', 'effectiveOn'] as const).find((f) => f === error.field)
      if (!field)
        return statusPage(c, org, 409, {
          form: { values, errors: {} },
          flash: { isError: true, text: error.userMessage },
        })
      return statusPage(c, org, 409, { form: { values, errors: { [field]: error.userMessage } } })
    }
    // The triggers tell other processes; this one drops its pages at once.
    return c.redirect(`/staff/organizations/${org.slug}/status?recorded=${eventId}`, 303)
  })
}
