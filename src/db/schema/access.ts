import { sql } from 'drizzle-orm'
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { people } from './people.ts'

/** Who worked as the collaborative's staff, and when: the staff role is derived from this. */
export const staffMembers = pgTable(
  'staff_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    title: text('title'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('staff_members_person_idx').on(t.personId),
    check('staff_members_dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
  ],
)

/** Who sat on the Advisory Board, and when. */
export const boardMembers = pgTable(
  'board_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('board_members_person_idx').on(t.personId),
    check('board_members_dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
  ],
)

/** Named tokens for the JSON API: only a hash is kept; the token is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The first characters of the token, to tell tokens apart in lists. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [check('api_tokens_has_scopes', sql`cardinality(${t.scopes}) > 0`)],
)

/**
 * Every write: who, when, which record, and the fields before and after. Rows are
 * written by database triggers (and for API calls by the app); triggers refuse
 * any update or delete of this table.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: writtenAt('at'),
    /** 'person:<uuid>', 'token:<uuid>', 'cli', or 'system' when nothing set an actor. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    tableName: text('table_name'),
    recordId: text('record_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    changed: text('changed').array(),
    detail: text('detail'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_record_idx').on(t.tableName, t.recordId),
    index('audit_log_actor_idx').on(t.actor),
  ],
)
