import { singleLineProblem } from '#src/lib/text.ts'
import { draftLimits } from './draft-fields.ts'
import { line } from './text-checks.ts'
import type { Category, StartField, StartForm } from './types.ts'

const isEmail = (s: string) => s.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)

/** Checks the start form; without `needsContact` (signed in) the name and email are not asked. */
export function parseStartForm(
  form: StartForm,
  options: { needsContact: boolean },
):
  | { ok: true; value: { fullName: string; email: string; category: Category; organizationName: string } }
  | { ok: false; errors: Partial<Record<StartField, string>> } {
  const errors: Partial<Record<StartField, string>> = {}
  const fullName = line(form.fullName, { max: draftLimits.fullName, what: 'full name', required: true })
  const email = form.email.trim()
  if (options.needsContact) {
    if (!fullName.ok) errors.fullName = fullName.error
    const emailProblem = singleLineProblem(email, 'email address')
    if (emailProblem) errors.email = emailProblem
    else if (!isEmail(email)) errors.email = 'Enter an email address such as name@example.org.'
  }
  if (form.category !== 'member' && form.category !== 'bff')
    errors.category = 'Choose whether you apply as a member community or as a BFF.'
  const name = line(form.organizationName, {
    max: draftLimits.organizationName,
    what: 'organisation’s name',
    required: true,
  })
  if (!name.ok) errors.organizationName = name.error
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    value: {
      fullName: fullName.ok ? (fullName.value ?? '') : '',
      email,
      category: form.category as Category,
      organizationName: name.ok ? (name.value ?? '') : '',
    },
  }
}
