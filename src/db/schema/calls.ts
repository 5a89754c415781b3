import { type SQL, sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { attendanceHistoryImports } from './attendance-history.ts'
import { writtenAt } from './columns.ts'
import { briefings } from './content.ts'
import { storedFiles } from './membership.ts'
import { organizations } from './organizations.ts'
import { people } from './people.ts'
import { arrayWords, searchDocument, tsvector } from './search-columns.ts'

/**
 * Whether a call is on or cancelled. "Held" is never stored: a call is held when it is not
 * cancelled and its day is over, derived where it is read (isHeld, heldCallSql in calls/).
 */
export const callStatuses = ['scheduled', 'cancelled'] as const
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
    /**
     * The Monday of the weekly series this call stands for (null for an extra call). It stays
     * when staff move the call, so that the series is not generated again on that date.
     */
    seriesDate: date('series_date', { mode: 'string' }),
    title: text('title'),
    agenda: text('agenda'),
    notes: text('notes'),
    recordingUrl: text('recording_url'),
    /** How members join this call, when it differs from the series default (a setting). Members only. */
    joinUrl: text('join_url'),
    /** Dial-in text for this call (numbers, passcode), overriding the series default. Members only. */
    dialIn: text('dial_in'),
    /** Why staff added this call after its day (bringing in the network's history). */
    addedReason: text('added_reason'),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('calls_starts_at_idx').on(t.startsAt),
    uniqueIndex('calls_series_date_unique').on(t.seriesDate),
    /** One call a day: a date names a call in URLs and in `hub attendance import --call`. */
    uniqueIndex('calls_local_date_unique').on(t.localDate),
    check('calls_series_date', sql`${t.isSeries} = (${t.seriesDate} is not null)`),
    check('calls_start_time_format', sql`${t.startTime} ~ '^[0-2][0-9]:[0-5][0-9]$'`),
    check('calls_duration_positive', sql`${t.durationMinutes} > 0`),
    check('calls_cancel_reason', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
    check('calls_status_known', sql`${t.status} in ('scheduled', 'cancelled')`),
  ],
)

export const attendanceSources = [
  'roll_call',
  'zoom',
  'teams',
  'meet',
  'demo',
  'history',
  'correction',
] as const
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
    /** The report this presence came from; null for the roll call and the demo. Undoing the import removes it. */
    importId: uuid('import_id').references(() => attendanceImports.id, { onDelete: 'cascade' }),
    /** The historic spreadsheet this presence came from ('history'). Undoing that import removes it. */
    historyImportId: uuid('history_import_id').references(() => attendanceHistoryImports.id, {
      onDelete: 'cascade',
    }),
    firstJoin: timestamp('first_join', { withTimezone: true, mode: 'string' }),
    lastLeave: timestamp('last_leave', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    uniqueIndex('attendance_call_person_direct_unique')
      .on(t.callId, t.personId)
      .where(sql`${t.importId} is null`),
    uniqueIndex('attendance_import_person_unique').on(t.importId, t.personId),
    index('attendance_person_idx').on(t.personId),
    index('attendance_history_import_idx').on(t.historyImportId),
    check('attendance_seconds_nonnegative', sql`${t.seconds} >= 0`),
  ],
)

export const importStatuses = ['preview', 'committed', 'undone'] as const
export type ImportStatus = (typeof importStatuses)[number]

export const reportFormats = ['zoom', 'zoom-unique', 'teams', 'meet'] as const
export type ReportFormat = (typeof reportFormats)[number]

/**
 * An attendance report uploaded for a call: previewed, then committed in one transaction,
 * and perhaps undone as a whole. The source file (with its SHA-256) is kept.
 */
export const attendanceImports = pgTable(
  'attendance_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    format: text('format', { enum: reportFormats }).notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    /** Hex SHA-256 of the file's bytes: the same file for the same call is imported once. */
    sha256: text('sha256').notNull(),
    status: text('status', { enum: importStatuses }).notNull().default('preview'),
    /** 'web' or 'cli'. */
    via: text('via', { enum: ['web', 'cli'] }).notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    committedBy: uuid('committed_by').references(() => people.id, { onDelete: 'set null' }),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'string' }),
    undoneBy: uuid('undone_by').references(() => people.id, { onDelete: 'set null' }),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('attendance_imports_call_idx').on(t.callId, t.createdAt),
    uniqueIndex('attendance_imports_committed_once')
      .on(t.callId, t.sha256)
      .where(sql`${t.status} = 'committed'`),
    check('attendance_imports_committed_at', sql`${t.status} = 'preview' or ${t.committedAt} is not null`),
    check('attendance_imports_undone_at', sql`${t.status} <> 'undone' or ${t.undoneAt} is not null`),
  ],
)

export const matchMethods = ['email', 'alias', 'name', 'manual', 'guest'] as const
export type MatchMethod = (typeof matchMethods)[number]

/** One participant of an imported report, as parsed, and who they were matched to (if anyone). */
export const importParticipants = pgTable(
  'attendance_import_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    importId: uuid('import_id')
      .notNull()
      .references(() => attendanceImports.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    rawName: text('raw_name').notNull(),
    email: text('email'),
    seconds: integer('seconds').notNull(),
    firstJoin: timestamp('first_join', { withTimezone: true, mode: 'string' }),
    lastLeave: timestamp('last_leave', { withTimezone: true, mode: 'string' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'restrict' }),
    /** How the person was found; null while unmatched. 'guest': marked as nobody of the network. */
    match: text('match', { enum: matchMethods }),
  },
  (t) => [
    unique('import_participants_position_unique').on(t.importId, t.position),
    check('import_participants_seconds', sql`${t.seconds} >= 0`),
    check(
      'import_participants_match',
      sql`(${t.match} is null and ${t.personId} is null) or (${t.match} = 'guest' and ${t.personId} is null) or (${t.match} not in ('guest') and ${t.personId} is not null)`,
    ),
  ],
)

/**
 * A name or email from a report that staff matched by hand, remembered for the next
 * import. `personId` null: a known guest, who is marked as a guest again.
 */
export const attendanceAliases = pgTable(
  'attendance_aliases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['email', 'name'] }).notNull(),
    /** The email lower-cased, or the name folded (accents and case removed, spaces collapsed). */
    key: text('key').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
  },
  (t) => [unique('attendance_aliases_key_unique').on(t.kind, t.key)],
)

/** A person's private calendar feed: the secret is in the URL; only its hash is kept. Revoked feeds stop answering. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: writtenAt('created_at'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('calendar_feeds_one_active').on(t.personId).where(sql`${t.revokedAt} is null`)],
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
    /** The archive page of a given presentation: what it covered, its slides and recording. */
    summary: text('summary').notNull().default(''),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    recordingUrl: text('recording_url'),
    slidesFileId: uuid('slides_file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
    visibility: text('visibility', { enum: ['public', 'members'] })
      .notNull()
      .default('members'),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        searchDocument([
          [sql`${presentations.title}`, 'A'],
          [sql`${presentations.summary} || ' ' || ${arrayWords(presentations.topics)}`, 'B'],
        ]),
    ),
  },
  (t) => [
    unique('presentations_org_year_unique').on(t.organizationId, t.year),
    check(
      'presentations_month_range',
      sql`${t.requestedMonth} is null or ${t.requestedMonth} between 1 and 12`,
    ),
    index('presentations_search_idx').using('gin', t.searchVector),
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
    /** An uploaded evidence file (agenda, newsletter, screenshot), checked like application evidence. */
    evidenceFileId: uuid('evidence_file_id').references(() => storedFiles.id, { onDelete: 'restrict' }),
    /** Staff may question a record; the representative or alternate answers. */
    question: text('question'),
    questionedBy: uuid('questioned_by').references(() => people.id, { onDelete: 'set null' }),
    questionedAt: timestamp('questioned_at', { withTimezone: true, mode: 'string' }),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => people.id, { onDelete: 'set null' }),
    recordedAt: writtenAt('recorded_at'),
  },
  (t) => [index('sharing_org_idx').on(t.organizationId, t.sharedOn)],
)

/** Which of the network's briefings a sharing action passed on. */
export const sharingBriefings = pgTable(
  'sharing_briefings',
  {
    sharingId: uuid('sharing_id')
      .notNull()
      .references(() => sharingAttestations.id, { onDelete: 'cascade' }),
    briefingId: uuid('briefing_id')
      .notNull()
      .references(() => briefings.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sharingId, t.briefingId] })],
)

/** The kinds of email a person may choose on the reminders page ('weekly_digest' and 'funding_digest': weekly emails claimed here too, their subject the week's Monday). */
export const reminderKinds = [
  'call_tomorrow',
  'at_risk',
  'sharing_due',
  'presentation_unplanned',
  'weekly_digest',
  'presentation_slot',
  'call_changes',
  'funding_digest',
] as const
export type ReminderKind = (typeof reminderKinds)[number]

/**
 * One reminder to one person about one thing (`subject`: a call id, an organisation and
 * year, an organisation and quarter, the digest's week). The unique key is the claim: whichever Hub process
 * inserts the row first sends the email; the others find it taken.
 */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    claimedAt: writtenAt('claimed_at'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [unique('reminder_deliveries_once').on(t.kind, t.subject, t.personId)],
)

/** A person's choice for one kind of reminder; without a row the default holds (call_tomorrow: off; others: on). */
export const reminderPreferences = pgTable(
  'reminder_preferences',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: writtenAt('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
)
