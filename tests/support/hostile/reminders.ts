import { buildDemoNetwork } from '../../../src/features/demo/build-demo.ts'
import { unsubscribeToken } from '../../../src/features/reminders/unsubscribe.ts'
import { defaultSettings } from '../../../src/features/settings/settings.ts'
import { DEMO_TODAY } from '../fixtures.ts'
import type { Entry } from './types.ts'

/** The secret createTestApp gives better-auth, which signs the unsubscribe links too. */
const TEST_APP_SECRET = 'test-secret-that-is-long-enough-for-better-auth'

/** The board member's person id: the demo's ids do not change from one build to the next. */
const boardPersonId = (() => {
  const net = buildDemoNetwork({ today: DEMO_TODAY, settings: defaultSettings })
  const person = net.people.find((p) => p.email === 'board@example.org')
  if (!person?.id) throw new Error('the demo network has no board@example.org')
  return person.id
})()

/** Hostile-input entries for the reminders routes: one per state-changing route, keyed 'METHOD /path'. */
export const remindersEntries: Record<string, Entry> = {
  // Checkboxes only: no free text.
  'POST /account/reminders': {
    sample: () => ({ path: '/account/reminders', fields: { call_tomorrow: 'on', at_risk: 'on' } }),
  },
  // The signed link of a reminder email, confirmed with a button (a form with its token).
  'POST /reminders/unsubscribe': {
    sample: () => ({
      path: '/reminders/unsubscribe',
      fields: { token: unsubscribeToken({ personId: boardPersonId, kind: 'sharing_due' }, TEST_APP_SECRET) },
    }),
  },
}
