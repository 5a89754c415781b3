import { z } from 'zod'
import { seatRoles } from '#src/db/schema/index.ts'
import { commitmentKeys, commitmentLabels } from '#src/features/auth/index.ts'
import { seatLabels } from '#src/features/seats/index.ts'
import { plural } from '#src/ui/format.ts'
import { draftLimits } from './draft-fields.ts'
import { lineText, refuse } from './text-checks.ts'
import type { FormInput, Nominee, NomineeRow, NomineeSeat } from './types.ts'

// The two people an application names for the seats, and the commitments the applicant acknowledges.

export const nomineeSeats: readonly NomineeSeat[] = seatRoles

/** The seats' names: the seats feature's own. */
export const nomineeSeatLabels: Record<NomineeSeat, string> = seatLabels

export { commitmentKeys, commitmentLabels }

const isEmail = (s: string) => s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)
const nameText = lineText({ max: draftLimits.fullName, what: 'full name' })
const titleText = lineText({ max: draftLimits.nomineeTitle, what: 'title' })

/** The nominees as typed: each field checked (empty allowed in a draft), emails valid and different. */
export const nomineeList = z
  .array(z.object({ seat: z.enum(nomineeSeats), fullName: z.string(), email: z.string(), title: z.string() }))
  .transform((rows, ctx): Nominee[] => {
    const nominees: Nominee[] = []
    for (const row of rows) {
      const who = nomineeSeatLabels[row.seat]
      const name = nameText.safeParse(row.fullName)
      if (!name.success) return refuse(ctx, `${who}: ${name.error.issues[0]?.message ?? ''}`)
      const title = titleText.safeParse(row.title)
      if (!title.success) return refuse(ctx, `${who}: ${title.error.issues[0]?.message ?? ''}`)
      const email = row.email.trim()
      if (email !== '' && !isEmail(email))
        return refuse(ctx, `${who}: enter an email address such as name@example.org.`)
      nominees.push({ seat: row.seat, fullName: name.data ?? '', email, title: title.data ?? '' })
    }
    const [a, b] = nominees.map((n) => n.email.toLowerCase())
    if (a && b && a === b)
      return refuse(ctx, 'The representative and the alternate need different email addresses.')
    return nominees
  })

export const commitmentList = z
  .array(z.string())
  .refine((keys) => keys.every((k) => k in commitmentLabels), {
    error: 'Tick the commitments from the list.',
  })
  .transform((keys) => commitmentKeys.filter((k) => keys.includes(k)))

const field = (input: FormInput, name: string) => input[name]?.[0] ?? ''

/**
 * The nominee rows the form sent (undefined when it sent no nominee field). A field the form did
 * not send keeps its stored value, so that a form carrying one field never empties the others.
 */
export function typedNominees(input: FormInput, stored?: unknown): NomineeRow[] | undefined {
  const names = (seat: NomineeSeat) => [`${seat}FullName`, `${seat}Email`, `${seat}Title`]
  if (!nomineeSeats.some((seat) => names(seat).some((name) => input[name] !== undefined))) return undefined
  const before = nomineeRows(stored)
  return nomineeSeats.map((seat, i) => {
    const was = before[i] ?? { seat, fullName: '', email: '', title: '' }
    const sent = (name: string, old: string) => (input[name] !== undefined ? field(input, name) : old)
    return {
      seat,
      fullName: sent(`${seat}FullName`, was.fullName),
      email: sent(`${seat}Email`, was.email),
      title: sent(`${seat}Title`, was.title),
    }
  })
}

/** The stored nominees as the form's two rows (whatever the column holds). */
export function nomineeRows(stored: unknown): NomineeRow[] {
  const list = Array.isArray(stored) ? (stored as Partial<NomineeRow>[]) : []
  return nomineeSeats.map((seat) => {
    const found = list.find((n) => n && typeof n === 'object' && n.seat === seat)
    const text = (v: unknown) => (typeof v === 'string' ? v : '')
    return { seat, fullName: text(found?.fullName), email: text(found?.email), title: text(found?.title) }
  })
}

/** What the seats section still lacks before submission, in words. */
export function missingNominations(app: { nominees: unknown; commitments: readonly string[] }): string[] {
  const missing: string[] = []
  for (const row of nomineeRows(app.nominees)) {
    const lacks = [
      row.fullName.trim() === '' ? 'name' : null,
      row.email.trim() === '' ? 'email' : null,
      row.title.trim() === '' ? 'title' : null,
    ].filter((x) => x !== null)
    if (lacks.length > 0) missing.push(`the ${row.seat}’s ${lacks.join(', ')}`)
  }
  const unticked = commitmentKeys.filter((k) => !app.commitments.includes(k))
  if (unticked.length > 0)
    missing.push(
      `your acknowledgement of ${plural(unticked.length, 'a commitment', `${unticked.length} commitments`)} of membership`,
    )
  return missing
}
