/** The term forms of the person page, one zod schema each (the services check the records again). */
import { z } from 'zod'
import { isIsoDate } from '#src/lib/dates.ts'
import { singleLine } from '#src/lib/text.ts'
import { termRoles } from './terms.ts'

const dateMessage = 'Enter a date such as 2026-12-01 (year, month, day).'
const posted = (max: number) => z.string().max(max).catch('')
const date = posted(50)
  .transform((s) => s.trim())
  .refine(isIsoDate, dateMessage)
const role = z.enum(termRoles, { message: 'Choose staff or Advisory Board.' })

export const addTermForm = z.object({
  role,
  startsOn: date,
  endsOn: posted(50)
    .transform((s) => s.trim())
    .refine((s) => s === '' || isIsoDate(s), `${dateMessage} Leave it empty for a term with no end.`)
    .transform((s) => s || null),
  title: z
    .string()
    .catch('')
    .pipe(singleLine('title').max(200, 'The title has at most 200 characters.'))
    .transform((s) => s.trim()),
})
export type AddTermValues = { role: string; startsOn: string; endsOn: string; title: string }

export const endTermForm = z.object({ termId: z.uuid().catch(''), role, endsOn: date })
export type EndTermValues = { termId: string; role: string; endsOn: string }
