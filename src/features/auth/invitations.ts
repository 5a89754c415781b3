import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, gt, isNull, type SQLWrapper, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { writeAs } from '#src/db/actor.ts'
import type { Db, DbOrTx } from '#src/db/client.ts'
import { invitations, people } from '#src/db/schema/index.ts'
import type { Auth } from '#src/http/auth.ts'
import { AppError } from '#src/lib/errors.ts'
import type { Mailer } from '#src/lib/mailer.ts'
import { currentChrome } from '#src/ui/site-chrome.ts'
import { ensurePasswordAccount } from './passwords.ts'

/** How long an invitation link works. */
export const INVITATION_DAYS = 7

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Whether a string could be an invitation token at all (the link's last segment). */
export const isInvitationTokenShape = (token: string) => /^[\w-]{32,64}$/.test(token)

/**
 * Records an invitation inside the caller's transaction (for a seat when `seatId` is given) and
 * returns the token for the emailed link (only its hash is kept).
 */
export async function insertInvitation(
  tx: DbOrTx,
  options: { personId: string; invitedBy: string | null; seatId?: string },
): Promise<{ invitationId: string; token: string }> {
  const token = randomBytes(32).toString('base64url')
  const [row] = await tx
    .insert(invitations)
    .values({
      personId: options.personId,
      tokenHash: hashInvitationToken(token),
      invitedBy: options.invitedBy,
      seatId: options.seatId ?? null,
      expiresAt: sql`hub_now() + make_interval(days => ${INVITATION_DAYS})`,
    })
    .returning({ id: invitations.id })
  if (!row) throw new Error('the invitation was not recorded')
  return { invitationId: row.id, token }
}

/**
 * The person on record with this email (any case), or a new person recorded with these values
 * (name and title trimmed), inside the caller's transaction.
 */
export async function findOrRecordPerson(
  tx: DbOrTx,
  values: { fullName: string; email: string; title?: string; organizationId?: string },
): Promise<{ person: { id: string; fullName: string; email: string }; isNew: boolean; hasAccount: boolean }> {
  const email = values.email.trim()
  const columns = { id: people.id, fullName: people.fullName, email: people.email }
  const [found] = await tx
    .select({ ...columns, userId: people.userId })
    .from(people)
    .where(sql`lower(${people.email}) = lower(${email})`)
  if (found) {
    const { userId, ...person } = found
    return { person, isNew: false, hasAccount: userId !== null }
  }
  const [recorded] = await tx
    .insert(people)
    .values({
      fullName: values.fullName.trim(),
      email,
      title: values.title?.trim() || null,
      organizationId: values.organizationId ?? null,
    })
    .returning(columns)
  if (!recorded) throw new AppError('CONFLICT', { userMessage: 'The person could not be recorded.' })
  return { person: recorded, isNew: true, hasAccount: false }
}

/**
 * Invites a person by email: finds them (any case) or records them, keeps the hash of a
 * new random token, and emails them the link. The records are written in one transaction
 * against the inviting staff member; the email goes out after it committed.
 */
export async function invitePerson(
  db: Db,
  mailer: Mailer,
  options: { fullName: string; email: string; invitedBy: { personId: string; name: string }; origin: string },
): Promise<{ invitationId: string; personId: string; isNewPerson: boolean }> {
  const email = options.email.trim()
  const { invitationId, token, person, isNewPerson, hasAccount } = await writeAs(
    db,
    `person:${options.invitedBy.personId}`,
    async (tx) => {
      const { person, isNew, hasAccount } = await findOrRecordPerson(tx, {
        fullName: options.fullName,
        email,
      })
      const recorded = await insertInvitation(tx, {
        personId: person.id,
        invitedBy: options.invitedBy.personId,
      })
      return { ...recorded, person, isNewPerson: isNew, hasAccount }
    },
  )
  const link = `${options.origin}/invitations/${token}`
  const how = hasAccount
    ? `You already have an account: open this link, sign in as usual with your own password, and accept (the link works once, for ${INVITATION_DAYS} days):`
    : `Choose your password here (the link works once, for ${INVITATION_DAYS} days):`
  await mailer.send({
    to: person.email,
    subject: `You are invited to the ${currentChrome().name}`,
    text: `Hello ${person.fullName},\n\n${options.invitedBy.name} invited you to the ${currentChrome().name} site, where the network's members, staff and Advisory Board work together.\n\n${how}\n${link}\n\nIf you did not expect this invitation, ignore this email.\n`,
  })
  return { invitationId, personId: person.id, isNewPerson }
}

export const commitmentsRequired =
  'Confirm the commitments of the seat to accept it: tick the box under them.'

export type InvitationState = 'pending' | 'accepted' | 'expired'

export type InvitationListItem = {
  id: string
  fullName: string
  email: string
  invitedByName: string | null
  /** The dates in the network's time zone (YYYY-MM-DD). */
  createdOn: string
  expiresOn: string
  acceptedOn: string | null
  state: InvitationState
}

const stateOf = sql<InvitationState>`case when ${invitations.acceptedAt} is not null then 'accepted'
  when ${invitations.expiresAt} <= hub_now() then 'expired' else 'pending' end`

/** Every invitation, newest first, with who was invited and by whom. */
export async function listInvitations(
  db: DbOrTx,
  options: { timeZone: string; limit?: number },
): Promise<InvitationListItem[]> {
  const inviter = alias(people, 'inviter')
  const day = (column: SQLWrapper) =>
    sql<string>`to_char(${column} at time zone ${options.timeZone}, 'YYYY-MM-DD')`
  return db
    .select({
      id: invitations.id,
      fullName: people.fullName,
      email: people.email,
      invitedByName: inviter.fullName,
      createdOn: day(invitations.createdAt),
      expiresOn: day(invitations.expiresAt),
      acceptedOn: sql<string | null>`${day(invitations.acceptedAt)}`,
      state: stateOf,
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(options.limit ?? 200)
}

/** The invitation a link's token names, with its state; undefined for an unknown token. */
export async function findInvitation(db: DbOrTx, token: string) {
  if (!isInvitationTokenShape(token)) return undefined
  const [row] = await db
    .select({
      id: invitations.id,
      personId: invitations.personId,
      fullName: people.fullName,
      email: people.email,
      state: stateOf,
      hasAccount: sql<boolean>`${people.userId} is not null`,
      seat: sql<{ role: 'representative' | 'alternate'; organizationName: string; startsOn: string } | null>`(
        select json_build_object('role', s.role, 'organizationName', o.name, 'startsOn', s.starts_on::text)
        from seats s join organizations o on o.id = s.organization_id where s.id = ${invitations.seatId})`,
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(eq(invitations.tokenHash, hashInvitationToken(token)))
  return row
}

/**
 * Whether the invitation is accepted signed in, without a password: anyone who already has an
 * account (a seat holder, staff, the board). An invitation link never sets or replaces the password
 * of an existing account, whoever holds the link; only a person without one chooses a password.
 */
export const acceptsSignedIn = (invitation: { hasAccount: boolean }) => invitation.hasAccount

export const signInToAccept = (email: string) =>
  `You already have an account: sign in as ${email} with your own password, then accept here.`

/**
 * Accepts an invitation: marks it used (only while pending, so a link works once even
 * when two requests race), then gives the person an account with this password. If the
 * account step fails, the invitation is pending again. Returns the address to sign in with.
 * An invitation to a seat is accepted only with the commitments confirmed (and records when).
 * A seat offered to someone who already has an account is accepted signed in as themselves
 * (`signedInPersonId`), with no password: theirs is never replaced through a seat invitation.
 */
export async function acceptInvitation(
  db: Db,
  auth: Auth,
  options: {
    token: string
    password?: string
    commitmentsConfirmed?: boolean
    signedInPersonId?: string | null
  },
): Promise<{ personId: string; email: string }> {
  const invitation = await findInvitation(db, options.token)
  if (!invitation) throw new AppError('NOT_FOUND', { userMessage: 'This invitation link is not known.' })
  if (invitation.seat && !options.commitmentsConfirmed)
    throw new AppError('BAD_INPUT', { userMessage: commitmentsRequired })
  const signedIn = acceptsSignedIn(invitation)
  if (signedIn && options.signedInPersonId !== invitation.personId)
    throw new AppError('FORBIDDEN', { userMessage: signInToAccept(invitation.email) })
  const password = signedIn ? undefined : options.password
  if (!signedIn && password === undefined)
    throw new AppError('BAD_INPUT', { userMessage: 'Choose a password to accept the invitation.' })
  const confirmedAt = invitation.seat ? sql`hub_now()` : null
  const actor = `person:${invitation.personId}` as const
  const claimed = await writeAs(db, actor, (tx) =>
    tx
      .update(invitations)
      .set({ acceptedAt: sql`hub_now()`, commitmentsConfirmedAt: confirmedAt })
      .where(
        and(
          eq(invitations.id, invitation.id),
          isNull(invitations.acceptedAt),
          gt(invitations.expiresAt, sql`hub_now()`),
        ),
      )
      .returning({ id: invitations.id }),
  )
  if (claimed.length === 0)
    throw new AppError('CONFLICT', { userMessage: 'This invitation link has expired or was already used.' })
  if (password === undefined) return { personId: invitation.personId, email: invitation.email }
  try {
    const { email } = await ensurePasswordAccount(db, auth, {
      personId: invitation.personId,
      password,
      actor,
      replace: true,
    })
    return { personId: invitation.personId, email }
  } catch (error) {
    await writeAs(db, actor, (tx) =>
      tx
        .update(invitations)
        .set({ acceptedAt: null, commitmentsConfirmedAt: null })
        .where(eq(invitations.id, invitation.id)),
    )
    throw error
  }
}
