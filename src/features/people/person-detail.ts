import { sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { type AccountState, accountStateSql, hasEmailSql, isoSql } from './person-sql.ts'

/** Whether a dated record is over, running, or still to come on the day the page was read. */
export type Period = 'past' | 'current' | 'coming'
export type Term = {
  id: string
  startsOn: string
  endsOn: string | null
  title: string | null
  period: Period
}
export type SeatTerm = Term & { role: 'representative' | 'alternate'; organization: string; slug: string }
export type InvitationRow = {
  id: string
  sentAt: string
  expiresAt: string
  acceptedAt: string | null
  invitedBy: string | null
  state: 'pending' | 'accepted' | 'expired'
}

export type PersonDetail = {
  id: string
  fullName: string
  email: string
  hasEmail: boolean
  title: string | null
  worksFor: { name: string; slug: string } | null
  /** The account's id and sign-in address, when the person has an account. */
  userId: string | null
  accountEmail: string | null
  account: AccountState
  seats: SeatTerm[]
  staffTerms: Term[]
  boardTerms: Term[]
  invitations: InvitationRow[]
}

const period = (day: string) => sql`case when t.starts_on > ${day}::date then 'coming'
  when t.ends_on is not null and t.ends_on <= ${day}::date then 'past' else 'current' end`

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'No person on record has this address.' })

/** The id when a person on record has it (what the person page's forms post to); else not found. */
export async function knownPersonId(db: DbOrTx, personId: string): Promise<string> {
  if (!isUuid(personId)) throw notFound()
  const [found] = await queryRows<{ id: string }>(db, sql`select id from people where id = ${personId}::uuid`)
  if (!found) throw notFound()
  return found.id
}

/** Everything the person page shows but the activity: contact, seats, terms, account, invitations. */
export async function personDetail(db: DbOrTx, personId: string, today: string): Promise<PersonDetail> {
  if (!isUuid(personId)) throw notFound()
  const [person] = await queryRows<Omit<PersonDetail, 'seats' | 'staffTerms' | 'boardTerms' | 'invitations'>>(
    db,
    sql`select p.id, p.full_name as "fullName", p.email, ${hasEmailSql} as "hasEmail", p.title,
        case when o.id is null then null else json_build_object('name', o.name, 'slug', o.slug) end as "worksFor",
        p.user_id as "userId", u.email as "accountEmail", ${accountStateSql} as account
      from people p left join organizations o on o.id = p.organization_id
        left join auth_users u on u.id = p.user_id
      where p.id = ${personId}::uuid`,
  )
  if (!person) throw notFound()
  const order = sql`order by t.starts_on desc, t.id`
  const [seats, staffTerms, boardTerms, invitations] = await Promise.all([
    queryRows<SeatTerm>(
      db,
      sql`select t.id, t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", null as title,
          ${period(today)} as period, t.role, o.name as organization, o.slug
        from seats t join organizations o on o.id = t.organization_id where t.person_id = ${personId}::uuid ${order}`,
    ),
    queryRows<Term>(
      db,
      sql`select t.id, t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", t.title, ${period(today)} as period
        from staff_members t where t.person_id = ${personId}::uuid ${order}`,
    ),
    queryRows<Term>(
      db,
      sql`select t.id, t.starts_on::text as "startsOn", t.ends_on::text as "endsOn", null as title, ${period(today)} as period
        from board_members t where t.person_id = ${personId}::uuid ${order}`,
    ),
    queryRows<InvitationRow>(
      db,
      sql`select i.id, ${isoSql(sql`i.created_at`)} as "sentAt", ${isoSql(sql`i.expires_at`)} as "expiresAt",
          ${isoSql(sql`i.accepted_at`)} as "acceptedAt",
          inviter.full_name as "invitedBy",
          case when i.accepted_at is not null then 'accepted' when i.expires_at <= hub_now() then 'expired'
            else 'pending' end as state
        from invitations i left join people inviter on inviter.id = i.invited_by
        where i.person_id = ${personId}::uuid order by i.created_at desc, i.id limit 10`,
    ),
  ])
  return { ...person, seats, staffTerms, boardTerms, invitations }
}
