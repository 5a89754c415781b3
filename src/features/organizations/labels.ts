import type { BffKind } from '#src/db/schema/index.ts'

export const bffKindLabels: Record<BffKind, string> = {
  federal_agency: 'Federal agency office',
  national_ngo: 'National NGO',
  private_entity: 'Private entity',
  other: 'Other',
}

export const categoryLabels = { member: 'Member community', bff: 'BFF' } as const
