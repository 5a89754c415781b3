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
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { designations } from './designations.ts'
import { storedFiles } from './membership.ts'
import { organizations } from './organizations.ts'
import { people } from './people.ts'

/** A metric counts things, or US dollars (always stored as whole cents). */
export const metricUnits = ['count', 'usd'] as const
export type MetricUnit = (typeof metricUnits)[number]

/** What staff measure communities by; migration 0019 adds the six defaults. */
export const outcomeMetrics = pgTable(
  'outcome_metrics',
  {
    key: text('key').primaryKey(),
    name: text('name').notNull(),
    unit: text('unit', { enum: metricUnits }).notNull(),
    description: text('description').notNull().default(''),
    /** Whether figures of different communities add up to a network total. */
    sums: boolean('sums').notNull().default(true),
    position: integer('position').notNull().default(0),
    /** A retired metric is no longer asked for; its figures stay. */
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [check('outcome_metrics_key_format', sql`${t.key} ~ '^[a-z][a-z0-9_]{0,39}$'`)],
)

/** The kinds of period a goal or report covers. */
export const outcomePeriodKinds = ['year', 'designation', 'custom'] as const
export type OutcomePeriodKind = (typeof outcomePeriodKinds)[number]

export const outcomeReportStatuses = ['draft', 'submitted', 'returned', 'verified'] as const
export type OutcomeReportStatus = (typeof outcomeReportStatuses)[number]

/** An organisation's outcome report for one period; only verified figures count anywhere. */
export const outcomeReports = pgTable(
  'outcome_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    periodKind: text('period_kind', { enum: outcomePeriodKinds }).notNull().default('custom'),
    designationId: uuid('designation_id').references(() => designations.id, { onDelete: 'set null' }),
    status: text('status', { enum: outcomeReportStatuses }).notNull().default('draft'),
    /** The narrative: what the figures mean, in the community's words. */
    note: text('note'),
    /** Where the figures come from when they were taken from a document (title). */
    source: text('source'),
    sourceUrl: text('source_url'),
    evidenceFileId: uuid('evidence_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    evidenceUrl: text('evidence_url'),
    /** Rounds of submission so far (0 while a first draft). */
    round: integer('round').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    submittedBy: uuid('submitted_by').references(() => people.id, { onDelete: 'set null' }),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'string' }),
    verifiedBy: uuid('verified_by').references(() => people.id, { onDelete: 'set null' }),
    /** The import that wrote this report; undoing the import removes it. */
    importId: uuid('import_id').references(() => outcomeImports.id, { onDelete: 'restrict' }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('outcome_reports_org_idx').on(t.organizationId, t.periodStart),
    unique('outcome_reports_one_per_period').on(t.organizationId, t.periodStart, t.periodEnd),
    check('outcome_reports_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('outcome_reports_verified_at', sql`${t.status} <> 'verified' or ${t.verifiedAt} is not null`),
  ],
)

/** One figure of a report: what was achieved (cents for money) and the reporter's note on it. */
export const outcomeFigures = pgTable(
  'outcome_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => outcomeReports.id, { onDelete: 'cascade' }),
    metric: text('metric')
      .notNull()
      .references(() => outcomeMetrics.key, { onDelete: 'restrict', onUpdate: 'cascade' }),
    actual: bigint('actual', { mode: 'number' }),
    note: text('note'),
  },
  (t) => [
    unique('outcome_figures_report_metric_unique').on(t.reportId, t.metric),
    check('outcome_figures_nonnegative', sql`coalesce(${t.actual}, 0) >= 0`),
  ],
)

export const outcomeReportActions = ['submitted', 'returned', 'verified', 'corrected'] as const
export type OutcomeReportAction = (typeof outcomeReportActions)[number]

/**
 * Every round of a report, kept: what was submitted (the figures as they stood), what staff
 * returned with a comment per figure, the verification, and each later correction with its reason.
 */
export const outcomeReportEvents = pgTable(
  'outcome_report_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => outcomeReports.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    action: text('action', { enum: outcomeReportActions }).notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    at: writtenAt('at'),
    /** A general comment, or the reason for a correction (required then). */
    comment: text('comment'),
    /** Staff's comment per metric key when returning a report. */
    figureComments: jsonb('figure_comments')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The figures as they stood after this event: [{ metric, actual, note }]. */
    figures: jsonb('figures')
      .$type<{ metric: string; actual: number | null; note: string | null }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('outcome_report_events_report_idx').on(t.reportId, t.at),
    check(
      'outcome_report_events_correction_reason',
      sql`${t.action} <> 'corrected' or ${t.comment} is not null`,
    ),
  ],
)

/**
 * A goal for one metric and period. Goals are versioned: a change adds a version, so the earlier
 * target stays with who set it and when. The highest version is the goal; a null target removes it.
 */
export const outcomeGoals = pgTable(
  'outcome_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    metric: text('metric')
      .notNull()
      .references(() => outcomeMetrics.key, { onDelete: 'restrict', onUpdate: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    periodKind: text('period_kind', { enum: outcomePeriodKinds }).notNull().default('custom'),
    designationId: uuid('designation_id').references(() => designations.id, { onDelete: 'set null' }),
    target: bigint('target', { mode: 'number' }),
    version: integer('version').notNull(),
    setBy: uuid('set_by').references(() => people.id, { onDelete: 'set null' }),
    setAt: writtenAt('set_at'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    unique('outcome_goals_version_unique').on(
      t.organizationId,
      t.metric,
      t.periodStart,
      t.periodEnd,
      t.version,
    ),
    check('outcome_goals_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('outcome_goals_nonnegative', sql`coalesce(${t.target}, 0) >= 0`),
  ],
)

/** How a reported fact's value reads: exactly, or "over", "nearly", "more than" it. */
export const factQualifiers = ['exactly', 'over', 'nearly', 'more_than'] as const
export type FactQualifier = (typeof factQualifiers)[number]

/** What a reported fact is about: partner counts are shown beside the derived partner count. */
export const factTopics = ['partners', 'funding', 'award', 'other'] as const
export type FactTopic = (typeof factTopics)[number]

/**
 * A figure taken from a document (a press release, an annual report), with its date and source:
 * shown as reported, never mixed into verified totals or derived counts.
 */
export const reportedFacts = pgTable(
  'reported_facts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    topic: text('topic', { enum: factTopics }).notNull().default('other'),
    label: text('label').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    unit: text('unit', { enum: metricUnits }).notNull(),
    qualifier: text('qualifier', { enum: factQualifiers }).notNull().default('exactly'),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    sourceTitle: text('source_title').notNull(),
    sourceUrl: text('source_url'),
    recordedBy: uuid('recorded_by').references(() => people.id, { onDelete: 'set null' }),
    recordedAt: writtenAt('recorded_at'),
  },
  (t) => [
    index('reported_facts_org_idx').on(t.organizationId, t.asOf),
    check('reported_facts_nonnegative', sql`${t.value} >= 0`),
  ],
)

export const outcomeImportStatuses = ['preview', 'committed', 'undone'] as const

/** A sheet of a year's outcome figures, previewed, committed as a whole and perhaps undone. */
export const outcomeImports = pgTable(
  'outcome_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    sha256: text('sha256').notNull(),
    status: text('status', { enum: outcomeImportStatuses }).notNull().default('preview'),
    via: text('via', { enum: ['web', 'cli'] }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    rowCount: integer('row_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    committedBy: uuid('committed_by').references(() => people.id, { onDelete: 'set null' }),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'string' }),
    undoneBy: uuid('undone_by').references(() => people.id, { onDelete: 'set null' }),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('outcome_imports_created_idx').on(t.createdAt),
    uniqueIndex('outcome_imports_committed_once').on(t.sha256).where(sql`${t.status} = 'committed'`),
    check('outcome_imports_committed_at', sql`${t.status} = 'preview' or ${t.committedAt} is not null`),
    check('outcome_imports_undone_at', sql`${t.status} <> 'undone' or ${t.undoneAt} is not null`),
  ],
)
