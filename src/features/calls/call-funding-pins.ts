import { and, count, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { grantPins } from '#src/db/schema/index.ts'

/**
 * How many funding opportunities staff pinned to a call that these audiences (`visibleTo`) may see.
 * The list itself is the grants feature's page, /calls/:date/funding: the grants feature already
 * depends on calls, so calls cannot show its parts (no cycles between features).
 */
export async function pinnedFundingCount(
  db: DbOrTx,
  callId: string,
  visibilities: readonly ('public' | 'members')[],
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(grantPins)
    .where(and(eq(grantPins.callId, callId), inArray(grantPins.visibility, [...visibilities])))
  return row?.n ?? 0
}
