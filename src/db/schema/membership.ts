import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { organizations } from './organizations.ts'
import { people } from './people.ts'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

/**
 * Uploaded files, kept in the database so that every process and every backup has
 * them. Served only to those allowed, always as a download under `name`.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A safe file name (no path, no control characters). */
    name: text('name').notNull(),
    /** The type found from the content, never the one the browser claimed. */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [check('stored_files_size', sql`${t.size} > 0 and ${t.size} <= 20971520`)],
)

export const applicationStatuses = [
  'draft',
  'submitted',
  'needs_info',
  'with_board',
  'approved',
  'rejected',
  'withdrawn',
] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]

export const memberCriteria = ['agreement', 'swot', 'plan', 'dei_sustainability'] as const
export type MemberCriterion = (typeof memberCriteria)[number]

/** An application to join, as a member community or a BFF, from draft to decision. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: text('category', { enum: ['member', 'bff'] }).notNull(),
    status: text('status', { enum: applicationStatuses }).notNull().default('draft'),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    organizationName: text('organization_name').notNull().default(''),
    shortName: text('short_name'),
    leadOrganization: text('lead_organization'),
    website: text('website'),
    summary: text('summary'),
    states: text('states').array().notNull().default(sql`'{}'::text[]`),
    counties: text('counties').array().notNull().default(sql`'{}'::text[]`),
    focusIndustries: text('focus_industries').array().notNull().default(sql`'{}'::text[]`),
    partners: text('partners').array().notNull().default(sql`'{}'::text[]`),
    /** [{ program: 'IMCP', kind: 'designated', date: 'YYYY-MM-DD' }] */
    designations: jsonb('designations').notNull().default(sql`'[]'::jsonb`),
    bffKind: text('bff_kind', { enum: ['federal_agency', 'national_ngo', 'private_entity', 'other'] }),
    openSourceValue: text('open_source_value'),
    /** The two people the applicant names for the seats: [{ seat, fullName, email, title }]. */
    nominees: jsonb('nominees').notNull().default(sql`'[]'::jsonb`),
    /** The commitments of membership the applicant acknowledged (keys such as 'attend_half'). */
    commitments: text('commitments').array().notNull().default(sql`'{}'::text[]`),
    /** The review round: 1 on first submission, one more each time the applicant answers. */
    round: integer('round').notNull().default(0),
    /** The organisation created on admission. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    updatedAt: writtenAt('updated_at'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('applications_status_idx').on(t.status),
    index('applications_applicant_idx').on(t.applicantId),
    check('applications_bff_fields', sql`${t.category} = 'bff' or ${t.bffKind} is null`),
  ],
)

/** Evidence for one criterion of a member application: a file or a link. */
export const applicationEvidence = pgTable(
  'application_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    criterion: text('criterion', { enum: memberCriteria }).notNull(),
    fileId: uuid('file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    url: text('url'),
    note: text('note'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    index('application_evidence_app_idx').on(t.applicationId, t.criterion),
    check('application_evidence_file_or_link', sql`(${t.fileId} is null) <> (${t.url} is null)`),
  ],
)

export const reviewVerdicts = ['met', 'not_met', 'needs_info'] as const
export type ReviewVerdict = (typeof reviewVerdicts)[number]

/** A staff verdict on one criterion in one review round; every round is kept. */
export const applicationReviews = pgTable(
  'application_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    criterion: text('criterion', { enum: memberCriteria }).notNull(),
    verdict: text('verdict', { enum: reviewVerdicts }).notNull(),
    comment: text('comment'),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [unique('application_reviews_round_criterion').on(t.applicationId, t.round, t.criterion)],
)

/** The application's history: every step, who took it, when, and what they said. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['created', 'submitted', 'info_requested', 'answered', 'sent_to_board', 'decided', 'withdrawn'],
    }).notNull(),
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    round: integer('round').notNull().default(0),
    comment: text('comment'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.createdAt)],
)

export const boardVoteChoices = ['approve', 'reject', 'abstain'] as const
export type BoardVoteChoice = (typeof boardVoteChoices)[number]

/** One Advisory Board member's vote on an application: one each, changeable until the decision. */
export const boardVotes = pgTable(
  'board_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    voterId: uuid('voter_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    choice: text('choice', { enum: boardVoteChoices }).notNull(),
    comment: text('comment'),
    castAt: writtenAt('cast_at'),
  },
  (t) => [unique('board_votes_one_each').on(t.applicationId, t.voterId)],
)

/** The board's decision, with the tally it was taken on. Written once. */
export const applicationDecisions = pgTable('application_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .unique()
    .references(() => applications.id, { onDelete: 'cascade' }),
  outcome: text('outcome', { enum: ['approved', 'rejected'] }).notNull(),
  /** { approve, reject, abstain, eligible, quorum } when the decision was taken. */
  tally: jsonb('tally').notNull(),
  decidedBy: uuid('decided_by').references(() => people.id, { onDelete: 'set null' }),
  decidedAt: writtenAt('decided_at'),
  admittedOn: date('admitted_on', { mode: 'string' }),
})
