import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { writtenAt } from './columns.ts'
import { storedFiles } from './membership.ts'
import { people } from './people.ts'

export const historyImportStatuses = ['preview', 'committed', 'undone'] as const

/**
 * A spreadsheet of past attendance (one row per call and organisation or person), previewed,
 * committed in one transaction and perhaps undone as a whole, like a call's report.
 */
export const attendanceHistoryImports = pgTable(
  'attendance_history_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'restrict' }),
    /** Hex SHA-256 of the file's bytes: the same file is committed once. */
    sha256: text('sha256').notNull(),
    status: text('status', { enum: historyImportStatuses }).notNull().default('preview'),
    via: text('via', { enum: ['web', 'cli'] }).notNull(),
    /** Rows read from the file, and rows that will be (or were) written as attendance. */
    rowCount: integer('row_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: writtenAt('created_at'),
    committedBy: uuid('committed_by').references(() => people.id, { onDelete: 'set null' }),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'string' }),
    undoneBy: uuid('undone_by').references(() => people.id, { onDelete: 'set null' }),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('attendance_history_imports_created_idx').on(t.createdAt),
    uniqueIndex('attendance_history_imports_committed_once')
      .on(t.sha256)
      .where(sql`${t.status} = 'committed'`),
    check('attendance_history_committed_at', sql`${t.status} = 'preview' or ${t.committedAt} is not null`),
    check('attendance_history_undone_at', sql`${t.status} <> 'undone' or ${t.undoneAt} is not null`),
  ],
)
