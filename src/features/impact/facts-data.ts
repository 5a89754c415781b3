import { asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { organizations } from '#src/db/schema/index.ts'

export type FactOrganization = { id: string; slug: string; name: string }

/** Every organisation on record, by name: staff record facts on any of them. */
export async function listFactOrganizations(db: DbOrTx): Promise<FactOrganization[]> {
  return db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .orderBy(asc(organizations.name))
}

/** The organisation with this slug, admitted or not; undefined when none has it. */
export async function findFactOrganization(db: DbOrTx, slug: string): Promise<FactOrganization | undefined> {
  const [org] = await db
    .select({ id: organizations.id, slug: organizations.slug, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, slug))
  return org
}
