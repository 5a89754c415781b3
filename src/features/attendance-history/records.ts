/** History imports as stored: listing them, one with its people's names, and the one committed for a file. */
import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import {
  committedFile,
  type FileImportRecord,
  newestFirst,
  selectFileImports,
} from '#src/db/file-import-records.ts'
import { attendance, attendanceHistoryImports as imports } from '#src/db/schema/index.ts'
import { isUuid } from '#src/lib/ids.ts'

export type HistoryImportItem = FileImportRecord

const selectImports = (db: DbOrTx) =>
  selectFileImports(db, imports, {
    written: sql<number>`(select count(*)::int from ${attendance} where ${attendance.historyImportId} = ${imports.id})`,
  })

/** Every history import, newest first. */
export async function listHistoryImports(db: DbOrTx): Promise<HistoryImportItem[]> {
  return selectImports(db).orderBy(...newestFirst(imports))
}

/** One history import; undefined when there is none with this id. */
export async function getHistoryImport(db: DbOrTx, id: string): Promise<HistoryImportItem | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await selectImports(db).where(eq(imports.id, id))
  return row
}

/** The import that committed this file (by its SHA-256), if one did. */
export async function findCommitted(db: DbOrTx, sha256: string): Promise<HistoryImportItem | undefined> {
  const [row] = await selectImports(db).where(committedFile(imports, sha256))
  return row
}
