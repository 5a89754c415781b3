import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { calls } from './calls.ts'
import { writtenAt } from './columns.ts'
import { organizations } from './organizations.ts'
import { people } from './people.ts'

export const attendanceQuestionStatuses = ['open', 'accepted', 'declined'] as const
export type AttendanceQuestionStatus = (typeof attendanceQuestionStatuses)[number]

/**
 * A seat holder's question about a call's attendance ("I was there, as ..."), and staff's
 * answer: accepted (the attendance follows, source 'correction') or declined with a reason.
 * Both the question and the answer are kept.
 */
export const attendanceQuestions = pgTable(
  'attendance_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Who says they were there (a seat holder of the organisation on the call's day). */
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    askedBy: uuid('asked_by').references(() => people.id, { onDelete: 'set null' }),
    /** How they appeared on the call ("as iPhone 14", "dialled in from 312 ..."). */
    appearedAs: text('appeared_as').notNull(),
    note: text('note'),
    status: text('status', { enum: attendanceQuestionStatuses }).notNull().default('open'),
    answeredBy: uuid('answered_by').references(() => people.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }),
    /** Staff's reason: required to decline, optional to accept. */
    answerReason: text('answer_reason'),
    createdAt: writtenAt('created_at'),
  },
  (t) => [
    index('attendance_questions_call_idx').on(t.callId),
    index('attendance_questions_open_idx').on(t.status, t.createdAt),
    check('attendance_questions_status', sql`${t.status} in ('open', 'accepted', 'declined')`),
    check('attendance_questions_answered', sql`${t.status} = 'open' or (${t.answeredAt} is not null)`),
    check(
      'attendance_questions_decline_reason',
      sql`${t.status} <> 'declined' or ${t.answerReason} is not null`,
    ),
  ],
)
