import type { BffKind, OutcomeMetric } from '#src/db/schema/index.ts'

export const metricLabels: Record<OutcomeMetric, string> = {
  jobs_created: 'Jobs created',
  jobs_retained: 'Jobs retained',
  workers_trained: 'Workers trained',
  businesses_assisted: 'Businesses assisted',
  private_investment_cents: 'Private investment leveraged',
  public_funding_cents: 'Public funding won',
}

export const isMoneyMetric = (metric: OutcomeMetric): boolean => metric.endsWith('_cents')

export const bffKindLabels: Record<BffKind, string> = {
  federal_agency: 'Federal agency office',
  national_ngo: 'National NGO',
  private_entity: 'Private entity',
  other: 'Other',
}

export const categoryLabels = { member: 'Member community', bff: 'BFF' } as const
