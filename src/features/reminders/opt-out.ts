import type { DbOrTx } from '#src/db/client.ts'
import { isReminderEnabled, loadSavedChoices, type ReminderKind, reminderKindLabels } from './preferences.ts'
import { unsubscribeToken, unsubscribeUrl } from './unsubscribe.ts'

/** What a feature that sends one kind of opt-out email needs: who still wants it, and the link to stop. */
export type OptOut = {
  /** Of these people, the ones who did not turn this kind off (its default when they chose nothing). */
  wanting: (personIds: readonly string[]) => Promise<Set<string>>
  /** The signed link that turns this kind off for one person (the reminders' unsubscribe page). */
  linkFor: (personId: string) => string
  /** What the kind is called on the preferences page. */
  label: string
  /** Where a person chooses every kind. */
  preferencesUrl: string
}

/**
 * The opt-out of one kind, for features the reminders feature may not be imported by (it would
 * close a circle of imports): the app hands it to them.
 */
export function optOutOf(
  db: DbOrTx,
  kind: ReminderKind,
  hub: { origin: string; secret: () => string },
): OptOut {
  return {
    wanting: async (personIds) => {
      const saved = await loadSavedChoices(db, personIds)
      return new Set(personIds.filter((id) => isReminderEnabled(saved.get(id), kind)))
    },
    linkFor: (personId) => unsubscribeUrl(hub.origin, unsubscribeToken({ personId, kind }, hub.secret())),
    label: reminderKindLabels[kind],
    preferencesUrl: new URL('/account/reminders', hub.origin).href,
  }
}
