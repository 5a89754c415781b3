import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { AdmissionEventKind } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'

/** An organisation's admission state on `onDate` (the latest event's kind, null before the first) and since when. */
export async function admissionStateOn(
  db: DbOrTx,
  organizationId: string,
  onDate: string,
): Promise<{ state: AdmissionEventKind | null; since: string | null }> {
  const [row] = await queryRows<{ kind: AdmissionEventKind; effective_on: string }>(
    db,
    sql`select kind, effective_on::text as effective_on from admission_events
      where organization_id = ${organizationId} and effective_on <= ${onDate}::date
      order by effective_on desc, recorded_at desc, id desc limit 1`,
  )
  return { state: row?.kind ?? null, since: row?.effective_on ?? null }
}

/** An organisation's admission history, oldest first (the events as recorded). */
export async function admissionEventsOf(
  db: DbOrTx,
  organizationId: string,
): Promise<{ kind: AdmissionEventKind; effectiveOn: string }[]> {
  return queryRows<{ kind: AdmissionEventKind; effectiveOn: string }>(
    db,
    sql`select kind, effective_on::text as "effectiveOn" from admission_events
      where organization_id = ${organizationId} order by effective_on, recorded_at, id`,
  )
}
