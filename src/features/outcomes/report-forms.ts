import { z } from 'zod'
import { isRefusal } from '#src/lib/errors.ts'
import { multiLine, singleLine } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { type FigureInput, readFigureFields } from './figures.ts'
import type { Metric } from './metrics.ts'

/** At most `max` characters, the message saying how many were written. */
const bounded = (max: number, what: string) =>
  multiLine(what)
    .trim()
    .refine((v) => v.length <= max, {
      message: `Write at most ${max.toLocaleString('en-US')} characters in the ${what}.`,
    })

/** The narrative and the evidence link of a report (the figures are read by readFigureFields). */
export const reportTextForm = z.object({
  narrative: bounded(5000, 'narrative').optional().default(''),
  evidenceUrl: singleLine('evidence link')
    .trim()
    .optional()
    .default('')
    .refine((v) => v === '' || (v.length <= 2000 && isWebAddress(v)), {
      message:
        'Give the evidence as a web address starting with https://, such as https://example.org/report.pdf.',
    }),
})

/** Staff's general comment when verifying or returning a report. */
export const commentForm = z.object({ comment: bounded(2000, 'comment').optional().default('') })

/** Staff's reason for correcting a verified report: required, it is kept with the revision. */
export const correctionForm = z.object({
  reason: bounded(2000, 'reason')
    .optional()
    .default('')
    .refine((v) => v.length > 0, 'Give the reason for the correction: it is kept with the revision.'),
})

/** Every metric's figure as typed, with a message for each one that is not an amount (not only the first). */
export function readFigures(
  metrics: Metric[],
  fields: Record<string, string>,
): { figures: FigureInput[]; errors: Record<string, string> } {
  const figures: FigureInput[] = []
  const errors: Record<string, string> = {}
  for (const metric of metrics) {
    try {
      figures.push(...readFigureFields([metric], fields))
    } catch (error) {
      if (!isRefusal(error)) throw error
      errors[error.field ?? `figure-${metric.key}`] = error.userMessage
    }
    const note = fields[`note-${metric.key}`]?.trim() ?? ''
    if (note.length > 2000)
      errors[`note-${metric.key}`] = `Write at most 2,000 characters in the note on ${metric.name}.`
  }
  return { figures, errors }
}

/** Staff's comment on each figure when returning a report (`comment-<key>`), empty ones left out. */
export function readFigureComments(
  metrics: Metric[],
  fields: Record<string, string>,
): { comments: Record<string, string>; errors: Record<string, string> } {
  const comments: Record<string, string> = {}
  const errors: Record<string, string> = {}
  for (const metric of metrics) {
    const text = fields[`comment-${metric.key}`]?.trim() ?? ''
    if (text.length > 2000) errors[`comment-${metric.key}`] = 'Write at most 2,000 characters in a comment.'
    else if (text) comments[metric.key] = text
  }
  return { comments, errors }
}
