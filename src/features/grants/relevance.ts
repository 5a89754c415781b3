import { codeInWords, eligibleApplicantNames, fundingCategoryNames } from './codes.ts'

/*
 * Which opportunities fit which organisation, and why. Staff write the rules; each rule adds its
 * weight when it holds and says so in words. A rule may apply only to organisations of one
 * designation program, category or state. An opportunity fits when its score reaches the
 * threshold and at least one reason is about its subject (not only who may apply).
 */

export const ruleKinds = [
  'funding_category',
  'eligible_applicant',
  'agency',
  'assistance_listing',
  'keyword',
  'focus_industry',
] as const
export type RuleKind = (typeof ruleKinds)[number]

export type RelevanceRule = {
  kind: RuleKind
  /** The code, agency prefix, listing number or phrase; unused for focus_industry. */
  value: string
  weight: number
  /** Only for organisations with this designation program, category or state. */
  onlyProgram?: string | null
  onlyCategory?: 'member' | 'bff' | null
  onlyState?: string | null
}

/** What matching needs to know of an organisation. */
export type MatchingOrganization = {
  category: 'member' | 'bff'
  states: string[]
  focusIndustries: string[]
  programs: string[]
}

/** What matching reads of an opportunity. */
export type MatchingOpportunity = {
  title: string
  descriptionHtml: string
  agencyCode: string | null
  agencyName: string | null
  fundingCategories: string[]
  eligibleApplicants: string[]
  assistanceListings: string[]
}

export type Match = { score: number; reasons: string[] }

/** Words too common in focus industries to show a fit on their own. */
const commonWords = new Set([
  'and',
  'or',
  'the',
  'of',
  'with',
  'other',
  'products',
  'technologies',
  'production',
])

const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .toLowerCase()

const mentions = (text: string, phrase: string) =>
  new RegExp(
    `(^|[^a-z0-9])${phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?($|[^a-z0-9])`,
  ).test(text)

function applies(rule: RelevanceRule, org: MatchingOrganization): boolean {
  if (rule.onlyProgram && !org.programs.includes(rule.onlyProgram)) return false
  if (rule.onlyCategory && org.category !== rule.onlyCategory) return false
  if (rule.onlyState && !org.states.includes(rule.onlyState)) return false
  return true
}

/** The reason a rule holds for this opportunity and organisation, or undefined when it does not. */
function reasonFor(rule: RelevanceRule, o: MatchingOpportunity, text: string, org: MatchingOrganization) {
  switch (rule.kind) {
    case 'funding_category':
      return o.fundingCategories.includes(rule.value)
        ? `Funding category: ${codeInWords(fundingCategoryNames, rule.value)}`
        : undefined
    case 'eligible_applicant':
      return undefined
    case 'agency':
      return o.agencyCode === rule.value || o.agencyCode?.startsWith(`${rule.value}-`)
        ? `From ${o.agencyName ?? o.agencyCode}`
        : undefined
    case 'assistance_listing':
      return o.assistanceListings.includes(rule.value) ? `Assistance listing ${rule.value}` : undefined
    case 'keyword':
      return mentions(text, rule.value) ? `Mentions “${rule.value}”` : undefined
    case 'focus_industry': {
      const words = org.focusIndustries
        .flatMap((f) => f.toLowerCase().split(/[^a-z]+/))
        .filter((w) => w.length > 3 && !commonWords.has(w))
      const found = [...new Set(words)].filter((word) => mentions(text, word))
      return found.length > 0 ? `Mentions your focus: ${found.join(', ')}` : undefined
    }
  }
}

const subjectKinds: ReadonlySet<RuleKind> = new Set([
  'funding_category',
  'assistance_listing',
  'keyword',
  'focus_industry',
])

/**
 * How well an opportunity fits an organisation: the score and each reason, or null when it does
 * not fit (below `threshold`, or fitting only on who may apply or which agency offers it).
 */
export function matchOpportunity(
  opportunity: MatchingOpportunity,
  org: MatchingOrganization,
  rules: readonly RelevanceRule[],
  threshold: number,
): Match | null {
  const text = `${opportunity.title.toLowerCase()} ${plainText(opportunity.descriptionHtml)}`
  let score = 0
  let aboutSubject = false
  const reasons: string[] = []
  // Who may apply counts once, at the weight of the best rule that holds, in one sentence.
  const openTo: string[] = []
  let openToWeight = 0
  for (const rule of rules) {
    if (!applies(rule, org)) continue
    if (rule.kind === 'eligible_applicant') {
      if (opportunity.eligibleApplicants.includes(rule.value) && !openTo.includes(rule.value)) {
        openTo.push(rule.value)
        openToWeight = Math.max(openToWeight, rule.weight)
      }
      continue
    }
    const reason = reasonFor(rule, opportunity, text, org)
    if (!reason || reasons.includes(reason)) continue
    score += rule.weight
    reasons.push(reason)
    if (subjectKinds.has(rule.kind)) aboutSubject = true
  }
  if (openTo.length > 0) {
    score += openToWeight
    reasons.push(`Open to ${openTo.map((code) => codeInWords(eligibleApplicantNames, code)).join('; ')}`)
  }
  return score >= threshold && aboutSubject ? { score, reasons } : null
}
