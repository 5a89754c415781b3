import { eq, inArray, sql } from 'drizzle-orm'
import { writeAs } from '#src/db/actor.ts'
import type { Db, Tx } from '#src/db/client.ts'
import { attendanceAliases, importParticipants, type MatchMethod, people } from '#src/db/schema/index.ts'
import { AppError } from '#src/lib/errors.ts'
import { isUuid } from '#src/lib/ids.ts'
import { lockImport, writeImportAttendance } from './import-attendance.ts'
import type { ImportBy } from './import-types.ts'
import { foldName } from './parse/names.ts'

/** One participant's match: a person's id, or 'guest'. */
export type ParticipantChoice = { position: number; personId: string | 'guest' }

/**
 * Staff match one participant by hand: to a person (the name, and the email if any, are
 * remembered as aliases for later imports) or as a guest. Other unmatched rows of the same
 * import with the same name or email are matched too. On a committed import the call's
 * attendance changes in the same transaction.
 */
export async function resolveParticipant(
  db: Db,
  input: { importId: string; position: number; personId: string | 'guest'; by: ImportBy },
): Promise<void> {
  await resolveParticipants(db, { importId: input.importId, choices: [input], by: input.by })
}

/** Several participants of one import matched at once, in one transaction: all or none. */
export async function resolveParticipants(
  db: Db,
  input: { importId: string; choices: readonly ParticipantChoice[]; by: ImportBy },
): Promise<void> {
  await writeAs(db, input.by.actor, async (tx) => {
    const record = await lockImport(tx, input.importId)
    if (record.status === 'undone')
      throw new AppError('CONFLICT', { userMessage: 'This import was undone: it can no longer be changed.' })
    const rows = await participantRows(tx, record.id)
    const touched = new Set<string>()
    for (const choice of input.choices) {
      for (const id of await matchOne(tx, rows, choice, input.by)) touched.add(id)
    }
    if (record.status === 'committed') await writeImportAttendance(tx, record, [...touched])
  })
}

/** The import's participants, read once for all the choices of a transaction. */
const participantRows = (tx: Tx, importId: string) =>
  tx
    .select({
      id: importParticipants.id,
      position: importParticipants.position,
      name: importParticipants.name,
      email: importParticipants.email,
      personId: importParticipants.personId,
      match: importParticipants.match,
    })
    .from(importParticipants)
    .where(eq(importParticipants.importId, importId))

type ParticipantRow = Awaited<ReturnType<typeof participantRows>>[number]

/**
 * Matches one participant inside the transaction, keeping `rows` as the database now has them;
 * returns the people whose attendance it touches.
 */
async function matchOne(
  tx: Tx,
  rows: ParticipantRow[],
  input: ParticipantChoice,
  by: ImportBy,
): Promise<string[]> {
  const personId = input.personId === 'guest' ? null : input.personId
  if (personId !== null) {
    if (!isUuid(personId)) throw new AppError('BAD_INPUT', { userMessage: 'Choose a person from the list.' })
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId))
    if (!person) throw new AppError('BAD_INPUT', { userMessage: 'Choose a person from the list.' })
  }
  const target = rows.find((r) => r.position === input.position)
  if (!target)
    throw new AppError('NOT_FOUND', {
      userMessage: `This import has no participant number ${input.position}.`,
    })
  const nameKey = foldName(target.name)
  const email = target.email?.toLowerCase() ?? null
  const aliases: { kind: 'email' | 'name'; key: string }[] = [{ kind: 'name', key: nameKey }]
  if (email) {
    const [owner] = await tx
      .select({ id: people.id })
      .from(people)
      .where(sql`lower(${people.email}) = ${email}`)
    if (!owner) aliases.push({ kind: 'email', key: email })
  }
  for (const alias of aliases) {
    await tx
      .insert(attendanceAliases)
      .values({ ...alias, personId, createdBy: by.personId })
      .onConflictDoUpdate({
        target: [attendanceAliases.kind, attendanceAliases.key],
        set: { personId, createdBy: by.personId, createdAt: sql`hub_now()` },
      })
  }
  const affected = rows.filter(
    (r) =>
      r.id === target.id ||
      (r.match === null &&
        (foldName(r.name) === nameKey || (email !== null && r.email?.toLowerCase() === email))),
  )
  const match: MatchMethod = personId === null ? 'guest' : 'manual'
  await tx
    .update(importParticipants)
    .set({ personId, match })
    .where(
      inArray(
        importParticipants.id,
        affected.map((r) => r.id),
      ),
    )
  const before = target.personId
  for (const row of affected) Object.assign(row, { personId, match })
  return [before, personId].filter((id): id is string => id !== null)
}
