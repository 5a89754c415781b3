import { asc, desc, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { applications } from '#src/db/schema/index.ts'
import { isoInstant } from './sql-parts.ts'
import type { ApplicationListItem } from './types.ts'

export async function listApplicationsOf(db: DbOrTx, personId: string): Promise<ApplicationListItem[]> {
  return db
    .select({
      id: applications.id,
      category: applications.category,
      status: applications.status,
      organizationName: applications.organizationName,
      round: applications.round,
      updatedAt: isoInstant(applications.updatedAt),
      submittedAt: sql<string | null>`${isoInstant(applications.submittedAt)}`,
    })
    .from(applications)
    .where(eq(applications.applicantId, personId))
    .orderBy(desc(applications.updatedAt), asc(applications.id))
}
