import type { DbOrTx } from '#src/db/client.ts'
import { isIsoDate } from '#src/features/calls/dates.ts'
import { getSettings } from '#src/features/settings/settings.ts'
import { todayIn } from '#src/lib/dates.ts'

/**
 * The date the command line works on: today in the network's time zone, or HUB_TODAY
 * (YYYY-MM-DD) when set, so that scripts and tests can ask "as of" a given day.
 */
export async function cliToday(db: DbOrTx): Promise<string> {
  const fixed = process.env.HUB_TODAY
  if (fixed) {
    if (!isIsoDate(fixed)) throw new Error(`HUB_TODAY must be a date as YYYY-MM-DD, not "${fixed}"`)
    return fixed
  }
  return todayIn((await getSettings(db)).callTimeZone)
}
