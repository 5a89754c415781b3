import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { checkForm } from './form.ts'

const handover = z
  .object({
    email: z.string().trim().email('Enter an email address such as name@example.org.'),
    startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date such as 2026-12-08.'),
    note: z.string().max(10, 'Write at most 10 characters.').optional(),
  })
  .refine((v) => v.note !== 'no', { message: 'The note cannot be “no”.' })

describe('checkForm', () => {
  it('gives the typed values when every field is right', () => {
    const form = checkForm(handover, { email: ' a@b.org ', startsOn: '2026-12-08' })
    expect(form).toEqual({
      ok: true,
      value: { email: 'a@b.org', startsOn: '2026-12-08' },
      fields: { email: ' a@b.org ', startsOn: '2026-12-08' },
    })
  })

  it('gives each wrong field its first message, and keeps what was typed', () => {
    const fields = { email: 'nobody', startsOn: 'tomorrow', note: 'far too long a note' }
    const form = checkForm(handover, fields)
    expect(form.ok).toBe(false)
    if (form.ok) return
    expect(form.errors).toEqual({
      email: 'Enter an email address such as name@example.org.',
      startsOn: 'Enter a date such as 2026-12-08.',
      note: 'Write at most 10 characters.',
    })
    expect(form.fields).toBe(fields)
  })

  it('puts a message about the whole form under `form`', () => {
    const form = checkForm(handover, { email: 'a@b.org', startsOn: '2026-12-08', note: 'no' })
    expect(form.ok ? {} : form.errors).toEqual({ form: 'The note cannot be “no”.' })
  })
})
