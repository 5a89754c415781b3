import type { Hono } from 'hono'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { requirePermission } from '#src/http/guard.ts'
import { renderPage } from '#src/http/render.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { FlashMessage } from '#src/ui/form-parts.tsx'
import { formatDate } from '#src/ui/format.ts'
import { getSharing, listSharing, sharingYears } from './list-sharing.ts'
import { type Quarter, quarterDates } from './sharing-form.ts'
import { noRecord, yearShape } from './sharing-route-parts.tsx'
import {
  type ShowFilter,
  StaffSharingPage,
  StaffSharingRecordPage,
  showFilters,
} from './sharing-staff.views.tsx'

/** Staff read every sharing record, by quarter, and one record: /staff/sharing and /staff/sharing/:id. */
export function staffSharingRoutes(app: Hono<AppEnv>, deps: AppDeps) {
  const { db } = deps.database

  app.get('/staff/sharing', requirePermission('obligations:manage'), async (c) => {
    const thisYear = Number(deps.clock.today().slice(0, 4))
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
    return renderPage(
      c,
      <StaffSharingPage
        year={year}
        years={years}
        quarter={quarter}
        show={show}
        records={records}
        flash={flash}
      />,
    )
  })

  app.get('/staff/sharing/:id', requirePermission('obligations:manage'), async (c) => {
    const id = c.req.param('id')
    const record = isUuid(id) ? await getSharing(db, id) : undefined
    if (!record) throw noRecord()
    return renderPage(c, <StaffSharingRecordPage record={record} />)
  })
}
