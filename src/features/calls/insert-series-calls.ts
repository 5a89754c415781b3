import type { Tx } from '#src/db/client.ts'
import { type CallStatus, calls } from '#src/db/schema/index.ts'
import type { planCallSeries } from './schedule.ts'

/** Rows per insert: one insert of decades of Mondays would pass the bind-parameter limit. */
const INSERT_SLICE = 1_000

/**
 * Inserts planned weekly calls (holidays already cancelled by the plan), skipping any whose day or
 * series day is taken; returns the rows inserted. The one writer of the series, forward and back.
 */
export async function insertSeriesCalls(
  tx: Tx,
  planned: ReturnType<typeof planCallSeries>,
): Promise<{ status: CallStatus }[]> {
  const inserted: { status: CallStatus }[] = []
  for (let start = 0; start < planned.length; start += INSERT_SLICE) {
    const slice = planned.slice(start, start + INSERT_SLICE)
    inserted.push(
      ...(await tx
        .insert(calls)
        .values(
          slice.map((call) => ({
            localDate: call.localDate,
            startTime: call.startTime,
            timeZone: call.timeZone,
            startsAt: call.startsAt,
            durationMinutes: call.durationMinutes,
            status: call.cancelReason ? ('cancelled' as const) : ('scheduled' as const),
            cancelReason: call.cancelReason,
            isSeries: true,
            seriesDate: call.localDate,
          })),
        )
        // No target: a conflict on series_date or on local_date skips the row.
        .onConflictDoNothing()
        .returning({ status: calls.status })),
    )
  }
  return inserted
}
