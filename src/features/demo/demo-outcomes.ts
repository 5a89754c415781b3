import { slugify } from '#src/lib/slug.ts'
import { demoBffs } from './demo-content.ts'
import { demoId } from './demo-id.ts'
import { type DemoNetwork, recordedAt } from './demo-network.ts'

/*
 * Outcomes in the demo. The one real community with published figures (AMP SoCal) gets its
 * report from the facts file (demo-organizations.ts) and the figures its redesignation press
 * release states, as reported facts with that source. Every invented figure sits on a fictional
 * demo BFF, one report in each state of the workflow, so that no real community carries one.
 */

const PRESS_RELEASE =
  'AMP SoCal redesignation press release, U.S. Department of Commerce (September 27, 2016)'
const staffId = demoId('person', 'staff@example.org')
const bffId = (index: number) => demoId('org', slugify(demoBffs[index]?.name ?? ''))

/** The figures AMP SoCal's press release states, recorded as reported facts with their source. */
export function addAmpSocalFacts(net: DemoNetwork) {
  const organizationId = demoId('org', 'amp-socal')
  const facts = [
    ['partners', 'Supporting organisations', 84, 'count', 'exactly'],
    ['partners', 'Partner organisations', 100, 'count', 'over'],
    [
      'funding',
      'Federal funding opportunities the designation gives preference in',
      130_000_000_000,
      'usd',
      'exactly',
    ],
    ['award', 'Manufacturing institute award, public-private funding', 14_000_000_000, 'usd', 'more_than'],
  ] as const
  for (const [topic, label, value, unit, qualifier] of facts) {
    net.reportedFacts.push({
      id: demoId('fact', `amp-socal:${label}`),
      organizationId,
      topic,
      label,
      value,
      unit,
      qualifier,
      asOf: '2016-09-27',
      sourceTitle: PRESS_RELEASE,
      recordedBy: staffId,
      recordedAt: recordedAt('2016-09-27'),
    })
  }
}

type DemoReport = {
  org: number
  status: 'draft' | 'submitted' | 'returned' | 'verified'
  figures: [string, number][]
  note: string
  returned?: Record<string, string>
}

/** Invented reports on the fictional BFFs for last year, one per state, with goals (one changed). */
export function addDemoOutcomeReports(net: DemoNetwork, today: string) {
  const year = Number(today.slice(0, 4)) - 1
  const period = { periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, periodKind: 'year' as const }
  const reports: DemoReport[] = [
    { org: 2, status: 'verified', figures: [['businesses_assisted', 38]], note: 'Supplier-mapping clinics.' },
    {
      org: 1,
      status: 'returned',
      figures: [['workers_trained', 212]],
      note: 'Shop-floor skills courses at four colleges.',
      returned: { workers_trained: 'Count only the people who finished a course, as the metric says.' },
    },
    {
      org: 0,
      status: 'submitted',
      figures: [['businesses_assisted', 17]],
      note: 'Funding clinics on the calls.',
    },
  ]
  for (const report of reports) addReport(net, report, period, year)
  const draftId = demoId('outcome', `demo-draft:${year + 1}`)
  net.outcomeReports.push({
    id: draftId,
    organizationId: bffId(2),
    periodStart: `${year + 1}-01-01`,
    periodEnd: `${year + 1}-12-31`,
    periodKind: 'year',
    status: 'draft',
    note: 'Started; figures come in January.',
    createdAt: recordedAt(`${year}-12-01`),
    isDemo: true,
  })
  const goals: [number, string, number[]][] = [
    [2, 'businesses_assisted', [30, 40]],
    [1, 'workers_trained', [150]],
    [0, 'businesses_assisted', [20]],
  ]
  for (const [org, metric, targets] of goals) {
    targets.forEach((target, index) => {
      net.outcomeGoals.push({
        id: demoId('goal', `${org}:${metric}:${year}:${index + 1}`),
        organizationId: bffId(org),
        metric,
        ...period,
        target,
        version: index + 1,
        setBy: staffId,
        setAt: recordedAt(`${year}-0${index + 1}-15`),
        isDemo: true,
      })
    })
  }
}

function addReport(
  net: DemoNetwork,
  report: DemoReport,
  period: { periodStart: string; periodEnd: string; periodKind: 'year' },
  year: number,
) {
  const id = demoId('outcome', `demo:${report.org}:${year}`)
  const submittedAt = recordedAt(`${year + 1}-01-20`)
  net.outcomeReports.push({
    id,
    organizationId: bffId(report.org),
    ...period,
    status: report.status,
    note: report.note,
    round: 1,
    createdAt: recordedAt(`${year + 1}-01-10`),
    submittedAt,
    verifiedAt: report.status === 'verified' ? recordedAt(`${year + 1}-02-03`) : null,
    verifiedBy: report.status === 'verified' ? staffId : null,
    isDemo: true,
  })
  const figures = report.figures.map(([metric, actual]) => ({ metric, actual, note: null }))
  for (const figure of figures)
    net.outcomeFigures.push({ id: demoId('figure', `${id}:${figure.metric}`), reportId: id, ...figure })
  net.outcomeReportEvents.push({
    id: demoId('event', `${id}:submitted`),
    reportId: id,
    round: 1,
    action: 'submitted',
    at: submittedAt,
    figures,
  })
  if (report.status === 'submitted') return
  net.outcomeReportEvents.push({
    id: demoId('event', `${id}:${report.status}`),
    reportId: id,
    round: 1,
    action: report.status === 'verified' ? 'verified' : 'returned',
    personId: staffId,
    at: recordedAt(`${year + 1}-02-03`),
    figureComments: report.returned ?? {},
    figures,
  })
}
