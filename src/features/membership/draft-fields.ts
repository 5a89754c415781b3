import { profileLimits } from '#src/features/organizations/index.ts'
import type { Category, DraftField } from './types.ts'

export const draftLimits = {
  organizationName: 200,
  shortName: 60,
  leadOrganization: 200,
  website: profileLimits.website,
  summary: profileLimits.summary,
  openSourceValue: 2000,
  partnerLines: profileLimits.partnerLines,
  partnerLength: profileLimits.partnerLength,
  focusLines: profileLimits.focusLines,
  focusLength: profileLimits.focusLength,
  designationRows: 20,
  programName: 100,
  answer: 4000,
  link: 2000,
  fullName: 200,
  nomineeTitle: 200,
} as const

const memberOnly: readonly DraftField[] = [
  'leadOrganization',
  'partners',
  'focusIndustries',
  'designations',
  'states',
  'counties',
]
const bffOnly: readonly DraftField[] = ['bffKind', 'openSourceValue']

/** The fields of the draft form for a category, in the order of the page. */
export const draftFieldsOf = (category: Category): DraftField[] =>
  (
    [
      'organizationName',
      'shortName',
      'leadOrganization',
      'website',
      'summary',
      'partners',
      'focusIndustries',
      'designations',
      'states',
      'counties',
      'bffKind',
      'openSourceValue',
      'nominees',
      'commitments',
    ] as DraftField[]
  ).filter((f) => (category === 'member' ? !bffOnly.includes(f) : !memberOnly.includes(f)))

export const draftFieldLabels: Record<DraftField, string> = {
  organizationName: 'Name of the organisation',
  shortName: 'Short name',
  leadOrganization: 'Lead organisation',
  website: 'Website',
  summary: 'Summary',
  partners: 'Partner organisations',
  focusIndustries: 'Focus industries',
  designations: 'Designations',
  states: 'States',
  counties: 'Counties',
  bffKind: 'Kind of organisation',
  openSourceValue: 'The open-source value you offer',
  nominees: 'The representative and the alternate',
  commitments: 'The commitments of membership',
}

export const draftFieldHints: Partial<Record<DraftField, string>> = {
  organizationName: `Up to ${draftLimits.organizationName} characters.`,
  shortName: `An acronym or short form, such as AMP SoCal. Up to ${draftLimits.shortName} characters.`,
  leadOrganization:
    'The organisation that leads the collaboration, such as a university’s centre for economic development.',
  website: 'A full address starting with http:// or https://; leave empty for none.',
  summary: `A few sentences about the organisation and what it does. Up to ${draftLimits.summary.toLocaleString('en-US')} characters.`,
  partners: `One organisation a line, up to ${draftLimits.partnerLines} lines. The number of partners is counted from this list.`,
  focusIndustries: `One a line, such as Aerospace and defense; up to ${draftLimits.focusLines} lines.`,
  openSourceValue:
    'What your work offers manufacturing communities openly: tools, data, programs, know-how. Required to submit.',
}
