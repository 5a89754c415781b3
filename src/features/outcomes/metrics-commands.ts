import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { type MetricUnit, outcomeMetrics } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError, refused } from '#src/lib/errors.ts'

/** What staff set on a metric; its key is chosen once, when it is added. */
export type MetricFields = {
  name: string
  description: string
  unit: MetricUnit
  sums: boolean
  position: number
}

/** A metric's key: lower case letters, digits and underscores, starting with a letter (the schema's check). */
export const METRIC_KEY = /^[a-z][a-z0-9_]{0,39}$/

async function lockMetric(tx: Tx, key: string) {
  const [metric] = await tx.select().from(outcomeMetrics).where(eq(outcomeMetrics.key, key)).for('update')
  if (!metric) throw new AppError('NOT_FOUND', { userMessage: `There is no metric "${key}".` })
  return metric
}

/** Whether any report figure or goal is written in this metric's unit. */
async function hasAmounts(tx: Tx, key: string): Promise<boolean> {
  const [row] = await queryRows<{ used: boolean }>(
    tx,
    sql`select exists (select 1 from outcome_figures where metric = ${key})
      or exists (select 1 from outcome_goals where metric = ${key}) as used`,
  )
  return row?.used === true
}

/**
 * Adds a metric communities report against.
 * @throws CONFLICT on `key` when it is not a key or already taken
 */
export async function addMetric(db: Db, input: MetricFields & { key: string }, actor: Actor): Promise<void> {
  if (!METRIC_KEY.test(input.key)) {
    throw refused(
      'key',
      'The key should be lower case letters, digits and underscores, starting with a letter (at most 40), such as jobs_created.',
    )
  }
  await writeAs(db, actor, async (tx) => {
    const [taken] = await tx
      .select({ key: outcomeMetrics.key })
      .from(outcomeMetrics)
      .where(eq(outcomeMetrics.key, input.key))
    if (taken) throw refused('key', `A metric already has the key "${input.key}"; choose another.`)
    await tx.insert(outcomeMetrics).values(input)
  })
}

/**
 * Changes a metric's name, description, unit, whether it sums, and its place in the list.
 * @throws CONFLICT on `unit` when figures or goals are already written in the old unit
 */
export async function editMetric(db: Db, key: string, input: MetricFields, actor: Actor): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    const metric = await lockMetric(tx, key)
    if (metric.unit !== input.unit && (await hasAmounts(tx, key))) {
      throw refused(
        'unit',
        `The unit of ${metric.name} cannot change: reports or goals already give it in ${metric.unit === 'usd' ? 'US dollars' : 'a count'}. Add a new metric for the other unit, and retire this one.`,
      )
    }
    await tx.update(outcomeMetrics).set(input).where(eq(outcomeMetrics.key, key))
  })
}

/** Retires a metric (no longer asked for; its figures stay and still count), or brings it back. */
export async function retireMetric(db: Db, key: string, retire: boolean, actor: Actor): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    await lockMetric(tx, key)
    await tx
      .update(outcomeMetrics)
      .set({ retiredAt: retire ? sql`hub_now()` : null })
      .where(eq(outcomeMetrics.key, key))
  })
}
