/** What a join link and dial-in text may be: for the settings' defaults and a call's own override. */
import { isPlainText, isSingleLine, MULTI_LINE_MESSAGE, SINGLE_LINE_MESSAGE } from '#src/lib/text.ts'
import { isWebAddress } from '#src/lib/web-address.ts'
import { formatNumber } from '#src/ui/format.ts'

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
  if (!isWebAddress(url, 'https only'))
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
