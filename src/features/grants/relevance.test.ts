import { describe, expect, it } from 'vitest'
import {
  type MatchingOpportunity,
  type MatchingOrganization,
  matchOpportunity,
  type RelevanceRule,
} from './relevance.ts'

const opportunity: MatchingOpportunity = {
  title: 'Defense Industrial Base Workforce Pilots',
  descriptionHtml:
    '<p>Pilots that expand skilled trades pipelines for <b>aerospace</b> manufacturing suppliers.</p>',
  agencyCode: 'DOD-OLDCC',
  agencyName: 'Office of Local Defense Community Cooperation',
  fundingCategories: ['ELT'],
  eligibleApplicants: ['99'],
  assistanceListings: ['12.600'],
}
const community: MatchingOrganization = {
  category: 'member',
  states: ['CA'],
  focusIndustries: ['Aerospace and defense'],
  programs: ['IMCP'],
}
const rules: RelevanceRule[] = [
  { kind: 'funding_category', value: 'ELT', weight: 3 },
  { kind: 'eligible_applicant', value: '99', weight: 1 },
  { kind: 'agency', value: 'DOD', weight: 2, onlyProgram: 'DMCSP' },
  { kind: 'keyword', value: 'manufacturing', weight: 3 },
  { kind: 'keyword', value: 'supply chain', weight: 2 },
  { kind: 'focus_industry', value: '', weight: 2 },
]

describe('matching an opportunity to an organisation', () => {
  it('adds each rule that holds, in words', () => {
    expect(matchOpportunity(opportunity, community, rules, 4)).toEqual({
      score: 9,
      reasons: [
        'Funding category: Employment, labor and training (ELT)',
        'Mentions “manufacturing”',
        'Mentions your focus: aerospace, defense',
        'Open to Unrestricted: open to any type of entity, subject to the additional information on eligibility (99)',
      ],
    })
  })

  it('applies a rule only to the organisations it names', () => {
    const designee = { ...community, programs: ['DMCSP'] }
    expect(matchOpportunity(opportunity, designee, rules, 4)?.reasons).toContain(
      'From Office of Local Defense Community Cooperation',
    )
    expect(matchOpportunity(opportunity, designee, rules, 4)?.score).toBe(11)
  })

  it('matches whole words and phrases only, and needs a reason about the subject', () => {
    const unrelated = {
      ...opportunity,
      title: 'Manufactured housing',
      descriptionHtml: '',
      fundingCategories: ['HO'],
    }
    expect(matchOpportunity(unrelated, community, rules, 1)).toBeNull()
    const onlyEligibility = [{ kind: 'eligible_applicant', value: '99', weight: 10 }] as RelevanceRule[]
    expect(matchOpportunity(opportunity, community, onlyEligibility, 1)).toBeNull()
  })

  it('counts who may apply once, at its best rule, in one sentence', () => {
    const broad = { ...opportunity, eligibleApplicants: ['00', '01', '12'] }
    const eligibility: RelevanceRule[] = [
      { kind: 'eligible_applicant', value: '00', weight: 1 },
      { kind: 'eligible_applicant', value: '01', weight: 2 },
      { kind: 'eligible_applicant', value: '12', weight: 1 },
      { kind: 'funding_category', value: 'ELT', weight: 3 },
    ]
    expect(matchOpportunity(broad, community, eligibility, 1)).toEqual({
      score: 5,
      reasons: [
        'Funding category: Employment, labor and training (ELT)',
        'Open to State governments (00); County governments (01); Nonprofits with 501(c)(3) status, other than institutions of higher education (12)',
      ],
    })
  })

  it('leaves out an opportunity under the threshold', () => {
    expect(matchOpportunity(opportunity, community, rules, 10)).toBeNull()
  })
})
