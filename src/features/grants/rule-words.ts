import { stateName } from '#src/features/map/index.ts'
import { codeInWords, eligibleApplicantNames, fundingCategoryNames } from './codes.ts'
import type { RelevanceRule } from './relevance.ts'

/** What each kind of rule looks for, as staff choose it. */
export const ruleKindLabels: Record<RelevanceRule['kind'], string> = {
  funding_category: 'Funding category',
  eligible_applicant: 'Who may apply (eligible applicant)',
  agency: 'Agency',
  assistance_listing: 'Assistance listing number',
  keyword: 'Keyword in the title or description',
  focus_industry: 'The organisation’s focus industries',
}

/** A rule in words: what it looks for in an opportunity. */
export function ruleInWords(rule: Pick<RelevanceRule, 'kind' | 'value'>): string {
  switch (rule.kind) {
    case 'funding_category':
      return `The opportunity is in the funding category ${codeInWords(fundingCategoryNames, rule.value)}.`
    case 'eligible_applicant':
      return `The opportunity is open to ${codeInWords(eligibleApplicantNames, rule.value)}.`
    case 'agency':
      return `The opportunity comes from the agency ${rule.value} or one of its parts (${rule.value}-…).`
    case 'assistance_listing':
      return `The opportunity falls under assistance listing ${rule.value}.`
    case 'keyword':
      return `The opportunity’s title or description mentions “${rule.value}”.`
    case 'focus_industry':
      return 'The opportunity’s title or description mentions a word of the organisation’s focus industries.'
  }
}

/** Which organisations a rule applies to, in words. */
export function scopeInWords(
  rule: Pick<RelevanceRule, 'onlyProgram' | 'onlyCategory' | 'onlyState'>,
): string {
  const limits = [
    rule.onlyProgram ? `designated by ${rule.onlyProgram}` : null,
    rule.onlyCategory === 'member' ? 'members' : rule.onlyCategory === 'bff' ? 'BFF organisations' : null,
    rule.onlyState ? `in ${stateName(rule.onlyState) ?? rule.onlyState}` : null,
  ].filter(Boolean)
  return limits.length === 0 ? 'Every organisation' : `Only organisations ${limits.join(', ')}`
}

/** A weight with its sign: +3, −2. */
export const weightText = (weight: number): string =>
  weight > 0 ? `+${weight}` : weight < 0 ? `−${-weight}` : '0'
