import { eq, inArray, like, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { DbOrTx, Tx } from '#src/db/client.ts'
import {
  admissionEvents,
  applications,
  designationPrograms,
  designations,
  organizationPartners,
  organizations,
  type SeatRole,
} from '#src/db/schema/index.ts'
import { vacantSeats } from '#src/features/seats/index.ts'
import { slugify } from '#src/lib/slug.ts'
import { type SeatInvitation, seatNominees } from './seat-nominees.ts'

/**
 * A slug for `name` that no organisation has yet: the slugified name, then name-2,
 * name-3 and so on. Falls back to 'organization' for a name with no letters or digits.
 */
export async function uniqueOrganizationSlug(db: DbOrTx, name: string): Promise<string> {
  const base = slugify(name) || 'organization'
  const taken = new Set(
    (
      await db
        .select({ slug: organizations.slug })
        .from(organizations)
        .where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)))
    ).map((r) => r.slug),
  )
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

const designationClaim = z.object({
  program: z.string().trim().min(1),
  kind: z.enum(['designated', 'redesignated']).catch('designated'),
  date: z.iso.date(),
})

export type Admission = {
  organizationId: string
  slug: string
  /** Designations in the application that could not be recorded, with why (for the event comment). */
  skippedDesignations: string[]
  /** The nominees seated from the admission date and invited: their emails go after the commit. */
  seatInvitations: SeatInvitation[]
}

/**
 * Admits the organisation an approved application describes, inside the decision's
 * transaction: the organisation with its partners (a list), region and focus, its
 * designations (programs found by code; unknown ones skipped and listed), an `applied`
 * admission event on the date it was submitted and an `admitted` one on `today`, and the
 * application linked to it, and its nominees seated from `today` and invited (seat-nominees.ts).
 * It is then in the directory and on the map from `today`.
 */
export async function admitFromApplication(
  tx: Tx,
  options: {
    applicationId: string
    today: string
    /** The network's time zone, for the calendar date the application was submitted on. */
    timeZone: string
    /** Who decided: recorded as the sender of the seat invitations. */
    invitedBy?: string | null
  },
): Promise<Admission> {
  const [app] = await tx.select().from(applications).where(eq(applications.id, options.applicationId))
  if (!app) throw new Error(`no application ${options.applicationId}`)
  const slug = await uniqueOrganizationSlug(tx, app.organizationName)
  const [org] = await tx
    .insert(organizations)
    .values({
      slug,
      name: app.organizationName.trim(),
      shortName: app.shortName,
      category: app.category,
      bffKind: app.category === 'bff' ? app.bffKind : null,
      leadOrganization: app.leadOrganization,
      // A BFF describes itself by the open-source value it brings: keep it on the profile.
      summary: app.summary || (app.category === 'bff' ? app.openSourceValue : null),
      website: app.website,
      states: app.states,
      counties: app.counties,
      focusIndustries: app.focusIndustries,
    })
    .returning({ id: organizations.id })
  if (!org) throw new Error('the organisation was not created')

  const partners = [...new Set(app.partners.map((p) => p.trim()).filter((p) => p.length > 0))]
  if (partners.length > 0)
    await tx
      .insert(organizationPartners)
      .values(partners.map((name, position) => ({ organizationId: org.id, name, position })))

  // Each claim in the application's order: recorded when its program is known, else listed as skipped.
  const claims = (Array.isArray(app.designations) ? (app.designations as unknown[]) : []).map((claim) => ({
    claim,
    parsed: designationClaim.safeParse(claim),
  }))
  const codes = [
    ...new Set(claims.flatMap((c) => (c.parsed.success ? [c.parsed.data.program.toUpperCase()] : []))),
  ]
  const programs =
    codes.length > 0
      ? await tx
          .select({ id: designationPrograms.id, code: designationPrograms.code })
          .from(designationPrograms)
          .where(inArray(designationPrograms.code, codes))
      : []
  const programIds = new Map(programs.map((p) => [p.code, p.id]))
  const skipped: string[] = []
  const rows = claims.flatMap(({ claim, parsed }) => {
    if (!parsed.success) {
      skipped.push(`${JSON.stringify(claim)} (not a program code with a date)`)
      return []
    }
    const d = parsed.data
    const programId = programIds.get(d.program.toUpperCase())
    if (programId) return [{ organizationId: org.id, programId, kind: d.kind, designatedOn: d.date } as const]
    skipped.push(`${d.program} ${d.date} (unknown program)`)
    return []
  })
  if (rows.length > 0) await tx.insert(designations).values(rows)

  const [submitted] = await tx
    .select({
      on: sql<
        string | null
      >`to_char(${applications.submittedAt} at time zone ${options.timeZone}, 'YYYY-MM-DD')`,
    })
    .from(applications)
    .where(eq(applications.id, app.id))
  const submittedOn = submitted?.on ?? options.today
  // The earlier of the two dates (ISO dates sort as text).
  const [appliedOn = options.today] = [submittedOn, options.today].sort()
  await tx.insert(admissionEvents).values({
    organizationId: org.id,
    kind: 'applied',
    effectiveOn: appliedOn,
    reason: 'Application submitted.',
  })
  // On the same date, the state is the event recorded last: clock_timestamp() is later
  // than the transaction's hub_now(), which the applied event got.
  await tx.insert(admissionEvents).values({
    organizationId: org.id,
    kind: 'admitted',
    effectiveOn: options.today,
    reason: 'Approved by the Advisory Board.',
    recordedAt: sql`clock_timestamp()`,
  })
  await tx
    .update(applications)
    .set({ organizationId: org.id, updatedAt: sql`hub_now()` })
    .where(eq(applications.id, app.id))
  const seatInvitations = await seatNominees(tx, {
    organizationId: org.id,
    nominees: app.nominees,
    startsOn: options.today,
    invitedBy: options.invitedBy ?? null,
  })
  return { organizationId: org.id, slug, skippedDesignations: skipped, seatInvitations }
}

/**
 * Which of the organisation's seats nobody holds on `onDate`, in the order representative,
 * alternate: an empty list means both are filled. Until then the organisation is incomplete.
 * @example await seatsToFill(db, orgId, '2026-11-26') // ['representative', 'alternate'] just after admission
 */
export async function seatsToFill(db: DbOrTx, organizationId: string, onDate: string): Promise<SeatRole[]> {
  // One definition of a vacant seat for the whole Hub: the seats feature's.
  return vacantSeats(db, organizationId, onDate)
}
