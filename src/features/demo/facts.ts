import { z } from 'zod'
import raw from './communities.json' with { type: 'json' }

const designationSchema = z.object({
  program: z.string(),
  date: z.string(),
  kind: z.enum(['designated', 'redesignated']),
})

const communitySchema = z.object({
  name: z.string(),
  short: z.string().optional(),
  lead: z.string(),
  states: z.array(z.string()),
  counties: z.array(z.string()),
  focus: z.array(z.string()),
  designations: z.array(designationSchema),
  outcomes: z
    .array(
      z.object({
        period: z.string(),
        jobs_created: z.number().optional(),
        jobs_retained: z.number().optional(),
        workers_trained: z.number().optional(),
        note: z.string().optional(),
      }),
    )
    .optional(),
  note: z.string().optional(),
  partners_note: z.string().optional(),
  verified: z.boolean(),
})

const factsSchema = z.object({
  programs: z.array(z.object({ code: z.string(), name: z.string(), agency: z.string(), notes: z.string() })),
  communities: z.array(communitySchema),
  dmcsp_designees: z.array(
    z.object({
      fy: z.number(),
      date: z.string(),
      lead: z.string(),
      name: z.string().nullable(),
      states: z.array(z.string()),
      focus: z.string(),
    }),
  ),
})

export type CommunityFact = z.infer<typeof communitySchema>
export type DemoFacts = z.infer<typeof factsSchema>

/** Public facts on real communities (from shared/data, copied into the project). */
export const demoFacts: DemoFacts = factsSchema.parse(raw)
