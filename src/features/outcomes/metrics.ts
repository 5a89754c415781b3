import { asc, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { type MetricUnit, outcomeMetrics } from '#src/db/schema/index.ts'

/** A metric communities report against: its key, name, unit and whether it adds up across communities. */
export type Metric = {
  key: string
  name: string
  unit: MetricUnit
  description: string
  sums: boolean
  position: number
  retired: boolean
}

/**
 * The metrics in the order staff set, retired ones only when asked for (figures stay readable).
 * @example const metrics = await listMetrics(db) // the six defaults on a new database
 */
export async function listMetrics(db: DbOrTx, options: { includeRetired?: boolean } = {}): Promise<Metric[]> {
  const rows = await db
    .select()
    .from(outcomeMetrics)
    .where(options.includeRetired ? undefined : isNull(outcomeMetrics.retiredAt))
    .orderBy(asc(outcomeMetrics.position), asc(outcomeMetrics.key))
  return rows.map((row) => ({
    key: row.key,
    name: row.name,
    unit: row.unit,
    description: row.description,
    sums: row.sums,
    position: row.position,
    retired: row.retiredAt !== null,
  }))
}
