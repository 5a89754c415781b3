import { describe, expect, it } from 'vitest'
import { isReminderEnabled, REMINDER_DEFAULTS, readChoicesForm } from './preferences.ts'

describe('reminder choices', () => {
  it('default to the call reminder, the digests and the call changes off, the obligation warnings on', () => {
    expect(REMINDER_DEFAULTS).toEqual({
      call_tomorrow: false,
      at_risk: true,
      sharing_due: true,
      presentation_unplanned: true,
      weekly_digest: false,
      presentation_slot: true,
      call_changes: false,
      funding_digest: false,
    })
    expect(isReminderEnabled(undefined, 'call_changes')).toBe(false)
    expect(isReminderEnabled(undefined, 'funding_digest')).toBe(false)
    expect(isReminderEnabled(undefined, 'call_tomorrow')).toBe(false)
    expect(isReminderEnabled({ at_risk: false }, 'sharing_due')).toBe(true)
  })

  it('follow what the person saved over the default', () => {
    expect(isReminderEnabled({ call_tomorrow: true }, 'call_tomorrow')).toBe(true)
    expect(isReminderEnabled({ at_risk: false }, 'at_risk')).toBe(false)
  })
})

describe('the preferences form', () => {
  it('reads a ticked box as on and a missing one as off', () => {
    expect(readChoicesForm({ call_tomorrow: 'on', sharing_due: 'on', _csrf: 'x' })).toEqual({
      choices: {
        call_tomorrow: true,
        at_risk: false,
        sharing_due: true,
        presentation_unplanned: false,
        weekly_digest: false,
        presentation_slot: false,
        call_changes: false,
        funding_digest: false,
      },
      errors: {},
    })
  })

  it('refuses any other value for a box, naming it', () => {
    const form = readChoicesForm({ at_risk: 'yes please' })
    expect(form.errors).toEqual({
      at_risk:
        '“Your organisation is at risk of missing its obligations” is a checkbox: ticked (on) or not ticked, nothing else.',
    })
  })
})
