import { formatDate } from '#src/ui/format.ts'
import { closesText, grantsGovUrl } from './opportunity-parts.tsx'
import type { Pin } from './pins.ts'

/**
 * Where a pinned opportunity leads: members to its page on the Hub, everyone else to the official
 * listing on Grants.gov (the Hub's /funding pages answer members only).
 */
export const pinHref = (pin: Pick<Pin, 'opportunityId'>, canSeeMembers: boolean) =>
  canSeeMembers ? `/funding/${pin.opportunityId}` : grantsGovUrl(pin.opportunityId)

/** One pinned opportunity: its title (linked), agency and close date, staff's note, and its audience for members. */
function PinnedItem(props: { pin: Pin; canSeeMembers: boolean }) {
  const { pin } = props
  return (
    <li>
      <h3>
        <a href={pinHref(pin, props.canSeeMembers)}>{pin.title}</a>
        {props.canSeeMembers && pin.visibility === 'members' ? (
          <>
            {' '}
            <span class="badge">Members only</span>
          </>
        ) : null}
      </h3>
      <p class="meta">
        {pin.agencyName ?? pin.agencyCode ?? 'Agency not given'} · {closesText(pin)}
        {props.canSeeMembers ? '' : ' · the official listing on Grants.gov'}
      </p>
      {pin.note ? <p class="prose">{pin.note}</p> : null}
    </li>
  )
}

/**
 * The funding opportunities pinned to a call or a library item, as its page shows them; nothing
 * when there are none. `pins` are already filtered to what the viewer may see.
 */
export function PinnedFunding(props: { pins: Pin[]; canSeeMembers: boolean }) {
  if (props.pins.length === 0) return null
  return (
    <section aria-labelledby="pinned-funding-heading" class="pinned-funding">
      <h2 id="pinned-funding-heading">Federal funding opportunities</h2>
      <p class="note">Staff pinned these opportunities here.</p>
      <ul class="org-list">
        {props.pins.map((pin) => (
          <PinnedItem pin={pin} canSeeMembers={props.canSeeMembers} />
        ))}
      </ul>
    </section>
  )
}

/** Where a pin is, in words, linked to the call's or the item's page. */
export function PinPlace(props: { pin: Pin }) {
  const { pin } = props
  if (pin.callDate)
    return (
      <>
        the call of <a href={`/calls/${pin.callDate}`}>{formatDate(pin.callDate)}</a>
      </>
    )
  return (
    <>
      the library item <a href={`/library/${pin.briefingSlug ?? ''}`}>{pin.briefingTitle ?? ''}</a>
    </>
  )
}
