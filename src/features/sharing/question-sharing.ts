/** Staff question a sharing record, and the organisation answers. */
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { sharingAttestations } from '#src/db/schema/index.ts'

/** Staff ask about a record: the question replaces any earlier one, and its answer is cleared. */
export async function questionSharing(
  db: Db,
  actor: Actor,
  options: { id: string; question: string; questionedBy: string },
): Promise<void> {
  await writeAs(db, actor, (tx) =>
    tx
      .update(sharingAttestations)
      .set({
        question: options.question,
        questionedBy: options.questionedBy,
        questionedAt: sql`hub_now()`,
        answer: null,
        answeredAt: null,
      })
      .where(eq(sharingAttestations.id, options.id)),
  )
}

/**
 * Saves the answer to the record's question (a later answer replaces it). False when no
 * question stands on the record.
 */
export async function answerSharing(
  db: Db,
  actor: Actor,
  options: { id: string; answer: string },
): Promise<boolean> {
  const rows = await writeAs(db, actor, (tx) =>
    tx
      .update(sharingAttestations)
      .set({ answer: options.answer, answeredAt: sql`hub_now()` })
      .where(and(eq(sharingAttestations.id, options.id), isNotNull(sharingAttestations.question)))
      .returning({ id: sharingAttestations.id }),
  )
  return rows.length > 0
}
