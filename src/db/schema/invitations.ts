import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { people, seats } from './people.ts'

/**
 * Invitations to choose a password: staff invite a person by email; the link carries a
 * random token of which only the sha256 hash is kept. One use, for seven days.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** The staff member who sent it. */
    invitedBy: uuid('invited_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'string' }),
    /** The seat this invitation is for, when it is one: accepting it confirms the commitments. */
    seatId: uuid('seat_id').references(() => seats.id, { onDelete: 'set null' }),
    /** When the invitee confirmed the commitments of membership while accepting. */
    commitmentsConfirmedAt: timestamp('commitments_confirmed_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('invitations_person_idx').on(t.personId), index('invitations_created_idx').on(t.createdAt)],
)
