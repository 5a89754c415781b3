import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { getSettings } from '#src/features/settings/index.ts'
import { listVotes, type VoteRow } from './board-votes.ts'
import { isoInstant } from './sql-parts.ts'
import { type BoardOutcome, settledOutcome, type Tally } from './tally.ts'

/** What the application's page and emails say about a recorded decision. */
export type DecisionSummary = {
  outcome: BoardOutcome
  /** When it was recorded (ISO 8601, UTC). */
  decidedAt: string
  /** Who closed it: the board member whose vote settled it, or the staff member who closed it. */
  decidedBy: { personId: string; name: string } | null
  /** 'vote' when the outcome could no longer change and it closed by itself; 'staff' when staff closed it. */
  closedBy: 'vote' | 'staff'
  tally: Tally
  /** The recorded explanation (the 'decided' event's comment). */
  explanation: string
  /** The day the organisation was admitted (approvals), YYYY-MM-DD. */
  admittedOn: string | null
  /** The organisation created on admission. */
  organization: { id: string; slug: string; name: string } | null
  /** Every vote on record: who, what, their comment, when, and whether it counted. */
  votes: VoteRow[]
}

const tallyShape = z.object({
  approve: z.number(),
  reject: z.number(),
  abstain: z.number(),
  eligible: z.number(),
  quorum: z.number(),
})

/**
 * The Advisory Board's decision on an application, for any page that shows it (staff,
 * board, the applicant's own page); undefined while there is none.
 */
export async function decisionSummary(
  db: DbOrTx,
  applicationId: string,
): Promise<DecisionSummary | undefined> {
  if (!z.uuid().safeParse(applicationId).success) return undefined
  const settings = await getSettings(db)
  const [row] = await queryRows<{
    outcome: BoardOutcome
    decided_at: string
    decided_on: string
    decided_by: string | null
    decided_by_name: string | null
    tally: unknown
    admitted_on: string | null
    explanation: string | null
    org_id: string | null
    org_slug: string | null
    org_name: string | null
  }>(
    db,
    sql`select d.outcome, ${isoInstant(sql`d.decided_at`)} as decided_at,
        to_char(d.decided_at at time zone ${settings.callTimeZone}, 'YYYY-MM-DD') as decided_on,
        d.decided_by, p.full_name as decided_by_name, d.tally, d.admitted_on::text as admitted_on,
        (select e.comment from application_events e where e.application_id = d.application_id
          and e.kind = 'decided' order by e.created_at desc limit 1) as explanation,
        o.id as org_id, o.slug as org_slug, o.name as org_name
      from application_decisions d
      join applications a on a.id = d.application_id
      left join people p on p.id = d.decided_by
      left join organizations o on o.id = a.organization_id
      where d.application_id = ${applicationId}`,
  )
  if (!row) return undefined
  const tally = tallyShape.parse(row.tally)
  return {
    outcome: row.outcome,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by ? { personId: row.decided_by, name: row.decided_by_name ?? '' } : null,
    closedBy: settledOutcome(tally) ? 'vote' : 'staff',
    tally,
    explanation: row.explanation ?? '',
    admittedOn: row.admitted_on,
    organization:
      row.org_id && row.org_slug && row.org_name
        ? { id: row.org_id, slug: row.org_slug, name: row.org_name }
        : null,
    votes: await listVotes(db, applicationId, row.decided_on),
  }
}
