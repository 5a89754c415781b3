import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { calls } from './calls.ts'
import { writtenAt } from './columns.ts'
import { briefings } from './content.ts'
import { people } from './people.ts'

export const grantImportStatuses = ['running', 'done', 'failed'] as const

/** One reading of a Grants.gov extract: the file, the extract's date and what it changed. */
export const grantImports = pgTable(
  'grant_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256'),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
    /** The day the extract was made (from its name GrantsDBExtractYYYYMMDDv2, else the import's day). */
    extractDate: date('extract_date', { mode: 'string' }).notNull(),
    via: text('via', { enum: ['web', 'cli', 'fetch'] }).notNull(),
    status: text('status', { enum: grantImportStatuses }).notNull().default('running'),
    records: integer('records').notNull().default(0),
    added: integer('added').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /** Opportunities of the extract whose close date had passed on the extract's day. */
    closed: integer('closed').notNull().default(0),
    /** Elements the reader did not know, by name, with how often each appeared. */
    unknownElements: jsonb('unknown_elements')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    problem: text('problem'),
    importedBy: uuid('imported_by').references(() => people.id, { onDelete: 'set null' }),
    startedAt: writtenAt('started_at'),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('grant_imports_started_idx').on(t.startedAt)],
)

/**
 * A federal funding opportunity, its latest version only: a version replaces the kept one only when
 * it is newer (forecast before synopsis, then the Version's number, then LastUpdatedDate, then the
 * extract's date), so an older extract never wins. Amounts are whole dollars, as Grants.gov gives them.
 */
export const grantOpportunities = pgTable(
  'grant_opportunities',
  {
    opportunityId: text('opportunity_id').primaryKey(),
    kind: text('kind', { enum: ['synopsis', 'forecast'] }).notNull(),
    versionLabel: text('version_label').notNull().default(''),
    versionNumber: integer('version_number').notNull().default(0),
    title: text('title').notNull(),
    number: text('number'),
    category: text('category'),
    categoryExplanation: text('category_explanation'),
    fundingInstruments: text('funding_instruments').array().notNull().default(sql`'{}'::text[]`),
    fundingCategories: text('funding_categories').array().notNull().default(sql`'{}'::text[]`),
    fundingCategoryExplanation: text('funding_category_explanation'),
    assistanceListings: text('assistance_listings').array().notNull().default(sql`'{}'::text[]`),
    eligibleApplicants: text('eligible_applicants').array().notNull().default(sql`'{}'::text[]`),
    eligibilityNote: text('eligibility_note'),
    agencyCode: text('agency_code'),
    agencyName: text('agency_name'),
    postDate: date('post_date', { mode: 'string' }),
    closeDate: date('close_date', { mode: 'string' }),
    closeDateNote: text('close_date_note'),
    lastUpdated: date('last_updated', { mode: 'string' }).notNull(),
    archiveDate: date('archive_date', { mode: 'string' }),
    awardCeiling: bigint('award_ceiling', { mode: 'number' }),
    awardFloor: bigint('award_floor', { mode: 'number' }),
    totalFunding: bigint('total_funding', { mode: 'number' }),
    expectedAwards: bigint('expected_awards', { mode: 'number' }),
    descriptionHtml: text('description_html').notNull().default(''),
    costSharing: boolean('cost_sharing'),
    infoUrl: text('info_url'),
    infoText: text('info_text'),
    contactEmail: text('contact_email'),
    contactEmailDescription: text('contact_email_description'),
    contactHtml: text('contact_html').notNull().default(''),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    fiscalYear: integer('fiscal_year'),
    estimatedPostDate: date('estimated_post_date', { mode: 'string' }),
    estimatedCloseDate: date('estimated_close_date', { mode: 'string' }),
    estimatedCloseNote: text('estimated_close_note'),
    estimatedAwardDate: date('estimated_award_date', { mode: 'string' }),
    estimatedProjectStart: date('estimated_project_start', { mode: 'string' }),
    /** The day of the extract the kept version came from. */
    extractDate: date('extract_date', { mode: 'string' }).notNull(),
    /** SHA-256 of the kept version's fields: the same version read again changes nothing. */
    contentHash: text('content_hash').notNull(),
    firstImportId: uuid('first_import_id').references(() => grantImports.id, { onDelete: 'set null' }),
    lastImportId: uuid('last_import_id').references(() => grantImports.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('grant_opportunities_close_idx').on(t.closeDate),
    index('grant_opportunities_agency_idx').on(t.agencyCode),
    check('grant_opportunities_id_digits', sql`${t.opportunityId} ~ '^[0-9]{1,20}$'`),
  ],
)

/**
 * A relevance rule staff can edit (src/features/grants/relevance.ts): what it looks for, its weight,
 * and the organisations it is limited to. Migration 0021 writes the defaults.
 */
export const grantRelevanceRules = pgTable(
  'grant_relevance_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: [
        'funding_category',
        'eligible_applicant',
        'agency',
        'assistance_listing',
        'keyword',
        'focus_industry',
      ],
    }).notNull(),
    value: text('value').notNull().default(''),
    weight: integer('weight').notNull(),
    onlyProgram: text('only_program'),
    onlyCategory: text('only_category', { enum: ['member', 'bff'] }),
    onlyState: text('only_state'),
    position: integer('position').notNull().default(0),
  },
  (t) => [check('grant_relevance_rules_weight', sql`${t.weight} between -20 and 20`)],
)

/** An opportunity pinned by staff to a call or a library item, seen by the public or by members only. */
export const grantPins = pgTable(
  'grant_pins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: text('opportunity_id')
      .notNull()
      .references(() => grantOpportunities.opportunityId, { onDelete: 'cascade' }),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'cascade' }),
    briefingId: uuid('briefing_id').references(() => briefings.id, { onDelete: 'cascade' }),
    visibility: text('visibility', { enum: ['public', 'members'] })
      .notNull()
      .default('members'),
    note: text('note'),
    pinnedBy: uuid('pinned_by').references(() => people.id, { onDelete: 'set null' }),
    pinnedAt: writtenAt('pinned_at'),
  },
  (t) => [
    index('grant_pins_opportunity_idx').on(t.opportunityId),
    check('grant_pins_one_place', sql`(${t.callId} is null) <> (${t.briefingId} is null)`),
  ],
)
