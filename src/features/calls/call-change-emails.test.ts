import { describe, expect, it } from 'vitest'
import { type CallChangeContext, type CallChangeNews, composeCallChangeEmail } from './call-change-emails.ts'
import type { CallChangeRecipient } from './call-change-recipients.ts'
import type { CallView } from './call-view.ts'

const call: CallView = {
  id: 'call-1',
  localDate: '2026-12-07',
  startTime: '13:00',
  timeZone: 'America/New_York',
  startsAt: '2026-12-07T18:00:00Z',
  durationMinutes: 30,
  status: 'scheduled',
  cancelReason: null,
  isSeries: true,
  seriesDate: '2026-12-07',
  title: null,
  agenda: null,
  notes: null,
  recordingUrl: null,
  joinUrl: null,
  dialIn: '+1 555 0100, code 42',
  addedReason: null,
  movedFrom: null,
}
const ctx: CallChangeContext = {
  network: 'Test Network',
  origin: 'https://hub.example.org',
  joinDefaults: { callJoinUrl: 'https://meet.example.org/weekly', callDialIn: '' },
  optOut: {
    wanting: async (ids) => new Set(ids),
    linkFor: (id) => `https://hub.example.org/reminders/unsubscribe?token=${id}`,
    label: 'A national call is cancelled, moved or added',
    preferencesUrl: 'https://hub.example.org/account/reminders',
  },
}
const to: CallChangeRecipient = {
  id: 'p1',
  fullName: 'Rosa Delgado',
  email: 'rosa@example.org',
  seats: [
    { role: 'representative', organization: 'Riverbend Works' },
    { role: 'alternate', organization: 'Lakeside Makers' },
  ],
}
const compose = (news: CallChangeNews) => composeCallChangeEmail(news, to, ctx)

describe('the email about a changed call', () => {
  it('names the call’s day in its subject, the seats it is sent for, and how to stop it', () => {
    const email = compose({
      kind: 'cancelled',
      call: { ...call, status: 'cancelled', cancelReason: 'Holiday.' },
    })
    expect(email.to).toBe('rosa@example.org')
    expect(email.subject).toBe('Test Network: the national call of Monday, December 7, 2026 is cancelled')
    expect(email.text).toContain('The reason: Holiday.')
    expect(email.text).toContain(
      'You receive this email as the representative of Riverbend Works and the alternate of Lakeside Makers in the Test Network.',
    )
    expect(email.unsubscribeUrl).toBe('https://hub.example.org/reminders/unsubscribe?token=p1')
    expect(email.text).toContain('Choose which reminders you get: https://hub.example.org/account/reminders')
  })

  it('leaves the join details out of a cancelled call, and gives them for a call that takes place', () => {
    expect(compose({ kind: 'cancelled', call }).text).not.toContain('meet.example.org')
    for (const kind of ['added', 'reinstated'] as const) {
      const text = compose({ kind, call }).text
      expect(text).toContain('Join the call:\nhttps://meet.example.org/weekly')
      expect(text).toContain('Dial-in:\n+1 555 0100, code 42')
    }
  })

  it('says where a moved call was and where it is now, and names a call by its title', () => {
    const moved = { ...call, localDate: '2026-12-08', startsAt: '2026-12-08T19:30:00Z', title: 'Budget' }
    const email = compose({ kind: 'moved', call: moved, from: call })
    expect(email.subject).toBe(
      'Test Network: the national call of Monday, December 7, 2026 moved to Tuesday, December 8, 2026, 2:30 pm ET',
    )
    expect(email.text).toContain(
      'Staff moved the call “Budget” of the Test Network from Monday, December 7, 2026, 1:00 pm ET to Tuesday, December 8, 2026, 2:30 pm ET.',
    )
    expect(email.text).toContain('https://hub.example.org/calls/2026-12-08')
  })
})
