/**
 * What a spreadsheet import keeps about its file (past attendance, outcomes): who previewed it,
 * committed it and undid it, and when. One query for both features; each feature
 * adds how many rows the import holds now, and any columns of its own.
 */
import { and, desc, eq, type SQL } from 'drizzle-orm'
import { alias, type PgColumn } from 'drizzle-orm/pg-core'
import type { DbOrTx } from './client.ts'
import { type attendanceHistoryImports, type outcomeImports, people, storedFiles } from './schema/index.ts'

export type FileImportRecord = {
  id: string
  fileName: string
  fileId: string
  sha256: string
  status: 'preview' | 'committed' | 'undone'
  via: 'web' | 'cli'
  rowCount: number
  /** Rows this import holds now (0 before commit and after undo). */
  written: number
  createdAt: string
  createdBy: string | null
  committedAt: string | null
  committedBy: string | null
  undoneAt: string | null
  undoneBy: string | null
}

type ImportTable = typeof attendanceHistoryImports | typeof outcomeImports

const creator = alias(people, 'creator')
const committer = alias(people, 'committer')
const undoer = alias(people, 'undoer')

/** The imports of `table` with their file's name and people's names; `extra` adds columns. */
export function selectFileImports<Extra extends Record<string, SQL | PgColumn>>(
  db: DbOrTx,
  table: ImportTable,
  options: { written: SQL<number>; extra?: Extra },
) {
  return db
    .select({
      id: table.id,
      fileName: storedFiles.name,
      fileId: table.fileId,
      sha256: table.sha256,
      status: table.status,
      via: table.via,
      rowCount: table.rowCount,
      written: options.written,
      createdAt: table.createdAt,
      createdBy: creator.fullName,
      committedAt: table.committedAt,
      committedBy: committer.fullName,
      undoneAt: table.undoneAt,
      undoneBy: undoer.fullName,
      ...(options.extra ?? ({} as Extra)),
    })
    .from(table)
    .innerJoin(storedFiles, eq(storedFiles.id, table.fileId))
    .leftJoin(creator, eq(creator.id, table.createdBy))
    .leftJoin(committer, eq(committer.id, table.committedBy))
    .leftJoin(undoer, eq(undoer.id, table.undoneBy))
}

/** Newest first. */
export const newestFirst = (table: ImportTable) => [desc(table.createdAt), desc(table.id)] as const

/** The import that committed a file with this SHA-256. */
export const committedFile = (table: ImportTable, sha256: string) =>
  and(eq(table.sha256, sha256), eq(table.status, 'committed'))
