import { sql } from 'drizzle-orm'
import { boolean, check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { authUsers } from './auth.ts'
import { writtenAt } from './columns.ts'
import { organizations } from './organizations.ts'

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    email: text('email').notNull(),
    title: text('title'),
    /** The organisation the person works for, when known; seats are what count. */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    /** The sign-in account of this person, once they have one. */
    userId: text('user_id')
      .unique()
      .references(() => authUsers.id, { onDelete: 'set null' }),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: writtenAt('created_at'),
  },
  (t) => [uniqueIndex('people_email_unique').on(sql`lower(${t.email})`)],
)

export const seatRoles = ['representative', 'alternate'] as const
export type SeatRole = (typeof seatRoles)[number]

/**
 * Who held an organisation's representative or alternate seat, and when.
 * `startsOn` is the first day held; `endsOn` is the first day no longer held (null: still held).
 */
export const seats = pgTable(
  'seats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: seatRoles }).notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('seats_org_role_idx').on(t.organizationId, t.role, t.startsOn),
    index('seats_person_idx').on(t.personId),
    check('seats_dates_ordered', sql`${t.endsOn} is null or ${t.endsOn} > ${t.startsOn}`),
  ],
)
