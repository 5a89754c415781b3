import { eq, sql } from 'drizzle-orm'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { people, type SeatRole, seats } from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { AppError, refused } from '#src/lib/errors.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { formatDate } from '#src/ui/format.ts'
import type { SeatHandover } from './handover-emails.ts'
import { covers, holdingsOf, lockOrganization, refuseIfNotDate, refuseIfWithdrawn } from './seat-change.ts'
import { FULL_NAME_MAX, fullNameMessage } from './seat-forms.ts'
import { assertSeatHistoryConsistent } from './seat-history.ts'
import { otherSeat, type SeatPerson, seatWord } from './seat-holders.ts'

export type HandoverOptions = {
  organizationId: string
  role: SeatRole
  /** The first day the new holder holds the seat (and the first day the current holder does not). */
  effectiveOn: string
  /** Today in the network's time zone: a handover dated earlier may not rewrite who held the seat. */
  today: string
} & ({ personId: string } | { newPerson: { fullName: string; email: string } })

export type HandoverResult = {
  seatId: string
  personId: string
  isNewPerson: boolean
  previousHolder: string | null
  /** Who the emails about the handover go to and what they name (see handover-emails.ts). */
  handover: SeatHandover
}

/**
 * Hands a seat over from `effectiveOn`, in one transaction recorded against `actor`: the current
 * holding ends on that date (exclusive) and the new one starts on it, so the earlier holder stays
 * on record for every earlier date. A new person is recorded (or found by email, any case).
 * Refuses a date on or before the current holder's first day, a date before today while someone
 * held the seat then, the current holder again, and a person who holds the other seat then.
 */
export async function handOverSeat(db: Db, actor: Actor, options: HandoverOptions): Promise<HandoverResult> {
  const { organizationId, role, effectiveOn, today } = options
  refuseIfNotDate(effectiveOn)
  return writeAs(db, actor, async (tx) => {
    const org = await lockOrganization(tx, organizationId)
    await refuseIfWithdrawn(tx, organizationId, effectiveOn)
    const { person, isNewPerson } = await resolvePerson(tx, organizationId, options)

    const holdings = await holdingsOf(tx, organizationId, role)
    const latest = holdings.at(-1)
    if (latest && effectiveOn <= latest.starts_on)
      throw refused(
        'effectiveOn',
        `${latest.full_name} took the ${seatWord[role]} seat on ${formatDate(latest.starts_on)}: a handover must take effect after that day.`,
      )
    const current = latest && covers(latest, effectiveOn) ? latest : undefined
    if (current?.person_id === person.id)
      throw refused(
        'person',
        `${person.fullName} already holds the ${seatWord[role]} seat on ${formatDate(effectiveOn)}.`,
      )
    if (current && effectiveOn < today)
      throw refused(
        'effectiveOn',
        `${current.full_name} held the ${seatWord[role]} seat on ${formatDate(effectiveOn)}: a handover cannot change who held it on past days. Use today or a later date.`,
      )
    const [both] = await queryRows<{ starts_on: string }>(
      tx,
      sql`select greatest(starts_on, ${effectiveOn}::date)::text as starts_on from seats
        where organization_id = ${organizationId} and role = ${otherSeat(role)} and person_id = ${person.id}
          and (ends_on is null or ends_on > ${effectiveOn}::date)
        order by starts_on limit 1`,
    )
    if (both)
      throw refused(
        'person',
        `${person.fullName} holds the ${seatWord[otherSeat(role)]} seat of ${org.name} on ${formatDate(both.starts_on)}: one person cannot hold both seats. Swap the seats instead, or first hand the ${seatWord[otherSeat(role)]} seat to someone else.`,
      )

    if (current) await tx.update(seats).set({ endsOn: effectiveOn }).where(eq(seats.id, current.id))
    const [created] = await tx
      .insert(seats)
      .values({
        organizationId,
        role,
        personId: person.id,
        startsOn: effectiveOn,
        endsOn: current?.ends_on ?? null,
      })
      .returning({ id: seats.id })
    await assertSeatHistoryConsistent(tx, organizationId)
    return {
      seatId: created?.id ?? '',
      personId: person.id,
      isNewPerson,
      previousHolder: current?.full_name ?? null,
      handover: {
        organization: { name: org.name },
        role,
        effectiveOn,
        incoming: person,
        outgoing: current
          ? { id: current.person_id, fullName: current.full_name, email: current.email }
          : null,
      },
    }
  })
}

/** The person the seat goes to: the one with this id, the one with this email, or someone new. */
async function resolvePerson(
  tx: Tx,
  organizationId: string,
  options: HandoverOptions,
): Promise<{ person: SeatPerson; isNewPerson: boolean }> {
  const columns = { id: people.id, fullName: people.fullName, email: people.email }
  if ('personId' in options) {
    const [found] = await tx.select(columns).from(people).where(eq(people.id, options.personId))
    if (!found) throw refused('person', 'No person on record has this id.')
    return { person: found, isNewPerson: false }
  }
  const email = options.newPerson.email.trim()
  const [found] = await tx.select(columns).from(people).where(sql`lower(${people.email}) = lower(${email})`)
  if (found) return { person: found, isNewPerson: false }
  const fullName = options.newPerson.fullName.trim()
  const nameProblem = singleLineProblem(options.newPerson.fullName, 'full name')
  if (nameProblem) throw refused('fullName', nameProblem)
  if (fullName.length < 1 || fullName.length > FULL_NAME_MAX) throw refused('fullName', fullNameMessage)
  const [created] = await tx.insert(people).values({ fullName, email, organizationId }).returning(columns)
  if (!created) throw new AppError('CONFLICT', { userMessage: 'The person could not be recorded.' })
  return { person: created, isNewPerson: true }
}
