import { sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { queryRows } from '#src/db/sql.ts'
import { refused } from '#src/lib/errors.ts'
import { formatDate } from '#src/ui/format.ts'

/** The two kinds of term staff manage here (seats change through handovers on the organisation). */
export const termRoles = ['staff', 'board'] as const
export type TermRole = (typeof termRoles)[number]

const tableOf = (role: TermRole) => sql.raw(role === 'staff' ? 'staff_members' : 'board_members')
const aTermOf = (role: TermRole) => (role === 'staff' ? 'a staff term' : 'an Advisory Board term')

type TermRow = { id: string; personId: string; startsOn: string; endsOn: string | null }

const span = (t: { startsOn: string; endsOn: string | null }) =>
  t.endsOn
    ? `from ${formatDate(t.startsOn)} until ${formatDate(t.endsOn)}`
    : `from ${formatDate(t.startsOn)}, with no end`

/** The person's terms in this role, locked against a concurrent change (one writer per person and role). */
async function termsOf(tx: Tx, role: TermRole, personId: string): Promise<TermRow[]> {
  await tx.execute(sql`select id from people where id = ${personId}::uuid for update`)
  return queryRows<TermRow>(
    tx,
    sql`select id, person_id as "personId", starts_on::text as "startsOn", ends_on::text as "endsOn"
      from ${tableOf(role)} where person_id = ${personId}::uuid order by starts_on`,
  )
}

/** Refuses a span that overlaps another of the person's terms in the same role. */
function checkNoOverlap(others: TermRow[], role: TermRole, startsOn: string, endsOn: string | null) {
  const clash = others.find(
    (t) => (t.endsOn === null || startsOn < t.endsOn) && (endsOn === null || t.startsOn < endsOn),
  )
  if (clash)
    throw refused(
      'startsOn',
      `This person already has ${aTermOf(role)} ${span(clash)}. Terms in one role may not overlap: pick dates outside it, or end that term first.`,
    )
}

function checkOrdered(startsOn: string, endsOn: string | null) {
  if (endsOn !== null && endsOn <= startsOn)
    throw refused('endsOn', `The end date must be after the start date (${formatDate(startsOn)}).`)
}

/** Adds a staff or Advisory Board term (audited against `actor`); returns its id. */
export async function addTerm(
  db: Db,
  actor: `person:${string}`,
  options: {
    personId: string
    role: TermRole
    startsOn: string
    endsOn: string | null
    title?: string | null
  },
): Promise<string> {
  const { role, startsOn, endsOn } = options
  checkOrdered(startsOn, endsOn)
  return writeAs(db, actor, async (tx) => {
    checkNoOverlap(await termsOf(tx, role, options.personId), role, startsOn, endsOn)
    const [row] = await queryRows<{ id: string }>(
      tx,
      role === 'staff'
        ? sql`insert into staff_members (person_id, starts_on, ends_on, title)
            values (${options.personId}::uuid, ${startsOn}::date, ${endsOn}::date, ${options.title?.trim() || null})
            returning id`
        : sql`insert into board_members (person_id, starts_on, ends_on)
            values (${options.personId}::uuid, ${startsOn}::date, ${endsOn}::date) returning id`,
    )
    return row?.id ?? ''
  })
}

/**
 * Ends a term on `endsOn` (the first day no longer held; audited). A staff term is not ended
 * when that would leave the network without staff on the day it takes effect, nor by its own
 * holder when it is their last.
 */
export async function endTerm(
  db: Db,
  actor: `person:${string}`,
  options: { termId: string; role: TermRole; personId: string; endsOn: string; today: string },
): Promise<void> {
  const { role, endsOn, personId } = options
  await writeAs(db, actor, async (tx) => {
    const terms = await termsOf(tx, role, personId)
    const term = terms.find((t) => t.id === options.termId)
    if (!term) throw refused(null, 'This term is not one of this person’s: reload the page and try again.')
    checkOrdered(term.startsOn, endsOn)
    checkNoOverlap(
      terms.filter((t) => t.id !== term.id),
      role,
      term.startsOn,
      endsOn,
    )
    if (role === 'staff') await checkStaffRemain(tx, { ...options, actor })
    await tx.execute(sql`update ${tableOf(role)} set ends_on = ${endsOn}::date where id = ${term.id}::uuid`)
  })
}

/** The staff guard: someone is still staff once the term ends, and nobody ends their own last term. */
async function checkStaffRemain(
  tx: Tx,
  options: { termId: string; personId: string; endsOn: string; today: string; actor: string },
) {
  // One staff change at a time, so two staff members cannot end each other's last terms together.
  await tx.execute(sql`lock table staff_members in share row exclusive mode`)
  // ISO dates sort as text: the later of the end and today.
  const day = [options.endsOn, options.today].sort()[1] ?? options.today
  const [found] = await queryRows<{ others: number; ownOthers: number }>(
    tx,
    sql`select count(*)::int as others,
        count(*) filter (where person_id = ${options.personId}::uuid)::int as "ownOthers"
      from staff_members where id <> ${options.termId}::uuid
        and (ends_on is null or ends_on > ${day}::date) and starts_on <= ${day}::date`,
  )
  if (options.actor === `person:${options.personId}` && (found?.ownOthers ?? 0) === 0)
    throw refused('endsOn', 'You cannot end your own last staff term: another staff member has to do it.')
  if ((found?.others ?? 0) === 0)
    throw refused(
      'endsOn',
      `Ending this term would leave the network without staff from ${formatDate(day)}: add another staff term first.`,
    )
}
