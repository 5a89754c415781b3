import { describe, expect, it } from 'vitest'
import { composeReminderEmail, type ReminderEmailContext } from './emails.ts'

const ctx: ReminderEmailContext = {
  origin: 'https://hub.example.org',
  network: 'American Manufacturing Community Collaborative',
  person: { fullName: 'Avery Bennett', email: 'avery@example.org' },
  organization: { name: 'AMP SoCal', slug: 'amp-socal' },
  unsubscribeUrl: 'https://hub.example.org/reminders/unsubscribe?token=abc.def',
}
const seat = { personId: 'p', role: 'representative' as const, organizationId: 'o', year: 2026 }

describe('reminder emails', () => {
  it('remind of tomorrow’s call with its time in the network’s zone and a link to it', () => {
    const email = composeReminderEmail(
      { kind: 'call_tomorrow', subject: 'c', personId: 'p', callId: 'c', callDate: '2026-12-21' },
      {
        ...ctx,
        organization: undefined,
        call: {
          localDate: '2026-12-21',
          startTime: '13:00',
          timeZone: 'America/New_York',
          startsAt: '2026-12-21T18:00:00Z',
          durationMinutes: 30,
          title: 'Year-end review',
          joinUrl: 'https://zoom.example.org/j/123',
          dialIn: '+1 555 0100, passcode 42',
        },
      },
    )
    expect(email.to).toBe('avery@example.org')
    expect(email.subject).toBe('Tomorrow: the national call at 1:00 pm ET')
    expect(email.text).toContain('tomorrow, Monday, December 21, 2026, at 1:00 pm ET (30 minutes)')
    expect(email.text).toContain('Topic: Year-end review')
    expect(email.text).toContain('Join the call:\nhttps://zoom.example.org/j/123')
    expect(email.text).toContain('Dial-in:\n+1 555 0100, passcode 42')
    expect(email.text).toContain('The national call of the American Manufacturing Community Collaborative')
    expect(email.text).toContain('https://hub.example.org/calls/2026-12-21')
  })

  it('say why an organisation is at risk and where to see what is needed', () => {
    const email = composeReminderEmail(
      { ...seat, kind: 'at_risk', subject: 'o:2026', reasons: ['No sharing record yet in Q4.'] },
      ctx,
    )
    expect(email.subject).toBe('AMP SoCal is at risk of missing its 2026 obligations')
    expect(email.text).toContain('- No sharing record yet in Q4.')
    expect(email.text).toContain('https://hub.example.org/organizations/amp-socal/obligations')
    expect(email.text).toContain(
      'as the representative of AMP SoCal in the American Manufacturing Community Collaborative.',
    )
    expect(email.text).toContain('obligations to the American Manufacturing Community Collaborative in 2026')
    expect(email.text).not.toContain('Collaborative Hub')
  })

  it('ask for a sharing record before the quarter ends, with the page to record it', () => {
    const email = composeReminderEmail(
      {
        ...seat,
        role: 'alternate',
        kind: 'sharing_due',
        subject: 'o:2026-Q4',
        quarter: 4,
        endsOn: '2026-12-31',
      },
      ctx,
    )
    expect(email.subject).toBe('AMP SoCal: no sharing record yet for Q4 2026 (ends December 31, 2026)')
    expect(email.text).toContain('https://hub.example.org/organizations/amp-socal/sharing')
    expect(email.text).toContain('as the alternate of AMP SoCal')
  })

  it('ask for a presentation month, or say the month asked for is not planned yet', () => {
    const none = composeReminderEmail(
      { ...seat, kind: 'presentation_unplanned', subject: 'o:2026', requestedMonth: null },
      ctx,
    )
    expect(none.subject).toBe('AMP SoCal has no presentation slot for 2026 yet')
    expect(none.text).toContain('Ask for the month that suits you')
    expect(none.text).toContain('https://hub.example.org/organizations/amp-socal/presentation')
    const asked = composeReminderEmail(
      { ...seat, kind: 'presentation_unplanned', subject: 'o:2026', requestedMonth: 6 },
      ctx,
    )
    expect(asked.text).toContain('You asked for June')
  })

  it('greet the person and end with the link that stops this kind, and the preferences page', () => {
    const email = composeReminderEmail({ ...seat, kind: 'at_risk', subject: 'o:2026', reasons: [] }, ctx)
    expect(email.text.startsWith('Hello Avery Bennett,\n\n')).toBe(true)
    expect(email.text).toContain(
      'To stop these emails (“Your organisation is at risk of missing its obligations”), open:\nhttps://hub.example.org/reminders/unsubscribe?token=abc.def\n',
    )
    expect(email.text).toContain('Choose which reminders you get: https://hub.example.org/account/reminders')
  })
})
