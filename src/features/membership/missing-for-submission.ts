import { type MemberCriterion, memberCriteria } from '#src/db/schema/index.ts'
import { missingNominations } from './nominees.ts'
import type { ApplicationRecord, EvidenceItem } from './types.ts'

const missingEvidence: Record<MemberCriterion, string> = {
  agreement: 'a document or a link showing your written collaboration agreement',
  swot: 'a document or a link showing your SWOT analysis',
  plan: 'a document or a link showing your regional economic development plan',
  dei_sustainability: 'a document or a link showing your interest in DEI and environmental sustainability',
}

/**
 * What a draft still lacks before it can be submitted, in the form's order and in words
 * (empty when it is complete). Members: name, lead organisation, a state, and evidence for
 * each criterion. BFFs: name, kind and the open-source value they offer. Both: the two
 * nominees (name, email, title) and every commitment acknowledged.
 */
export function missingForSubmission(
  app: Pick<
    ApplicationRecord,
    | 'category'
    | 'organizationName'
    | 'leadOrganization'
    | 'states'
    | 'bffKind'
    | 'openSourceValue'
    | 'commitments'
  > & { nominees: unknown },
  evidence: readonly Pick<EvidenceItem, 'criterion'>[],
): string[] {
  const missing: string[] = []
  if (app.organizationName.trim() === '') missing.push('the organisation’s name')
  if (app.category === 'member') {
    if (!app.leadOrganization?.trim()) missing.push('the lead organisation')
    if (app.states.length === 0) missing.push('at least one state of your region')
    for (const criterion of memberCriteria)
      if (!evidence.some((e) => e.criterion === criterion)) missing.push(missingEvidence[criterion])
  } else {
    if (!app.bffKind) missing.push('the kind of organisation')
    if (!app.openSourceValue?.trim()) missing.push('the open-source value your organisation offers')
  }
  missing.push(...missingNominations(app))
  return missing
}
