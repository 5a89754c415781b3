import { buildDemoNetwork } from '../../../src/features/demo/build-demo.ts'
import { defaultSettings } from '../../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

/** A held call of the demo network. */
const HELD = '2026-11-23'

/** The representative of AMP SoCal on that day: someone the roll call may tick. */
const presentId = (() => {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const org = net.organizations.find((o) => o.slug === 'amp-socal')
  const seat = net.seats.find(
    (s) =>
      s.organizationId === org?.id &&
      s.role === 'representative' &&
      s.startsOn <= HELD &&
      (!s.endsOn || s.endsOn > HELD),
  )
  if (!seat) throw new Error(`the demo has no representative of AMP SoCal on ${HELD}`)
  return seat.personId
})()

/** Hostile-input entries for the roll call: one per state-changing route, keyed 'METHOD /path'. */
export const rollCallEntries: Record<string, Entry> = {
  // Ticks only: no free text.
  'POST /staff/calls/:date/roll-call': {
    sample: () => ({ path: `/staff/calls/${HELD}/roll-call`, fields: { present: presentId } }),
  },
}
