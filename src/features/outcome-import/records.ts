/** Outcome imports as stored: listing them, one with its people's names, and the one committed for a file. */
import { asc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import {
  committedFile,
  type FileImportRecord,
  newestFirst,
  selectFileImports,
} from '#src/db/file-import-records.ts'
import { outcomeImports as imports, organizations, outcomeReports } from '#src/db/schema/index.ts'
import { isUuid } from '#src/lib/ids.ts'

export type OutcomeImportItem = FileImportRecord & { periodStart: string; periodEnd: string }

const selectImports = (db: DbOrTx) =>
  selectFileImports(db, imports, {
    written: sql<number>`(select count(*)::int from ${outcomeReports} where ${outcomeReports.importId} = ${imports.id})`,
    extra: { periodStart: imports.periodStart, periodEnd: imports.periodEnd },
  })

/** Every outcome import, newest first. */
export async function listOutcomeImports(db: DbOrTx): Promise<OutcomeImportItem[]> {
  return selectImports(db).orderBy(...newestFirst(imports))
}

/** One outcome import; undefined when there is none with this id. */
export async function getOutcomeImport(db: DbOrTx, id: string): Promise<OutcomeImportItem | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await selectImports(db).where(eq(imports.id, id))
  return row
}

/** The import that committed this file (by its SHA-256), if one did. */
export async function findCommitted(db: DbOrTx, sha256: string): Promise<OutcomeImportItem | undefined> {
  const [row] = await selectImports(db).where(committedFile(imports, sha256))
  return row
}

/** The organisations whose reports an import wrote, by name. */
export async function reportsOfImport(
  db: DbOrTx,
  importId: string,
): Promise<{ name: string; slug: string }[]> {
  return db
    .select({ name: organizations.name, slug: organizations.slug })
    .from(outcomeReports)
    .innerJoin(organizations, eq(organizations.id, outcomeReports.organizationId))
    .where(eq(outcomeReports.importId, importId))
    .orderBy(asc(organizations.name))
}
