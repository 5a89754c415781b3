/** How members join the calls: the series default (two settings) and a call's own override. */
import { z } from 'zod'
import { type Actor, writeAs } from '#src/db/actor.ts'
import type { Db } from '#src/db/client.ts'
import { isPlainText, isSingleLine, MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE } from '#src/lib/text.ts'
import { formatNumber } from '#src/ui/format.ts'
import { putSetting } from './settings.ts'

export const joinLimits = { joinUrl: 2_000, dialIn: 2_000 } as const

/**
 * What is wrong with a join link, or undefined: empty (none) or an https address on one line.
 * @example joinUrlProblem('http://zoom.us/j/1') // 'Enter the join link as an https:// address …'
 */
export function joinUrlProblem(url: string): string | undefined {
  if (url === '') return undefined
  if (!isSingleLine(url)) return `The join link ${SINGLE_LINE_MESSAGE}.`
  if (url.length > joinLimits.joinUrl)
    return `Use a join link of at most ${formatNumber(joinLimits.joinUrl)} characters (this one has ${formatNumber(url.length)}).`
  let parsed: URL | undefined
  try {
    parsed = new URL(url)
  } catch {
    parsed = undefined
  }
  if (parsed?.protocol !== 'https:' || !parsed.hostname)
    return 'Enter the join link as an https:// address, such as https://zoom.us/j/123456789.'
  return undefined
}

/** What is wrong with dial-in text, or undefined: plain text (line breaks kept), not too long. */
export function dialInProblem(text: string): string | undefined {
  if (!isPlainText(text)) return `The dial-in ${MULTI_LINE_MESSAGE}.`
  if (text.length > joinLimits.dialIn)
    return `Write the dial-in in at most ${formatNumber(joinLimits.dialIn)} characters (this one has ${formatNumber(text.length)}).`
  return undefined
}

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
