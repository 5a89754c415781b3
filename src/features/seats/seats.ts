import { and, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx, Tx } from '#src/db/client.ts'
import {
  type AdmissionEventKind,
  invitations,
  people,
  type SeatRole,
  seatRoles,
  seats,
} from '#src/db/schema/index.ts'
import { queryRows } from '#src/db/sql.ts'
import { invitePerson } from '#src/features/auth/index.ts'
import { addDays, isIsoDate } from '#src/lib/dates.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { formatDate } from '#src/ui/format.ts'
import { ChangeRefused } from './organization-status.ts'

export const seatLabels: Record<SeatRole, string> = {
  representative: 'Representative',
  alternate: 'Alternate',
}
const seatWord: Record<SeatRole, string> = { representative: 'representative', alternate: 'alternate' }
const otherSeat = (role: SeatRole): SeatRole => (role === 'representative' ? 'alternate' : 'representative')

export type SeatPerson = { id: string; fullName: string; email: string }

export type SeatHolding = {
  seatId: string
  role: SeatRole
  person: SeatPerson
  /** The first day held. */
  startsOn: string
  /** The first day no longer held (exclusive); null while still held. */
  endsOn: string | null
}

export type OrganizationRef = {
  id: string
  slug: string
  name: string
  category: 'member' | 'bff'
}

/** An organisation (admitted or not) by its id or its slug; undefined when unknown. */
export async function findOrganization(db: DbOrTx, idOrSlug: string): Promise<OrganizationRef | undefined> {
  const where = isUuid(idOrSlug) ? sql`id = ${idOrSlug.toLowerCase()}::uuid` : sql`slug = ${idOrSlug}`
  const [row] = await queryRows<OrganizationRef>(
    db,
    sql`select id, slug, name, category from organizations where ${where}`,
  )
  return row
}

const heldOn = (onDate: string) =>
  sql`${seats.startsOn} <= ${onDate}::date and (${seats.endsOn} is null or ${seats.endsOn} > ${onDate}::date)`

/** Who held the organisation's representative or alternate seat on `onDate`, or null when nobody did. */
export async function seatHolderOn(
  db: DbOrTx,
  options: { organizationId: string; role: SeatRole; onDate: string },
): Promise<SeatPerson | null> {
  const [row] = await db
    .select({ id: people.id, fullName: people.fullName, email: people.email })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .where(
      and(
        eq(seats.organizationId, options.organizationId),
        eq(seats.role, options.role),
        heldOn(options.onDate),
      ),
    )
    .orderBy(desc(seats.startsOn))
    .limit(1)
  return row ?? null
}

/** Both seats' holders on `onDate` (null for a vacant seat). */
export async function seatHoldersOn(
  db: DbOrTx,
  organizationId: string,
  onDate: string,
): Promise<Record<SeatRole, SeatPerson | null>> {
  const [representative, alternate] = await Promise.all(
    seatRoles.map((role) => seatHolderOn(db, { organizationId, role, onDate })),
  )
  return { representative: representative ?? null, alternate: alternate ?? null }
}

/** Every holding of the organisation's seats, newest first (by first day, representative first). */
export async function seatHistory(db: DbOrTx, organizationId: string): Promise<SeatHolding[]> {
  const rows = await db
    .select({
      seatId: seats.id,
      role: seats.role,
      personId: people.id,
      fullName: people.fullName,
      email: people.email,
      startsOn: seats.startsOn,
      endsOn: seats.endsOn,
    })
    .from(seats)
    .innerJoin(people, eq(people.id, seats.personId))
    .where(eq(seats.organizationId, organizationId))
    .orderBy(desc(seats.startsOn), seats.role, seats.id)
  return rows.map((r) => ({
    seatId: r.seatId,
    role: r.role,
    person: { id: r.personId, fullName: r.fullName, email: r.email },
    startsOn: r.startsOn,
    endsOn: r.endsOn,
  }))
}

/** The organisations whose representative seat this person holds on `onDate`. */
export async function representativeOf(
  db: DbOrTx,
  personId: string | null,
  onDate: string,
): Promise<string[]> {
  if (!personId) return []
  const rows = await db
    .select({ organizationId: seats.organizationId })
    .from(seats)
    .where(and(eq(seats.personId, personId), eq(seats.role, 'representative'), heldOn(onDate)))
  return rows.map((r) => r.organizationId)
}

type Holding = { id: string; person_id: string; full_name: string; starts_on: string; ends_on: string | null }

/** The holdings of one seat, oldest first, read inside the transaction. */
const holdingsOf = (tx: Tx, organizationId: string, role: SeatRole) =>
  queryRows<Holding>(
    tx,
    sql`select s.id, s.person_id, p.full_name, s.starts_on::text as starts_on, s.ends_on::text as ends_on
      from seats s join people p on p.id = s.person_id
      where s.organization_id = ${organizationId} and s.role = ${role} order by s.starts_on, s.id`,
  )

const covers = (h: Holding, onDate: string) =>
  h.starts_on <= onDate && (h.ends_on === null || h.ends_on > onDate)

/** Locks the organisation's row, so that seat changes of one organisation happen one at a time. */
async function lockOrganization(tx: Tx, organizationId: string) {
  const [org] = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from organizations where id = ${organizationId} for update`,
  )
  if (!org) throw new AppError('NOT_FOUND', { userMessage: 'No organisation has this id.' })
  return org
}

/** Refuses seat changes for an organisation whose latest admission event on `onDate` is a withdrawal. */
async function refuseIfWithdrawn(tx: Tx, organizationId: string, onDate: string) {
  const [latest] = await queryRows<{ kind: AdmissionEventKind; effective_on: string }>(
    tx,
    sql`select kind, effective_on::text as effective_on from admission_events
      where organization_id = ${organizationId} and effective_on <= ${onDate}::date
      order by effective_on desc, recorded_at desc, id desc limit 1`,
  )
  if (latest?.kind === 'withdrawn')
    throw new ChangeRefused(
      'effectiveOn',
      `The organisation withdrew on ${formatDate(latest.effective_on)}: its seats cannot be filled after that.`,
    )
}

/**
 * Checks, inside the transaction, that no two holdings of one seat overlap and that nobody
 * holds both seats of the organisation on the same day; throws (rolling back) otherwise.
 */
export async function assertSeatHistoryConsistent(tx: DbOrTx, organizationId: string): Promise<void> {
  const [overlap] = await queryRows<{ role: SeatRole; first: string; second: string; from_date: string }>(
    tx,
    sql`select a.role, pa.full_name as first, pb.full_name as second,
        greatest(a.starts_on, b.starts_on)::text as from_date
      from seats a
      join seats b on b.organization_id = a.organization_id and b.id <> a.id
        and daterange(a.starts_on, a.ends_on) && daterange(b.starts_on, b.ends_on)
        and (b.role = a.role and a.id < b.id or b.role <> a.role and b.person_id = a.person_id and a.role = 'representative')
      join people pa on pa.id = a.person_id
      join people pb on pb.id = b.person_id
      where a.organization_id = ${organizationId}
      limit 1`,
  )
  if (!overlap) return
  const message =
    overlap.first === overlap.second
      ? `${overlap.first} would hold both seats from ${formatDate(overlap.from_date)}: one person holds one seat.`
      : `${overlap.first} and ${overlap.second} would both hold the ${seatWord[overlap.role]} seat from ${formatDate(overlap.from_date)}.`
  throw new ChangeRefused(null, `The seat history would overlap, so nothing was changed. ${message}`)
}

export type HandoverOptions = {
  organizationId: string
  role: SeatRole
  /** The first day the new holder holds the seat (and the first day the current holder does not). */
  effectiveOn: string
  /** Today in the network's time zone: a handover dated earlier may not rewrite who held the seat. */
  today: string
} & ({ personId: string } | { newPerson: { fullName: string; email: string } })

/**
 * Hands a seat over from `effectiveOn`, in one transaction recorded against `actor`: the current
 * holding ends on that date (exclusive) and the new one starts on it, so the earlier holder stays
 * on record for every earlier date. A new person is recorded (or found by email, any case).
 * Refuses a date on or before the current holder's first day, a date before today while someone
 * held the seat then, the current holder again, and a person who holds the other seat then.
 */
export async function handOverSeat(
  db: Db,
  actor: Actor,
  options: HandoverOptions,
): Promise<{ seatId: string; personId: string; isNewPerson: boolean; previousHolder: string | null }> {
  const { organizationId, role, effectiveOn, today } = options
  if (!isIsoDate(effectiveOn)) throw new ChangeRefused('effectiveOn', 'Enter the date as YYYY-MM-DD.')
  return writeAs(db, actor, async (tx) => {
    const org = await lockOrganization(tx, organizationId)
    await refuseIfWithdrawn(tx, organizationId, effectiveOn)
    const { person, isNewPerson } = await resolvePerson(tx, organizationId, options)

    const holdings = await holdingsOf(tx, organizationId, role)
    const latest = holdings.at(-1)
    if (latest && effectiveOn <= latest.starts_on)
      throw new ChangeRefused(
        'effectiveOn',
        `${latest.full_name} took the ${seatWord[role]} seat on ${formatDate(latest.starts_on)}: a handover must take effect after that day.`,
      )
    const current = latest && covers(latest, effectiveOn) ? latest : undefined
    if (current?.person_id === person.id)
      throw new ChangeRefused(
        'person',
        `${person.fullName} already holds the ${seatWord[role]} seat on ${formatDate(effectiveOn)}.`,
      )
    if (current && effectiveOn < today)
      throw new ChangeRefused(
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
      throw new ChangeRefused(
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
    }
  })
}

async function resolvePerson(
  tx: Tx,
  organizationId: string,
  options: HandoverOptions,
): Promise<{ person: SeatPerson; isNewPerson: boolean }> {
  const columns = { id: people.id, fullName: people.fullName, email: people.email }
  if ('personId' in options) {
    const [found] = await tx.select(columns).from(people).where(eq(people.id, options.personId))
    if (!found) throw new ChangeRefused('person', 'No person on record has this id.')
    return { person: found, isNewPerson: false }
  }
  const email = options.newPerson.email.trim()
  const [found] = await tx.select(columns).from(people).where(sql`lower(${people.email}) = lower(${email})`)
  if (found) return { person: found, isNewPerson: false }
  const fullName = options.newPerson.fullName.trim()
  const nameProblem = singleLineProblem(options.newPerson.fullName, 'full name')
  if (nameProblem) throw new ChangeRefused('fullName', nameProblem)
  if (fullName.length < 1 || fullName.length > FULL_NAME_MAX)
    throw new ChangeRefused('fullName', fullNameMessage)
  const [created] = await tx.insert(people).values({ fullName, email, organizationId }).returning(columns)
  if (!created) throw new AppError('CONFLICT', { userMessage: 'The person could not be recorded.' })
  return { person: created, isNewPerson: true }
}

/**
 * Exchanges the representative and the alternate from `effectiveOn` (today or later), in one
 * transaction: both holdings end on that date and two new ones start on it with the roles swapped.
 */
export async function swapSeats(
  db: Db,
  actor: Actor,
  options: { organizationId: string; effectiveOn: string; today: string },
): Promise<{ representative: string; alternate: string }> {
  const { organizationId, effectiveOn, today } = options
  if (!isIsoDate(effectiveOn)) throw new ChangeRefused('effectiveOn', 'Enter the date as YYYY-MM-DD.')
  return writeAs(db, actor, async (tx) => {
    await lockOrganization(tx, organizationId)
    await refuseIfWithdrawn(tx, organizationId, effectiveOn)
    const held: Holding[] = []
    for (const role of seatRoles) {
      const latest = (await holdingsOf(tx, organizationId, role)).at(-1)
      if (latest && effectiveOn <= latest.starts_on)
        throw new ChangeRefused(
          'effectiveOn',
          `${latest.full_name} took the ${seatWord[role]} seat on ${formatDate(latest.starts_on)}: a swap must take effect after that day.`,
        )
      if (!latest || !covers(latest, effectiveOn))
        throw new ChangeRefused(
          'effectiveOn',
          `Nobody holds the ${seatWord[role]} seat on ${formatDate(effectiveOn)}, so there is nothing to swap: hand the seat over instead.`,
        )
      held.push(latest)
    }
    const [representative, alternate] = held as [Holding, Holding]
    if (effectiveOn < today)
      throw new ChangeRefused(
        'effectiveOn',
        `${representative.full_name} and ${alternate.full_name} held their seats on ${formatDate(effectiveOn)}: a swap cannot change who held them on past days. Use today or a later date.`,
      )
    for (const holding of held)
      await tx.update(seats).set({ endsOn: effectiveOn }).where(eq(seats.id, holding.id))
    await tx.insert(seats).values([
      {
        organizationId,
        role: 'representative',
        personId: alternate.person_id,
        startsOn: effectiveOn,
        endsOn: representative.ends_on,
      },
      {
        organizationId,
        role: 'alternate',
        personId: representative.person_id,
        startsOn: effectiveOn,
        endsOn: alternate.ends_on,
      },
    ])
    await assertSeatHistoryConsistent(tx, organizationId)
    return { representative: alternate.full_name, alternate: representative.full_name }
  })
}

/**
 * Invites a seat's new holder who has no sign-in account and no invitation still open, with the
 * invitations module (one record, then the email with the link to choose a password).
 */
export async function inviteSeatHolder(
  db: Db,
  mailer: Mailer,
  options: { personId: string; invitedBy: { personId: string; name: string }; origin: string },
): Promise<'invited' | 'has-account' | 'already-invited'> {
  const [person] = await db
    .select({ fullName: people.fullName, email: people.email, userId: people.userId })
    .from(people)
    .where(eq(people.id, options.personId))
  if (!person) throw new AppError('NOT_FOUND', { userMessage: 'No person on record has this id.' })
  if (person.userId) return 'has-account'
  const [open] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.personId, options.personId),
        sql`${invitations.acceptedAt} is null and ${invitations.expiresAt} > hub_now()`,
      ),
    )
    .limit(1)
  if (open) return 'already-invited'
  await invitePerson(db, mailer, {
    fullName: person.fullName,
    email: person.email,
    invitedBy: options.invitedBy,
    origin: options.origin,
  })
  return 'invited'
}

// The forms: what people type, checked before anything is written.

export const FULL_NAME_MAX = 200
const fullNameMessage = `Enter the full name of the new holder, 1 to ${FULL_NAME_MAX} characters.`
const dateMessage = 'Enter a date such as 2026-12-01 (year, month, day).'

const text = (max: number) => z.string().max(max).catch('')

export type HandoverForm = { role: string; email: string; fullName: string; effectiveOn: string }
export type HandoverErrors = Partial<Record<'role' | 'email' | 'fullName' | 'effectiveOn', string>>

const handoverFields = z.object({
  role: text(50),
  email: text(100_000),
  fullName: text(100_000),
  effectiveOn: text(50),
})

/** The handover form as typed (trimmed), from the posted fields. */
export function readHandoverForm(fields: Record<string, unknown>): HandoverForm {
  const f = handoverFields.parse(fields)
  return {
    role: f.role.trim(),
    email: f.email.trim(),
    fullName: f.fullName.trim(),
    effectiveOn: f.effectiveOn.trim(),
  }
}

/**
 * Checks the handover form. `isKnownEmail` says whether a person already has this email (their
 * name on record is then used and the name field is not needed).
 */
export function checkHandoverForm(
  form: HandoverForm,
  isKnownEmail: boolean,
):
  | { ok: true; role: SeatRole; email: string; fullName: string; effectiveOn: string }
  | { ok: false; errors: HandoverErrors } {
  const errors: HandoverErrors = {}
  const role = seatRoles.find((r) => r === form.role)
  if (!role) errors.role = 'Choose the seat to hand over: representative or alternate.'
  const emailProblem = singleLineProblem(form.email, 'email address')
  const nameProblem = singleLineProblem(form.fullName, 'full name')
  if (emailProblem) errors.email = emailProblem
  else if (form.email.length > 320 || !z.email().safeParse(form.email).success)
    errors.email = 'Enter the email address of the new holder, such as name@example.org.'
  else if (!isKnownEmail && nameProblem) errors.fullName = nameProblem
  else if (!isKnownEmail && (form.fullName.length < 1 || form.fullName.length > FULL_NAME_MAX))
    errors.fullName =
      form.fullName.length === 0
        ? `Nobody on record has this email: enter the full name of the new holder, 1 to ${FULL_NAME_MAX} characters.`
        : fullNameMessage
  if (!isIsoDate(form.effectiveOn)) errors.effectiveOn = dateMessage
  if (!role || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, role, email: form.email, fullName: form.fullName, effectiveOn: form.effectiveOn }
}

/** The swap form: only its date. */
export function checkSwapForm(fields: Record<string, unknown>): { effectiveOn: string; error?: string } {
  const effectiveOn = text(50).parse(fields.effectiveOn).trim()
  return isIsoDate(effectiveOn) ? { effectiveOn } : { effectiveOn, error: dateMessage }
}

/** The last day a holding covers (its end is exclusive), or null while it is open. */
export const lastDayHeld = (holding: { endsOn: string | null }): string | null =>
  holding.endsOn ? addDays(holding.endsOn, -1) : null
