import { formatInstantInZone } from './format.ts'
import { isoInstant } from './format-instant.ts'
import { currentTimeZone } from './site-chrome.ts'

/** When something happened, written the network's one way in its zone, with the exact instant for machines. */
export function TimeAt(props: { at: string | Date }) {
  const at = typeof props.at === 'string' ? props.at : props.at.toISOString()
  return <time datetime={isoInstant(at)}>{formatInstantInZone(at, currentTimeZone())}</time>
}
