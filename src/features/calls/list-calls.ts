/** The calls listed on the calls page: the next ones and the latest held. */
import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { type CallRow, type CallView, selectCalls, toView } from './call-view.ts'
import { heldCallSql } from './held.ts'

/** The next calls from today on, cancelled ones included, in date order. */
export async function upcomingCalls(
  db: DbOrTx,
  options: { today: string; limit: number },
): Promise<CallView[]> {
  const rows = await queryRows<CallRow>(
    db,
    selectCalls(
      sql`c.local_date >= ${options.today}::date`,
      sql`order by c.local_date limit ${options.limit}`,
    ),
  )
  return rows.map(toView)
}

/** The latest calls held before today, most recent first. */
export async function recentHeldCalls(
  db: DbOrTx,
  options: { today: string; limit: number },
): Promise<CallView[]> {
  const rows = await queryRows<CallRow>(
    db,
    selectCalls(heldCallSql('c', options.today), sql`order by c.local_date desc limit ${options.limit}`),
  )
  return rows.map(toView)
}
