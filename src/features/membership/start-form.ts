import { z } from 'zod'
import { singleLineProblem } from '#src/lib/text.ts'
import { draftLimits } from './draft-fields.ts'
import { lineText, refuse } from './text-checks.ts'

const isEmail = (s: string) => s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)

const emailAddress = z.string().transform((raw, ctx) => {
  const email = raw.trim()
  const problem = singleLineProblem(email, 'email address')
  if (problem) return refuse(ctx, problem)
  if (!isEmail(email)) return refuse(ctx, 'Enter an email address such as name@example.org.')
  return email
})

const fullName = lineText({ max: draftLimits.fullName, what: 'full name', required: true })

/**
 * The start form's schema; without `needsContact` (signed in) the name and email are not asked,
 * so they are not checked.
 */
export const startFormSchema = (options: { needsContact: boolean }) =>
  z.object({
    fullName: options.needsContact
      ? fullName.transform((name) => name ?? '')
      : z.string().transform(() => ''),
    email: options.needsContact ? emailAddress : z.string().transform((raw) => raw.trim()),
    category: z.enum(['member', 'bff'], {
      error: 'Choose whether you apply as a member community or as a BFF.',
    }),
    organizationName: lineText({
      max: draftLimits.organizationName,
      what: 'organisation’s name',
      required: true,
    }).transform((name) => name ?? ''),
  })
