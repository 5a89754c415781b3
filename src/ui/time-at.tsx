import { formatInstantInZone } from './format.ts'
import { isoInstant } from './format-instant.ts'
import { currentTimeZone } from './site-chrome.ts'

/**
 * When something happened, written the network's one way in its zone (or in `timeZone`, a call's
 * own), with the exact instant for machines.
 */
export function TimeAt(props: { at: string | Date; timeZone?: string }) {
  const at = typeof props.at === 'string' ? props.at : props.at.toISOString()
  return <time datetime={isoInstant(at)}>{formatInstantInZone(at, props.timeZone ?? currentTimeZone())}</time>
}
