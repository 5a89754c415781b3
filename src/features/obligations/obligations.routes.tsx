import { Hono } from 'hono'
import { findOrganization } from '#src/features/seats/index.ts'
import type { AppDeps, AppEnv } from '#src/http/deps.ts'
import { notFound } from '#src/http/errors.ts'
import { requirePermission } from '#src/http/guard.ts'
import { can, canEditOrganization } from '#src/http/permissions.ts'
import { renderPage } from '#src/http/render.ts'
import { VersionedMemo } from '#src/http/versioned-memo.ts'
import { keepViewerPages } from '#src/http/viewer-pages.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { attendanceHeatMap, monthlyRateChart } from './charts.ts'
import { networkCsv } from './network-csv.ts'
import {
  heatMapStates,
  loadNetworkObligations,
  monthlyAttendance,
  type NetworkObligations,
  statusCounts,
} from './network-obligations.ts'
import { NetworkObligationsPage } from './network-obligations.views.tsx'
import { readNetworkQuery, readYear, selectRows } from './network-query.ts'
import { obligationSettingsRoutes } from './obligation-settings.routes.tsx'
import { loadOrganizationObligations } from './organization-obligations.ts'
import { OrganizationObligationsPage } from './organization-obligations.views.tsx'

const notYours =
  'Only staff and the representative or alternate who holds this organisation’s seat today can see its obligations.'

/** A query the pages cannot read: 400, saying what was wrong. */
const badQuery = (userMessage: string) => new AppError('BAD_INPUT', { userMessage })

/** The heat map draws at most this many organisations: beyond, a chart of names is unreadable. */
export const HEAT_MAP_MAX_ROWS = 100

/** Obligations pages: an organisation's own, and the network view for staff and the board. */
export function obligationRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  const { db } = deps.database
  // Next year is there to look at (its calls may be planned); further on there is nothing yet.
  const maxYear = () => Number(deps.clock.today().slice(0, 4)) + 1
  obligationSettingsRoutes(app, deps)

  app.get('/organizations/:slug/obligations', requirePermission('obligations:own'), async (c) => {
    const slug = c.req.param('slug')
    const org = isUuid(slug) ? undefined : await findOrganization(db, slug)
    if (!org) throw notFound('No organisation has this address.')
    const viewer = c.get('viewer')
    if (!canEditOrganization(viewer, org.id)) throw new AppError('FORBIDDEN', { userMessage: notYours })
    const today = deps.clock.today()
    const year = readYear(c.req.query('year'), today)
    if ('problem' in year) throw badQuery(year.problem)
    const data = await loadOrganizationObligations(db, { org, year: year.year, today })
    const isSeatHolder = viewer.kind === 'user' && viewer.seatOrganizationIds.includes(org.id)
    return renderPage(
      c,
      <OrganizationObligationsPage
        data={data}
        isSeatHolder={isSeatHolder}
        canSeeNetwork={can(viewer, 'obligations:network')}
        maxYear={maxYear()}
      />,
    )
  })

  // The network's year is computed once per content version and shared by the page and the CSV.
  const memo = new VersionedMemo<NetworkObligations>()
  const networkOf = (year: number, today: string) =>
    memo.get(db, `${year}|${today}`, () => loadNetworkObligations(db, { year, today }))

  app.get(
    '/staff/obligations',
    requirePermission('obligations:network'),
    keepViewerPages(deps),
    async (c) => {
      const today = deps.clock.today()
      const read = readNetworkQuery(c.req.query(), today)
      if ('problem' in read) throw badQuery(read.problem)
      const { query } = read
      const network = await networkOf(query.year, today)
      const rows = selectRows(network.rows, query)
      const mapped = rows.slice(0, HEAT_MAP_MAX_ROWS)
      const callDates = network.heldCalls.map((call) => call.localDate)
      const states = heatMapStates(mapped, network.heldCalls)
      const months = monthlyAttendance(rows)
      const filtered = query.status || query.category ? ' (filtered)' : ''
      const heatSvg =
        mapped.length > 0 && callDates.length > 0
          ? attendanceHeatMap({
              rows: mapped.map((r) => ({ id: r.organizationId, name: r.name })),
              callDates,
              states,
              label: `Heat map of attendance in ${query.year}${filtered}: ${mapped.length} organisations by ${callDates.length} held calls.`,
            })
          : null
      const rateSvg =
        months.length > 0
          ? monthlyRateChart({
              months,
              requiredShare: network.requiredShare,
              label: `Network attendance rate by month in ${query.year}${filtered}, against the required ${Math.round(network.requiredShare * 100)}%.`,
            })
          : null
      const viewer = c.get('viewer')
      return renderPage(
        c,
        <NetworkObligationsPage
          query={query}
          maxYear={maxYear()}
          all={network.rows}
          rows={rows}
          counts={statusCounts(network.rows)}
          heatMap={{ svg: heatSvg, shown: mapped.length, callDates, states }}
          rate={{ svg: rateSvg, months, requiredShare: network.requiredShare }}
          linkToPages={viewer.kind === 'user' && viewer.roles.includes('staff')}
        />,
      )
    },
  )

  app.get('/staff/obligations.csv', requirePermission('obligations:network'), async (c) => {
    const today = deps.clock.today()
    const read = readNetworkQuery(c.req.query(), today)
    if ('problem' in read) throw badQuery(read.problem)
    const { query } = read
    const network = await networkOf(query.year, today)
    const suffix = [query.status, query.category].filter(Boolean).join('-')
    const name = `obligations-${query.year}${suffix ? `-${suffix}` : ''}.csv`
    return c.body(networkCsv(selectRows(network.rows, query)), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    })
  })

  return app
}
