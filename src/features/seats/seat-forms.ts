/**
 * The seat forms, one zod schema each: what people typed, checked field by field before anything
 * is written (the services check the records again).
 */
import { z } from 'zod'
import { type SeatRole, seatRoles } from '#src/db/schema/index.ts'
import { checkForm } from '#src/http/form.ts'
import { isIsoDate } from '#src/lib/dates.ts'
import { singleLineProblem } from '#src/lib/text.ts'
import { reasonProblem, type StatusAction, statusActions } from './organization-status.ts'

export const FULL_NAME_MAX = 200
export const fullNameMessage = `Enter the full name of the new holder, 1 to ${FULL_NAME_MAX} characters.`
const dateMessage = 'Enter a date such as 2026-12-01 (year, month, day).'

/** A posted field: longer than `max`, repeated or missing reads as empty; spaces around it go. */
const posted = (max: number) =>
  z
    .string()
    .max(max)
    .catch('')
    .transform((typed) => typed.trim())

/** A check that adds `problem`'s message when it has one. */
const problemCheck =
  (problem: (value: string) => string | undefined) => (value: string, ctx: z.RefinementCtx) => {
    const message = problem(value)
    if (message) ctx.addIssue({ code: 'custom', message })
  }

const dateField = posted(50).refine(isIsoDate, dateMessage)

const isSeatRole = (role: string): role is SeatRole => seatRoles.some((r) => r === role)

/** The email of a seat's new holder, or what is wrong with it. */
export function emailProblem(email: string): string | undefined {
  const lineProblem = singleLineProblem(email, 'email address')
  if (lineProblem) return lineProblem
  if (email.length > 320 || !z.email().safeParse(email).success)
    return 'Enter the email address of the new holder, such as name@example.org.'
  return undefined
}

export type HandoverForm = { role: string; email: string; fullName: string; effectiveOn: string }
export type HandoverErrors = Partial<Record<'role' | 'email' | 'fullName' | 'effectiveOn', string>>

const handoverFields = z.object({
  role: posted(50),
  email: posted(100_000),
  fullName: posted(100_000),
  effectiveOn: posted(50),
})

/**
 * The handover form. `isKnownEmail` says whether a person already has this email (their name on
 * record is then used and the name field is not needed).
 */
export const handoverForm = (isKnownEmail: boolean) =>
  handoverFields
    .extend({
      role: posted(50).refine(isSeatRole, 'Choose the seat to hand over: representative or alternate.'),
      email: posted(100_000).superRefine(problemCheck(emailProblem)),
      effectiveOn: dateField,
    })
    .superRefine((form, ctx) => {
      // The name is needed only for someone new, and only asked for once the email is right.
      if (isKnownEmail || emailProblem(form.email)) return
      const message =
        singleLineProblem(form.fullName, 'full name') ??
        (form.fullName.length === 0
          ? `Nobody on record has this email: enter the full name of the new holder, 1 to ${FULL_NAME_MAX} characters.`
          : form.fullName.length > FULL_NAME_MAX
            ? fullNameMessage
            : undefined)
      if (message) ctx.addIssue({ code: 'custom', path: ['fullName'], message })
    })

/** The handover form as typed (trimmed), from the posted fields. */
export function readHandoverForm(fields: Record<string, unknown>): HandoverForm {
  return handoverFields.parse(fields)
}

/** Checks the handover form as typed (see handoverForm). */
export function checkHandoverForm(
  form: HandoverForm,
  isKnownEmail: boolean,
):
  | { ok: true; role: SeatRole; email: string; fullName: string; effectiveOn: string }
  | { ok: false; errors: HandoverErrors } {
  const checked = checkForm(handoverForm(isKnownEmail), form)
  if (!checked.ok) return { ok: false, errors: checked.errors }
  return { ok: true, ...checked.value, role: checked.value.role as SeatRole }
}

const swapForm = z.object({ effectiveOn: dateField })

/** The swap form: only its date. */
export function checkSwapForm(fields: Record<string, string>): { effectiveOn: string; error?: string } {
  const checked = checkForm(swapForm, fields)
  if (checked.ok) return { effectiveOn: checked.value.effectiveOn }
  return { effectiveOn: posted(50).parse(fields.effectiveOn), error: checked.errors.effectiveOn }
}

export type StatusForm = { action: string; reason: string; effectiveOn: string }
export type StatusErrors = Partial<Record<'action' | 'reason' | 'effectiveOn', string>>

const statusFields = z.object({ action: posted(50), reason: posted(100_000), effectiveOn: posted(50) })

/** The staff form that suspends, reinstates or withdraws an organisation. */
export const statusForm = statusFields.extend({
  action: posted(50).refine(
    (action) => statusActions.some((a) => a === action),
    'Choose the change to record: suspend, reinstate or withdraw.',
  ),
  reason: posted(100_000).superRefine(problemCheck(reasonProblem)),
  effectiveOn: dateField,
})

/** The status form as typed (trimmed), and its check. */
export function checkStatusForm(
  fields: Record<string, string>,
):
  | { ok: true; values: StatusForm; action: StatusAction }
  | { ok: false; values: StatusForm; errors: StatusErrors } {
  const values = statusFields.parse(fields)
  const checked = checkForm(statusForm, fields)
  if (!checked.ok) return { ok: false, values, errors: checked.errors }
  return { ok: true, values, action: checked.value.action as StatusAction }
}
