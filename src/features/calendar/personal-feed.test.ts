import { describe, expect, it } from 'vitest'
import { type FeedCall, renderNetworkCalendar } from './calendar.ts'
import { icsEvents, unescapeText, validateIcs } from './ics-validate.ts'
import { type PresentationSlot, presentationEvent, presentationUid } from './personal-feed.ts'
import { webcalUrl } from './personal-feed.views.tsx'

const call: FeedCall = {
  id: '0b0e7c2e-2f4e-4c1e-9a59-1f1d2c3b4a50',
  localDate: '2026-03-09',
  timeZone: 'America/New_York',
  startsAt: '2026-03-09T17:00:00Z',
  durationMinutes: 30,
  status: 'scheduled',
  cancelReason: null,
  agenda: null,
  title: null,
  recordingUrl: null,
  joinUrl: null,
  dialIn: null,
  sequence: 0,
  lastModified: null,
}

const slot = (over: Partial<PresentationSlot> = {}): PresentationSlot => ({
  id: '7d1f0c2e-2f4e-4c1e-9a59-1f1d2c3b4a51',
  organizationName: 'AMP SoCal',
  title: 'Aerospace supply chains',
  status: 'planned',
  callDate: '2026-03-09',
  callStartsAt: '2026-03-09T17:00:00Z',
  callTimeZone: 'America/New_York',
  callStatus: 'scheduled',
  callCancelReason: null,
  sequence: 0,
  lastModified: null,
  ...over,
})

const now = new Date('2026-11-26T00:00:00Z')

describe('presentationEvent', () => {
  it('puts the slot at the start of its call for the given minutes, after the calls', () => {
    const text = renderNetworkCalendar([call], { now, extraEvents: [presentationEvent(slot(), 15)] })
    expect(validateIcs(text)).toEqual([])
    const [callEvent, event] = icsEvents(text)
    expect(callEvent?.SUMMARY?.value).toBe('National call')
    expect(event?.UID?.value).toBe('presentation-7d1f0c2e-2f4e-4c1e-9a59-1f1d2c3b4a51@collaborative-hub')
    expect(event?.SUMMARY?.value).toBe('Presentation: AMP SoCal')
    expect(event?.DTSTART?.params.TZID).toBe('America/New_York')
    expect(event?.DTSTART?.value).toBe('20260309T130000')
    expect(event?.DTEND?.value).toBe('20260309T131500')
    expect(event?.STATUS?.value).toBe('CONFIRMED')
    expect(unescapeText(event?.DESCRIPTION?.value ?? '')).toBe(
      'AMP SoCal presents on the national call of March 9, 2026, at its start.\n\nTitle: Aerospace supply chains',
    )
  })

  it('cancels the slot of a cancelled call, saying why', () => {
    const event = presentationEvent(slot({ callStatus: 'cancelled', callCancelReason: 'Snowstorm' }), 15)
    expect(event.isCancelled).toBe(true)
    expect(event.description?.startsWith('Cancelled: the call is cancelled (Snowstorm).')).toBe(true)
  })

  it('covers a slot in a year with no call with its own VTIMEZONE years', () => {
    const text = renderNetworkCalendar([], {
      now,
      extraEvents: [
        presentationEvent(slot({ callDate: '2028-07-10', callStartsAt: '2028-07-10T17:00:00Z' }), 15),
      ],
    })
    expect(validateIcs(text)).toEqual([])
    expect(icsEvents(text)[0]?.DTSTART?.value).toBe('20280710T130000')
  })
})

describe('presentationUid', () => {
  it('derives the UID from the presentation id alone', () => {
    expect(presentationUid('abc')).toBe('presentation-abc@collaborative-hub')
  })
})

describe('webcalUrl', () => {
  it('turns an http or https address into a webcal one', () => {
    expect(webcalUrl('https://hub.example.org/calendar/network.ics')).toBe(
      'webcal://hub.example.org/calendar/network.ics',
    )
    expect(webcalUrl('http://localhost:3000/x.ics')).toBe('webcal://localhost:3000/x.ics')
  })
})
