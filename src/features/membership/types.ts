import type {
  ApplicationStatus,
  applicationEvents,
  applications,
  BffKind,
  MemberCriterion,
  ReviewVerdict,
  SeatRole,
} from '#src/db/schema/index.ts'

// The one set of types of the membership feature: the records, the forms and the pages' data.

export type Category = 'member' | 'bff'

export type ApplicationEventKind = (typeof applicationEvents.$inferSelect)['kind']

/** A designation as stored on the application: a program code (or a name for another program), a kind and a date. */
export type Designation = { program: string; kind: 'designated' | 'redesignated'; date: string }

/** A designation as read back for a page: stored data is shown as it is, whatever it holds. */
export type StoredDesignation = { program: string; kind: string; date: string }

export type DesignationRow = { program: string; other: string; kind: string; date: string }

/** The draft form as shown: each field as typed (text), ticked (lists) or entered (rows). */
export type DraftForm = {
  organizationName: string
  shortName: string
  leadOrganization: string
  website: string
  summary: string
  partners: string
  focusIndustries: string
  designations: DesignationRow[]
  states: string[]
  counties: string[]
  bffKind: string
  openSourceValue: string
  /** The two nominees as typed: the representative first, then the alternate. */
  nominees: NomineeRow[]
  /** The commitment keys the applicant ticked. */
  commitments: string[]
}
export type DraftField = keyof DraftForm

export type NomineeSeat = SeatRole

/** A nominee as typed on the draft (any field may still be empty). */
export type NomineeRow = { seat: NomineeSeat; fullName: string; email: string; title: string }

/** A nominee as stored on the application (applications.nominees). */
export type Nominee = NomineeRow

/** What a save may change: only the fields the form sent. */
export type DraftUpdate = Partial<{
  organizationName: string
  shortName: string | null
  leadOrganization: string | null
  website: string | null
  summary: string | null
  partners: string[]
  focusIndustries: string[]
  designations: Designation[]
  states: string[]
  counties: string[]
  bffKind: BffKind | null
  openSourceValue: string | null
  nominees: Nominee[]
  commitments: string[]
}>

/** Form input as lists of strings per name (a name sent once is a list of one). */
export type FormInput = Record<string, string[]>

/** The start form as typed. */
export type StartForm = { fullName: string; email: string; category: string; organizationName: string }
export type StartField = keyof StartForm

/** The application as stored (its designations as the draft form wrote them). */
export type ApplicationRecord = Omit<typeof applications.$inferSelect, 'designations' | 'nominees'> & {
  designations: Designation[]
  nominees: Nominee[]
}

export type EvidenceItem = {
  id: string
  criterion: MemberCriterion
  url: string | null
  file: { id: string; name: string; size: number; contentType: string } | null
  /** A note kept with the evidence, if any. */
  note: string | null
  /** ISO 8601, UTC. */
  createdAt: string
  /** Given before the latest submission or answer: staff may have reviewed it, so it stays. */
  isLocked: boolean
}

export type HistoryEvent = {
  id: string
  kind: ApplicationEventKind
  round: number
  comment: string | null
  actorName: string | null
  /** ISO 8601, UTC. */
  createdAt: string
}

export type ReviewRow = {
  round: number
  criterion: MemberCriterion
  verdict: ReviewVerdict
  comment: string | null
  reviewerName: string
  /** ISO 8601, UTC. */
  createdAt: string
}

/**
 * Everything about one application that its pages show, to the applicant, staff and the board
 * alike (who may see it is the caller's check).
 */
export type ApplicationDetail = Omit<ApplicationRecord, 'designations' | 'submittedAt' | 'decidedAt'> & {
  designations: StoredDesignation[]
  /** ISO 8601, UTC. */
  submittedAt: string | null
  /** ISO 8601, UTC. */
  decidedAt: string | null
  applicant: { personId: string; name: string; email: string }
  /** Oldest first, criterion by criterion in form order. */
  evidence: EvidenceItem[]
  /** Oldest first. */
  events: HistoryEvent[]
  /** Staff verdicts of every round, round by round, criterion by criterion. */
  reviews: ReviewRow[]
  /** Staff verdicts of the latest round they reviewed (member applications), or null. */
  latestReview: { round: number; items: ReviewRow[] } | null
  decision: { outcome: 'approved' | 'rejected'; decidedAt: string; admittedOn: string | null } | null
}

export type ApplicationListItem = {
  id: string
  category: Category
  status: ApplicationStatus
  organizationName: string
  round: number
  updatedAt: string
  submittedAt: string | null
}
