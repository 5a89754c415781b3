import { z } from 'zod'
import { metricUnits } from '#src/db/schema/index.ts'
import { multiLine, singleLine } from '#src/lib/text.ts'

/** A metric as staff write it (the key only when adding one). */
export const metricForm = z.object({
  name: singleLine('name')
    .trim()
    .min(1, 'Give the metric a name, such as Jobs created.')
    .max(80, 'Write the name in at most 80 characters.'),
  description: multiLine('description')
    .trim()
    .max(500, 'Write the description in at most 500 characters.')
    .optional()
    .default(''),
  unit: z.enum(metricUnits, { message: 'Choose a count or US dollars.' }),
  sums: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
  position: z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, 'Give the order as a whole number from 0 to 9999.')
    .transform(Number),
})

export const newMetricForm = metricForm.extend({
  key: z.string().trim().min(1, 'Give the metric a key, such as apprentices_hired.'),
})
