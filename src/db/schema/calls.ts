import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { organizations } from './organizations.ts'
import { people } from './people.ts'

export const callStatuses = ['scheduled', 'held', 'cancelled'] as const
export type CallStatus = (typeof callStatuses)[number]

/** One national call. Its local date, start time and time zone are data, not assumptions. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    timeZone: text('time_zone').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: text('status', { enum: callStatuses }).notNull().default('scheduled'),
    cancelReason: text('cancel_reason'),
    /** False for an extra call staff added outside the weekly series. */
    isSeries: boolean('is_series').notNull().default(true),
    title: text('title'),
    agenda: text('agenda'),
    notes: text('notes'),
    recordingUrl: text('recording_url'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('calls_starts_at_idx').on(t.startsAt),
    check('calls_start_time_format', sql`${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$'`),
    check('calls_duration_positive', sql`${t.durationMinutes} > 0`),
    check('calls_cancel_reason', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
  ],
)

export const attendanceSources = ['roll_call', 'zoom', 'teams', 'meet', 'demo'] as const
export type AttendanceSource = (typeof attendanceSources)[number]

/** A person present on a call, with the time they were there. */
export const attendance = pgTable(
  'attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    seconds: integer('seconds').notNull(),
    source: text('source', { enum: attendanceSources }).notNull(),
    firstJoin: timestamp('first_join', { withTimezone: true, mode: 'string' }),
    lastLeave: timestamp('last_leave', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    unique('attendance_call_person_unique').on(t.callId, t.personId),
    index('attendance_person_idx').on(t.personId),
    check('attendance_seconds_nonnegative', sql`${t.seconds} >= 0`),
  ],
)

export const presentationStatuses = ['requested', 'planned', 'given', 'missed'] as const
export type PresentationStatus = (typeof presentationStatuses)[number]

/** The yearly 10 to 15 minute presentation of an organisation on a call. */
export const presentations = pgTable(
  'presentations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    callId: uuid('call_id').references(() => calls.id, { onDelete: 'set null' }),
    /** 1 to 12: the month the organisation asked for. */
    requestedMonth: integer('requested_month'),
    status: text('status', { enum: presentationStatuses }).notNull(),
    title: text('title'),
    actualMinutes: integer('actual_minutes'),
  },
  (t) => [
    unique('presentations_org_year_unique').on(t.organizationId, t.year),
    check(
      'presentations_month_range',
      sql`${t.requestedMonth} is null or ${t.requestedMonth} between 1 and 12`,
    ),
  ],
)

/** A record that an organisation shared the network's briefings with its stakeholders. */
export const sharingAttestations = pgTable(
  'sharing_attestations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    sharedOn: date('shared_on', { mode: 'string' }).notNull(),
    audience: text('audience').notNull(),
    channel: text('channel').notNull(),
    description: text('description'),
    evidenceUrl: text('evidence_url'),
    recordedBy: uuid('recorded_by').references(() => people.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('sharing_org_idx').on(t.organizationId, t.sharedOn)],
)
