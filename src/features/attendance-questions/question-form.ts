import { z } from 'zod'
import { multiLine, singleLine } from '#src/lib/text.ts'

/** At most `max` characters (after trimming), the message saying how long it was. */
const atMost = (max: number, what: string) => (v: string, ctx: z.RefinementCtx) => {
  if (v.length > max)
    ctx.addIssue({
      code: 'custom',
      message: `Write at most ${max.toLocaleString('en-US')} characters (this ${what} has ${v.length.toLocaleString('en-US')}).`,
    })
}

/** A trimmed plain text (line breaks kept, other control characters refused) of at most `max` characters. */
const boundedText = (max: number, what: string) => multiLine(what).trim().superRefine(atMost(max, what))

/** The seat holder's question: who was there, how the meeting tool showed them, and a note. */
export const askForm = z.object({
  personId: z.string().trim().min(1, 'Choose who was on the call.'),
  appearedAs: z
    .string()
    .refine((v) => !/[\r\n]/.test(v), 'Write how you appeared on one line.')
    .pipe(singleLine('answer').trim().superRefine(atMost(200, 'answer')))
    .refine(
      (v) => v.length > 0,
      'Say how you appeared on the call: the name, device or phone number the meeting tool showed.',
    ),
  note: boundedText(2000, 'note').optional().default(''),
})

/** Staff's reason: optional to accept. */
export const acceptForm = z.object({ reason: boundedText(2000, 'reason').optional().default('') })

/** Staff's reason: required to decline. */
export const declineForm = z.object({
  reason: boundedText(2000, 'reason')
    .optional()
    .default('')
    .refine((v) => v.length > 0, 'Say why the question is declined: the seat holders will read it.'),
})
