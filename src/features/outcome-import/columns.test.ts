import { describe, expect, it } from 'vitest'
import type { Metric } from '#src/features/outcomes/index.ts'
import { columnsOf } from './columns.ts'
import { organizationFinder } from './organizations.ts'

const metric = (key: string, name: string, unit: Metric['unit'] = 'count'): Metric => ({
  key,
  name,
  unit,
  description: '',
  sums: true,
  position: 0,
  retired: false,
})
const METRICS = [
  metric('jobs_created', 'Jobs created'),
  metric('private_investment_cents', 'Private investment leveraged', 'usd'),
]

describe('the layouts of an outcome sheet', () => {
  it('reads one row per organisation and metric, the metric by name or key', () => {
    const columns = columnsOf(METRICS, ['Value', 'ORGANISATION', 'Metric', 'Notes'], 1)
    expect(columns.layout).toBe('long')
    expect(columns.read([' 4,347 ', 'AMP SoCal', 'jobs_created', 'first two years'], 2)).toEqual({
      row: 2,
      organization: 'AMP SoCal',
      figures: [{ metric: METRICS[0], metricText: 'jobs_created', value: '4,347', note: 'first two years' }],
    })
    expect(columns.read(['1', 'AMP SoCal', 'Jobs creatd', ''], 3).figures[0]?.metric).toBeUndefined()
  })

  it('reads one column per metric with their note columns, leaving blank cells out', () => {
    const columns = columnsOf(
      METRICS,
      ['Private-Investment Leveraged note', 'Org', 'jobs created', 'private investment leveraged'],
      1,
    )
    expect(columns.layout).toBe('wide')
    expect(columns.read(['estimate', 'AMP SoCal', '', '$1,234.56'], 2).figures).toEqual([
      {
        metric: METRICS[1],
        metricText: 'Private investment leveraged',
        value: '$1,234.56',
        note: 'estimate',
      },
    ])
  })

  it('refuses a header without an organisation, half of the long layout, or a column that is no metric', () => {
    expect(() => columnsOf(METRICS, ['Jobs created'], 1)).toThrow(
      /Row 1 should be a header row naming an organization column/,
    )
    expect(() => columnsOf(METRICS, ['organization', 'metric'], 2)).toThrow(/a value column is missing/)
    expect(() => columnsOf(METRICS, ['organization', 'Jobs created', 'State'], 1)).toThrow(
      'Column 3 of row 1, "State", is not a metric: the metrics are Jobs created, Private investment leveraged',
    )
    expect(() => columnsOf(METRICS, ['organization', 'Jobs created', 'jobs_created'], 1)).toThrow(
      'Row 1 names Jobs created in two columns.',
    )
  })
})

describe('finding the organisation a row names', () => {
  const find = organizationFinder([
    { id: 'a', name: 'AMP SoCal', shortName: 'AMP', slug: 'amp-socal' },
    { id: 'b', name: 'Gulf Coast Makers', shortName: 'AMP', slug: 'gulf-coast-makers' },
  ])

  it('matches a name, short name or slug whatever the case, accents and punctuation', () => {
    for (const typed of ['amp socal', 'AMP-SoCal', 'amp_socal', 'ÀMP SoCal.'])
      expect(find(typed)).toMatchObject({ ok: true, org: { id: 'a' } })
    expect(find('GULF COAST MAKERS')).toMatchObject({ ok: true, org: { id: 'b' } })
  })

  it('says when a name is shared or unknown, suggesting the closest', () => {
    expect(find('amp')).toEqual({
      ok: false,
      message: 'More than one organization answers to "amp": write its slug.',
    })
    expect(find('Gulf Coast Maker')).toEqual({
      ok: false,
      message:
        'No organization is called "Gulf Coast Maker"; did you mean "Gulf Coast Makers"? Write its name, short name or slug.',
    })
    expect(find('')).toEqual({ ok: false, message: 'The row names no organization.' })
  })
})
