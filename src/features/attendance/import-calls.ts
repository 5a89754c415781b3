/** The call an import is for, found by its date (the address) or its id (the import's record). */
import { eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { calls } from '#src/db/schema/index.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { ImportCall } from './import-types.ts'

const callColumns = {
  id: calls.id,
  localDate: calls.localDate,
  startTime: calls.startTime,
  timeZone: calls.timeZone,
  startsAt: calls.startsAt,
  durationMinutes: calls.durationMinutes,
  status: calls.status,
}

export async function findCallByDate(db: DbOrTx, localDate: string): Promise<ImportCall | undefined> {
  const [call] = await db.select(callColumns).from(calls).where(eq(calls.localDate, localDate))
  return call
}

export async function findCallById(db: DbOrTx, id: string): Promise<ImportCall | undefined> {
  if (!isUuid(id)) return undefined
  const [call] = await db.select(callColumns).from(calls).where(eq(calls.id, id))
  return call
}
