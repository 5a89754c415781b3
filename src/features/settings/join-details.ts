/** How members join the calls: the series default (two settings) and a call's own override. */
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { dialInProblem, joinUrlProblem } from './join-rules.ts'
import { putSetting } from './settings.ts'

const check = (problem: (v: string) => string | undefined) => (v: string, ctx: z.RefinementCtx) => {
  const message = problem(v)
  if (message) ctx.addIssue({ code: 'custom', message })
}

/** A posted join link (trimmed) and dial-in (trimmed, CRLF read as LF). */
export const joinFields = {
  joinUrl: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().superRefine(check(joinUrlProblem))),
  dialIn: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim().replace(/\r\n?/g, '\n'))
    .pipe(z.string().superRefine(check(dialInProblem))),
}

/** The staff form of the series default. */
export const joinDefaultsForm = z.object(joinFields)
export type JoinDetails = { joinUrl: string; dialIn: string }

/**
 * How members join one call: its own link and dial-in when staff set them, else the series'.
 * Empty strings when there is none. Members only: never on a public page or the public feed.
 */
export const joinDetailsOf = (
  call: { joinUrl: string | null; dialIn: string | null },
  defaults: { callJoinUrl: string; callDialIn: string },
): JoinDetails => ({
  joinUrl: call.joinUrl ?? defaults.callJoinUrl,
  dialIn: call.dialIn ?? defaults.callDialIn,
})

/** Saves the series' join link and dial-in (checked by joinDefaultsForm first). */
export async function saveJoinDefaults(db: Db, actor: Actor, values: JoinDetails): Promise<void> {
  await writeAs(db, actor, async (tx) => {
    await putSetting(tx, 'callJoinUrl', values.joinUrl)
    await putSetting(tx, 'callDialIn', values.dialIn)
  })
}
