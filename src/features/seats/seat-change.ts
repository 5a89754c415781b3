/** What a handover and a swap share: the holdings of a seat, read and locked inside the transaction. */
import { sql } from 'drizzle-orm'
import type { Tx } from '#src/db/client.ts'
import type { AdmissionEventKind, SeatRole } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { AppError, refused } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'

export type Holding = {
  id: string
  person_id: string
  full_name: string
  email: string
  starts_on: string
  ends_on: string | null
}

/** The holdings of one seat, oldest first, read inside the transaction. */
export const holdingsOf = (tx: Tx, organizationId: string, role: SeatRole) =>
  queryRows<Holding>(
    tx,
    sql`select s.id, s.person_id, p.full_name, p.email, s.starts_on::text as starts_on, s.ends_on::text as ends_on
      from seats s join people p on p.id = s.person_id
      where s.organization_id = ${organizationId} and s.role = ${role} order by s.starts_on, s.id`,
  )

export const covers = (h: Holding, onDate: string) =>
  h.starts_on <= onDate && (h.ends_on === null || h.ends_on > onDate)

/** Refuses a date that is not YYYY-MM-DD before anything is read. */
export function refuseIfNotDate(effectiveOn: string) {
  if (!isIsoDate(effectiveOn)) throw refused('effectiveOn', 'Enter the date as YYYY-MM-DD.')
}

/** Locks the organisation's row, so that seat changes of one organisation happen one at a time. */
export async function lockOrganization(tx: Tx, organizationId: string) {
  const [org] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from organizations where id = ${organizationId} for update`,
  )
  if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this id.' })
  return org
}

/** Refuses seat changes for an organisation whose latest admission event on `onDate` is a withdrawal. */
export async function refuseIfWithdrawn(tx: Tx, organizationId: string, onDate: string) {
  const [latest] = await queryRows<{ kind: AdmissionEventKind; effective_on: string }>(
    tx,
    sql`select kind, effective_on::text as effective_on from admission_events
      where organization_id = ${organizationId} and effective_on <= ${onDate}::date
      order by effective_on desc, recorded_at desc, id desc limit 1`,
  )
  if (latest?.kind === 'withdrawn')
    throw refused(
      'effectiveOn',
      `The organisation withdrew on ${formatDate(latest.effective_on)}: its seats cannot be filled after that.`,
    )
}
