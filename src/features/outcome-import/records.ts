/** Outcome imports as stored: listing them, one with its people's names, and the one committed for a file. */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '#src/db/client.ts'
import {
  outcomeImports as imports,
  organizations,
  outcomeReports,
  people,
  storedFiles,
} from '#src/db/schema/index.ts'
import { isUuid } from '#src/lib/ids.ts'
import { formatInstantInZone } from '#src/ui/format.ts'

export type OutcomeImportItem = {
  id: string
  fileName: string
  fileId: string
  sha256: string
  status: 'preview' | 'committed' | 'undone'
  via: 'web' | 'cli'
  periodStart: string
  periodEnd: string
  rowCount: number
  /** Reports this import holds now (0 before commit and after undo). */
  written: number
  createdAt: string
  createdBy: string | null
  committedAt: string | null
  committedBy: string | null
  undoneAt: string | null
  undoneBy: string | null
}

const creator = alias(people, 'creator')
const committer = alias(people, 'committer')
const undoer = alias(people, 'undoer')

function selectImports(db: DbOrTx) {
  return db
    .select({
      id: imports.id,
      fileName: storedFiles.name,
      fileId: imports.fileId,
      sha256: imports.sha256,
      status: imports.status,
      via: imports.via,
      periodStart: imports.periodStart,
      periodEnd: imports.periodEnd,
      rowCount: imports.rowCount,
      written: sql<number>`(select count(*)::int from ${outcomeReports} where ${outcomeReports.importId} = ${imports.id})`,
      createdAt: imports.createdAt,
      createdBy: creator.fullName,
      committedAt: imports.committedAt,
      committedBy: committer.fullName,
      undoneAt: imports.undoneAt,
      undoneBy: undoer.fullName,
    })
    .from(imports)
    .innerJoin(storedFiles, eq(storedFiles.id, imports.fileId))
    .leftJoin(creator, eq(creator.id, imports.createdBy))
    .leftJoin(committer, eq(committer.id, imports.committedBy))
    .leftJoin(undoer, eq(undoer.id, imports.undoneBy))
}

/** Every outcome import, newest first. */
export async function listOutcomeImports(db: DbOrTx): Promise<OutcomeImportItem[]> {
  return selectImports(db).orderBy(desc(imports.createdAt), desc(imports.id))
}

/** One outcome import; undefined when there is none with this id. */
export async function getOutcomeImport(db: DbOrTx, id: string): Promise<OutcomeImportItem | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await selectImports(db).where(eq(imports.id, id))
  return row
}

/** The import that committed this file (by its SHA-256), if one did. */
export async function findCommitted(db: DbOrTx, sha256: string): Promise<OutcomeImportItem | undefined> {
  const [row] = await selectImports(db).where(
    and(eq(imports.sha256, sha256), eq(imports.status, 'committed')),
  )
  return row
}

/** "This file was already imported on November 26, 2026, 2:03 pm ET by Avery Staff: …" */
export const alreadyImported = (item: OutcomeImportItem, timeZone: string): string =>
  `This file was already imported on ${formatInstantInZone(item.committedAt ?? item.createdAt, timeZone)} by ${
    item.committedBy ?? 'the command line'
  }: nothing was written again.`

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
