import type {
  ApplicationStatus,
  BoardVoteChoice,
  MemberCriterion,
  ReviewVerdict,
} from '#src/db/schema/index.ts'
import type { ApplicationEventKind, Category } from './types.ts'

// The words of the membership pages: the applicant's, staff's and the Advisory Board's.

/** The four membership criteria, in the words of the application form. */
export const criterionLabels: Record<MemberCriterion, string> = {
  agreement: 'Written collaboration agreement',
  swot: 'SWOT analysis',
  plan: 'Regional economic development plan with a manufacturing component',
  dei_sustainability: 'Interest in DEI and environmental sustainability',
}

export const criterionHints: Record<MemberCriterion, string> = {
  agreement:
    'An agreement of some kind that reflects the regional collaboration: a memorandum of understanding, a partnership agreement, signed letters of commitment.',
  swot: 'The analysis of strengths, weaknesses, opportunities and threats that informs your regional economic development plan.',
  plan: 'Your regional economic development plan, in which manufacturing is an important part.',
  dei_sustainability:
    'How you mean to put diversity, equity and inclusion, and environmental sustainability, into your implementation plans: a statement, a section of the plan, a board resolution.',
}

/** Where an application stands, as the applicant reads it. */
export const applicantStatus: Record<ApplicationStatus, { label: string; explanation: string }> = {
  draft: {
    label: 'Draft',
    explanation: 'Not sent yet, and only you can see it. Complete it, then submit it.',
  },
  submitted: {
    label: 'Submitted: with staff',
    explanation:
      'Staff are checking each criterion and its evidence. If they need more information, we email you and you can answer here.',
  },
  needs_info: {
    label: 'More information needed',
    explanation:
      'Staff need more information before the application can go on. Read their comments, add evidence if they ask for it, and answer below.',
  },
  with_board: {
    label: 'With the Advisory Board',
    explanation: 'The Advisory Board is voting on the application. We email you its decision.',
  },
  approved: {
    label: 'Approved',
    explanation: 'The Advisory Board approved the application: welcome to the collaborative.',
  },
  rejected: { label: 'Not approved', explanation: 'The Advisory Board did not approve the application.' },
  withdrawn: { label: 'Withdrawn', explanation: 'You withdrew the application. Nothing more happens to it.' },
}

/** The history of an application, as the applicant reads it. */
export const applicantEventLabels: Record<ApplicationEventKind, string> = {
  created: 'Application started',
  submitted: 'Submitted',
  info_requested: 'Staff asked for more information',
  answered: 'Answer sent',
  sent_to_board: 'Sent to the Advisory Board',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
}

export const verdictLabels: Record<ReviewVerdict, string> = {
  met: 'Met',
  not_met: 'Not met',
  needs_info: 'Needs more information',
}

export const designationProgramCodes = ['IMCP', 'DMCSP', 'TECHHUB', 'BBBRC'] as const
export type DesignationProgramCode = (typeof designationProgramCodes)[number]
export const designationProgramLabels: Record<DesignationProgramCode, string> = {
  IMCP: 'IMCP: Investing in Manufacturing Communities Partnership',
  DMCSP: 'DMCSP: Defense Manufacturing Community Support Program',
  TECHHUB: 'Tech Hubs: Regional Technology and Innovation Hubs',
  BBBRC: 'Build Back Better Regional Challenge',
}

/** Applications the applicant may still withdraw: every one not decided or withdrawn. */
export const withdrawableStatuses: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'needs_info',
  'with_board',
]

/** Where an application stands, as staff and the board read it. */

export const staffStatusLabels: Record<ApplicationStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for staff review',
  needs_info: 'Waiting for the applicant',
  with_board: 'With the Advisory Board',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
}

/** The history of an application, as staff and the board read it. */

export const staffEventLabels: Record<ApplicationEventKind, string> = {
  created: 'Application started',
  submitted: 'Submitted',
  info_requested: 'More information requested',
  answered: 'The applicant answered',
  sent_to_board: 'Sent to the Advisory Board',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
}

/** A board member's vote, in words. */

export const choiceLabels: Record<BoardVoteChoice, string> = {
  approve: 'Approve',
  reject: 'Reject',
  abstain: 'Abstain',
}

/** Kept for readers of the Category type here. */
export type { Category }
