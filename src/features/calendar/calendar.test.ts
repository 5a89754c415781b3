import { describe, expect, it } from 'vitest'
import { callUid, type FeedCall, PUBLIC_CALL_FIELDS, publicCall, renderNetworkCalendar } from './calendar.ts'
import { icsEvents, unescapeText, validateIcs } from './ics-validate.ts'

const call = (over: Partial<FeedCall> = {}): FeedCall => ({
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
  ...over,
})

const now = new Date('2026-11-26T00:00:00Z')

describe('renderNetworkCalendar', () => {
  it('writes a call at 1 pm New York time with its zone, a 30-minute end and a stable UID', () => {
    const text = renderNetworkCalendar([call()], { now })
    expect(validateIcs(text)).toEqual([])
    const [event] = icsEvents(text)
    expect(event?.UID?.value).toBe('0b0e7c2e-2f4e-4c1e-9a59-1f1d2c3b4a50@collaborative-hub')
    expect(event?.DTSTART?.params.TZID).toBe('America/New_York')
    expect(event?.DTSTART?.value).toBe('20260309T130000')
    expect(event?.DTEND?.value).toBe('20260309T133000')
    expect(event?.SUMMARY?.value).toBe('National call')
    expect(event?.STATUS?.value).toBe('CONFIRMED')
    expect(event?.DTSTAMP?.value).toBe('20261126T000000Z')
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n')
    expect(text).toContain('\r\nPRODID:-//Hub//Network calendar//EN\r\n')
  })

  it('marks a cancelled call CANCELLED and says why, with the agenda after', () => {
    const text = renderNetworkCalendar(
      [
        call({
          status: 'cancelled',
          cancelReason: 'Memorial Day, a federal holiday',
          agenda: 'Budget; vote, then Q&A',
        }),
      ],
      { now },
    )
    expect(validateIcs(text)).toEqual([])
    const [event] = icsEvents(text)
    expect(event?.STATUS?.value).toBe('CANCELLED')
    expect(unescapeText(event?.DESCRIPTION?.value ?? '')).toBe(
      'Cancelled: Memorial Day, a federal holiday\n\nAgenda:\nBudget; vote, then Q&A',
    )
  })

  it('keeps the wall clock of each call in its own zone, whatever zone the server runs in', () => {
    const serverZone = process.env.TZ
    // Node reads TZ again when it changes: the server now runs on Tokyo time.
    process.env.TZ = 'Asia/Tokyo'
    let text: string
    try {
      text = renderNetworkCalendar(
        [
          call(),
          call({
            id: '1b0e7c2e-2f4e-4c1e-9a59-1f1d2c3b4a50',
            timeZone: 'America/Los_Angeles',
            localDate: '2026-07-06',
            startsAt: '2026-07-06T16:30:00Z',
          }),
        ],
        { now },
      )
    } finally {
      if (serverZone === undefined) delete process.env.TZ
      else process.env.TZ = serverZone
    }
    expect(validateIcs(text)).toEqual([])
    const events = icsEvents(text)
    expect(events.map((e) => `${e.DTSTART?.params.TZID} ${e.DTSTART?.value}`)).toEqual([
      'America/New_York 20260309T130000',
      'America/Los_Angeles 20260706T093000',
    ])
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2)
  })

  it('names an extra call by its title and gives the recording link', () => {
    const text = renderNetworkCalendar(
      [call({ title: 'Extra call: budget review', recordingUrl: 'https://example.org/recordings/42' })],
      { now },
    )
    expect(validateIcs(text)).toEqual([])
    const [event] = icsEvents(text)
    expect(unescapeText(event?.SUMMARY?.value ?? '')).toBe('Extra call: budget review')
    expect(unescapeText(event?.DESCRIPTION?.value ?? '')).toBe('Recording: https://example.org/recordings/42')
  })

  it('carries the revision count and last change of a call', () => {
    const text = renderNetworkCalendar([call({ sequence: 2, lastModified: '2026-05-01T14:15:16Z' })], { now })
    const [event] = icsEvents(text)
    expect(event?.SEQUENCE?.value).toBe('2')
    expect(event?.['LAST-MODIFIED']?.value).toBe('20260501T141516Z')
    expect(event?.DTSTAMP?.value).toBe('20260501T141516Z')
  })

  it('folds a long agenda at 75 octets, accents included', () => {
    const agenda = 'Présentation des résultats régionaux — '.repeat(12)
    const text = renderNetworkCalendar([call({ agenda })], { now })
    expect(validateIcs(text)).toEqual([])
    expect(unescapeText(icsEvents(text)[0]?.DESCRIPTION?.value ?? '')).toBe(`Agenda:\n${agenda.trim()}`)
  })

  it('writes a valid empty calendar when there are no calls', () => {
    const text = renderNetworkCalendar([], { now })
    expect(validateIcs(text)).toEqual([])
    expect(icsEvents(text)).toEqual([])
  })
})

describe('join details in a members feed', () => {
  it('gives a call that is on its join link as URL and description, and the dial-in', () => {
    const text = renderNetworkCalendar(
      [call({ joinUrl: 'https://zoom.example.org/j/77', dialIn: '+1 555 0100\nPasscode 42' })],
      { now },
    )
    expect(validateIcs(text)).toEqual([])
    const [event] = icsEvents(text)
    expect(event?.URL?.value).toBe('https://zoom.example.org/j/77')
    const description = unescapeText(event?.DESCRIPTION?.value ?? '')
    expect(description).toContain('Join: https://zoom.example.org/j/77')
    expect(description).toContain('Dial-in:\n+1 555 0100\nPasscode 42')
  })
})

describe('publicCall', () => {
  const full = call({
    status: 'cancelled',
    cancelReason: 'The chair is on sick leave',
    agenda: 'Confidential: the budget vote',
    title: 'Board briefing',
    recordingUrl: 'https://example.org/recordings/secret-42',
    joinUrl: 'https://zoom.example.org/j/secret-join',
    dialIn: 'Passcode secret-dial',
  })

  it('keeps exactly the public fields: when the call is and whether it is on', () => {
    expect(Object.keys(publicCall(full)).sort()).toEqual([...PUBLIC_CALL_FIELDS].sort())
    expect(publicCall(full)).not.toHaveProperty('agenda')
  })

  it('gives the public feed no title, reason, agenda or recording of a call that has them', () => {
    const text = renderNetworkCalendar([publicCall(full)], { now })
    expect(validateIcs(text)).toEqual([])
    const [event] = icsEvents(text)
    expect(event?.SUMMARY?.value).toBe('National call')
    expect(event?.STATUS?.value).toBe('CANCELLED')
    expect(unescapeText(event?.DESCRIPTION?.value ?? '')).toBe('This call is cancelled.')
    const unfolded = text.replace(/\r\n[ \t]/g, '')
    for (const secret of [
      'sick leave',
      'Confidential',
      'Board briefing',
      'secret-42',
      'secret-join',
      'secret-dial',
    ]) {
      expect(unfolded).not.toContain(secret)
    }
  })
})

describe('callUid', () => {
  it('derives the UID from the call id alone', () => {
    expect(callUid('abc')).toBe('abc@collaborative-hub')
  })
})
