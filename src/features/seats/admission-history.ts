import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { AdmissionEventKind } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'

export type AdmissionHistoryEntry = {
  id: string
  kind: AdmissionEventKind
  effectiveOn: string
  reason: string | null
  /** When it was recorded, ISO 8601 in UTC. */
  recordedAt: string
  /** Who recorded it, from the audit log (null for the demo or an import). */
  recordedBy: string | null
}

/** The organisation's admission history, newest first, with who recorded each entry. */
export async function admissionHistory(db: DbOrTx, organizationId: string): Promise<AdmissionHistoryEntry[]> {
  const rows = await queryRows<{
    id: string
    kind: AdmissionEventKind
    effective_on: string
    reason: string | null
    recorded_at: string
    recorded_by: string | null
  }>(
    db,
    sql`select e.id, e.kind, e.effective_on::text as effective_on, e.reason,
        to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at,
        coalesce(p.full_name, case when a.actor like 'token:%' then 'an API token' end) as recorded_by
      from admission_events e
      left join lateral (select l.actor from audit_log l where l.table_name = 'admission_events'
        and l.record_id = e.id::text and l.action = 'insert' order by l.at limit 1) a on true
      left join people p on a.actor like 'person:%' and p.id::text = substring(a.actor from 8)
      where e.organization_id = ${organizationId}
      order by e.effective_on desc, e.recorded_at desc, e.id desc`,
  )
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    effectiveOn: r.effective_on,
    reason: r.reason,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }))
}
