import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { isUuid } from '#src/lib/ids.ts'

export type OrganizationRef = {
  id: string
  slug: string
  name: string
  category: 'member' | 'bff'
}

/** An organisation (admitted or not) by its id or its slug; undefined when unknown. */
export async function findOrganization(db: DbOrTx, idOrSlug: string): Promise<OrganizationRef | undefined> {
  const where = isUuid(idOrSlug) ? sql`id = ${idOrSlug.toLowerCase()}::uuid` : sql`slug = ${idOrSlug}`
  const [row] = await queryRows<OrganizationRef>(
    db,
    sql`select id, slug, name, category from organizations where ${where}`,
  )
  return row
}
