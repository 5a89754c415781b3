import { and, desc, eq } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { outcomeGoals, people } from '#src/db/schema/index.ts'
import { refused } from '#src/lib/errors.ts'
import { MAX_AMOUNT } from '#src/lib/money.ts'
import { listMetrics } from './metrics.ts'
import { checkPeriod, type OutcomePeriod } from './periods.ts'
import type { OutcomesBy } from './report-workflow.ts'

/** One version of a goal: its target (null: removed), who set it and when. */
export type GoalVersion = {
  metric: string
  periodStart: string
  periodEnd: string
  periodKind: OutcomePeriod['kind']
  target: number | null
  version: number
  setBy: string | null
  setAt: string
}

/**
 * Sets an organisation's goals for a period, metric by metric (null removes one). A goal that
 * changes gets a new version; the earlier one stays. Returns how many goals changed.
 */
export async function setGoals(
  db: Db,
  input: { organizationId: string; period: OutcomePeriod; targets: Record<string, number | null> },
  by: OutcomesBy,
): Promise<number> {
  const period = checkPeriod(input.period)
  const metrics = new Map((await listMetrics(db)).map((m) => [m.key, m]))
  for (const [key, target] of Object.entries(input.targets)) {
    const metric = metrics.get(key)
    if (!metric) throw refused(null, `There is no metric "${key}" in use.`)
    if (target !== null && (!Number.isSafeInteger(target) || target < 0 || target > MAX_AMOUNT)) {
      throw refused(`goal-${key}`, `The goal for ${metric.name} should be a whole amount of at least zero.`)
    }
  }
  return writeAs(db, by.actor, async (tx) => {
    let changed = 0
    for (const [metric, target] of Object.entries(input.targets)) {
      const where = and(
        eq(outcomeGoals.organizationId, input.organizationId),
        eq(outcomeGoals.metric, metric),
        eq(outcomeGoals.periodStart, period.start),
        eq(outcomeGoals.periodEnd, period.end),
      )
      const [latest] = await tx
        .select()
        .from(outcomeGoals)
        .where(where)
        .orderBy(desc(outcomeGoals.version))
        .limit(1)
      if ((latest?.target ?? null) === target) continue
      await tx.insert(outcomeGoals).values({
        organizationId: input.organizationId,
        metric,
        periodStart: period.start,
        periodEnd: period.end,
        periodKind: period.kind,
        designationId: period.designationId ?? null,
        target,
        version: (latest?.version ?? 0) + 1,
        setBy: by.personId,
      })
      changed += 1
    }
    return changed
  })
}

/** Every version of an organisation's goals, newest first, with the name of who set each. */
export async function goalHistory(db: DbOrTx, organizationId: string): Promise<GoalVersion[]> {
  const rows = await db
    .select({
      metric: outcomeGoals.metric,
      periodStart: outcomeGoals.periodStart,
      periodEnd: outcomeGoals.periodEnd,
      periodKind: outcomeGoals.periodKind,
      target: outcomeGoals.target,
      version: outcomeGoals.version,
      setBy: people.fullName,
      setAt: outcomeGoals.setAt,
    })
    .from(outcomeGoals)
    .leftJoin(people, eq(people.id, outcomeGoals.setBy))
    .where(eq(outcomeGoals.organizationId, organizationId))
    .orderBy(desc(outcomeGoals.periodEnd), outcomeGoals.metric, desc(outcomeGoals.version))
  return rows
}

/** The goals in force (latest version, not removed) of an organisation, by period and metric. */
export async function currentGoals(db: DbOrTx, organizationId: string): Promise<GoalVersion[]> {
  const seen = new Set<string>()
  return (await goalHistory(db, organizationId)).filter((goal) => {
    const key = `${goal.periodStart}/${goal.periodEnd}/${goal.metric}`
    if (seen.has(key)) return false
    seen.add(key)
    return goal.target !== null
  })
}
