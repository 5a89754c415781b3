import { reservedSegments } from '#src/lib/reserved-paths.ts'
import type { ExistingState } from './existing.ts'
import { oldPath } from './map-fields.ts'
import { hubPageAddresses } from './page-places.ts'
import type { Plan, PlannedEntry } from './plan.ts'

/**
 * Each imported item's old addresses (its permalink, its `?p=` guid, `/?p=ID`, a page's
 * `/?page_id=ID`) and the new address they go to. An old address the Hub answers itself is left
 * alone and counted (plan.hubAddresses): a redirect is only asked for when nothing else answers,
 * so one recorded from '/news/' or '/staff' would answer the trailing-slash form of a Hub route,
 * or a Hub page the day it is unpublished.
 */
export function planRedirects(plan: Plan, existing: ExistingState) {
  const live = hubPageAddresses(existing.pages)
  for (const entry of plan.entries.values()) live.add(entry.address)
  for (const entry of plan.entries.values()) addRedirects(plan, entry, live)
  const left = [...plan.hubAddresses]
  if (left.length > 0)
    plan.warnings.push(
      `${left.length} old ${left.length === 1 ? 'address is' : 'addresses are'} the Hub's own (one of its routes or pages) and will not redirect: ${examples(left)}.`,
    )
}

function addRedirects(plan: Plan, entry: PlannedEntry, live: Set<string>) {
  const { meta } = entry
  const froms = [oldPath(meta.link), oldPath(meta.guid)?.startsWith('/?') ? oldPath(meta.guid) : null]
  froms.push(`/?p=${meta.postId}`)
  if (entry.kind === 'page') froms.push(`/?page_id=${meta.postId}`)
  for (const from of froms) {
    if (!from || from === entry.address) continue
    if (answeredByHub(from, entry.address, live)) {
      plan.hubAddresses.add(from)
      continue
    }
    const claimed = plan.redirects.get(from)
    if (claimed && claimed !== entry.address)
      plan.warnings.push(`The old address ${from} belongs to two items; it goes to ${claimed}.`)
    else plan.redirects.set(from, entry.address)
  }
}

/**
 * Whether the Hub answers an old address itself: its first segment is one of the Hub's routes
 * or reserved paths (with or without a trailing slash, in any case), or without its trailing
 * slash it is a page's or an imported item's address (other than the one it would go to:
 * '/about/' may go to '/about').
 */
export function answeredByHub(from: string, to: string, live: ReadonlySet<string>): boolean {
  if (reservedSegments.has(firstSegment(from))) return true
  const bare = from.length > 1 ? from.replace(/\/+$/, '') : from
  return bare !== to && (live.has(bare) || live.has(from))
}

function firstSegment(path: string): string {
  const segment = path.split(/[/?#]/)[1] ?? ''
  try {
    return decodeURIComponent(segment).toLowerCase()
  } catch {
    return segment.toLowerCase()
  }
}

const examples = (paths: string[]) =>
  `${paths.slice(0, 5).join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`
