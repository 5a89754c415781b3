import { describe, expect, it } from 'vitest'
import { defaultSettings } from '#src/features/settings/settings.ts'
import { describeSeries, formatCallDate, formatCallTime, formatCallWhen } from './call-format.ts'
import { checkCancelForm, checkEditForm, checkMoveForm, checkNewCallForm } from './call-forms.ts'
import { seriesHorizon } from './call-series.ts'
import { isHeld } from './held.ts'

const edit = {
  title: 'Budget update',
  agenda: 'Welcome\nBudget',
  notes: '',
  recordingUrl: '',
  joinUrl: '',
  dialIn: '',
}
const BRIEFING = '0b0e2a52-4c1c-4a8e-9d6f-2f7c1d2e3a4b'

describe('how far ahead the series goes', () => {
  it('reaches the end of next year, so that next year can be planned', () => {
    expect(seriesHorizon('2026-01-02')).toBe('2027-12-31')
    expect(seriesHorizon('2026-11-26')).toBe('2027-12-31')
  })

  it('is never less than a year and a week ahead', () => {
    expect(seriesHorizon('2026-12-30')).toBe('2028-01-05')
    expect(seriesHorizon('2027-06-01')).toBe('2028-12-31')
  })
})

describe('how a call’s time reads', () => {
  it('writes the day and the time in the call’s own zone', () => {
    expect(formatCallWhen('2026-11-30T18:00:00Z', 'America/New_York')).toBe(
      'Monday, November 30, 2026, 1:00 pm ET',
    )
    expect(formatCallWhen('2026-11-30T18:00:00Z', 'America/Los_Angeles')).toBe(
      'Monday, November 30, 2026, 10:00 am PT',
    )
  })

  it('keeps the local date when the instant is on the next day in UTC', () => {
    expect(formatCallWhen('2026-12-01T02:30:00Z', 'America/New_York')).toBe(
      'Monday, November 30, 2026, 9:30 pm ET',
    )
  })

  it('uses the short zone name where no short generic one reads well', () => {
    expect(formatCallTime('2026-11-30T18:00:00Z', 'Europe/London')).toBe('6:00 pm GMT')
    expect(formatCallTime('2026-07-06T17:00:00Z', 'Europe/London')).toBe('6:00 pm GMT+1')
    expect(formatCallTime('2026-11-30T18:00:00Z', 'UTC')).toBe('6:00 pm UTC')
  })

  it('writes a calendar date with its weekday', () => {
    expect(formatCallDate('2027-01-18')).toBe('Monday, January 18, 2027')
  })

  it('describes the weekly series from the settings', () => {
    expect(describeSeries(defaultSettings, '2026-11-26')).toBe('on Mondays at 1:00 pm ET, for 30 minutes')
    expect(describeSeries({ ...defaultSettings, callWeekday: 3, callStartTime: '09:30' }, '2026-07-01')).toBe(
      'on Wednesdays at 9:30 am ET, for 30 minutes',
    )
  })
})

describe('which calls are held', () => {
  it('counts a call before today that was not cancelled', () => {
    expect(isHeld({ status: 'scheduled', localDate: '2026-11-23' }, '2026-11-26')).toBe(true)
    expect(isHeld({ status: 'scheduled', localDate: '2026-11-26' }, '2026-11-26')).toBe(false)
  })

  it('does not count a cancelled call, nor one from today on', () => {
    expect(isHeld({ status: 'cancelled', localDate: '2026-09-07' }, '2026-11-26')).toBe(false)
    expect(isHeld({ status: 'scheduled', localDate: '2026-11-26' }, '2026-11-26')).toBe(false)
  })
})

describe('the cancel form', () => {
  it('needs a reason, trimmed', () => {
    expect(checkCancelForm({ reason: '  Staff retreat ' })).toEqual({
      ok: true,
      value: { reason: 'Staff retreat' },
    })
    expect(checkCancelForm({ reason: '   ' })).toEqual({
      ok: false,
      errors: { reason: 'Give the reason members will see, such as “Staff retreat” or “Federal holiday”.' },
    })
  })

  it('refuses a reason over 500 characters, saying how long it is', () => {
    expect(checkCancelForm({ reason: 'a'.repeat(500) }).ok).toBe(true)
    expect(checkCancelForm({ reason: 'a'.repeat(10_001) })).toEqual({
      ok: false,
      errors: { reason: 'Write the reason in at most 500 characters (this one has 10,001).' },
    })
  })
})

describe('the move form', () => {
  it('takes a date and a 24-hour start time', () => {
    expect(checkMoveForm({ date: '2026-12-08', startTime: '14:30' })).toEqual({
      ok: true,
      value: { date: '2026-12-08', startTime: '14:30' },
    })
  })

  it('names each field that is wrong', () => {
    expect(checkMoveForm({ date: '2026-02-30', startTime: '2pm' })).toEqual({
      ok: false,
      errors: {
        date: 'Enter a date such as 2026-12-08 (year, month, day).',
        startTime: 'Enter a start time such as 13:00 (24-hour clock, hours and minutes).',
      },
    })
  })
})

describe('the extra call form', () => {
  const defaults = { durationMinutes: 30 }
  const form = { date: '2026-12-09', startTime: '15:00', durationMinutes: '45', title: 'Budget briefing' }

  it('accepts a date, a time, a length and a title', () => {
    expect(checkNewCallForm(form, defaults)).toEqual({
      ok: true,
      value: {
        date: '2026-12-09',
        startTime: '15:00',
        durationMinutes: 45,
        title: 'Budget briefing',
        addedReason: '',
      },
    })
  })

  it('takes the usual length when none is given', () => {
    expect(checkNewCallForm({ ...form, durationMinutes: '' }, defaults)).toMatchObject({
      ok: true,
      value: { durationMinutes: 30 },
    })
  })

  it('refuses a length outside 5 to 240 minutes, or not a whole number', () => {
    for (const durationMinutes of ['4', '241', '30.5', '-10', 'half an hour'])
      expect(checkNewCallForm({ ...form, durationMinutes }, defaults)).toEqual({
        ok: false,
        errors: { durationMinutes: 'Enter the length in minutes, a whole number from 5 to 240.' },
      })
  })

  it('needs a title of at most 200 characters', () => {
    expect(checkNewCallForm({ ...form, title: '' }, defaults)).toEqual({
      ok: false,
      errors: { title: 'Give the extra call a title, such as “Budget briefing”.' },
    })
    expect(checkNewCallForm({ ...form, title: 'x'.repeat(201) }, defaults)).toEqual({
      ok: false,
      errors: { title: 'Write the title in at most 200 characters (this one has 201).' },
    })
  })
})

describe('the edit form', () => {
  it('takes a join link over https only, on one line, and dial-in text with its line breaks', () => {
    expect(
      checkEditForm({ ...edit, joinUrl: 'https://zoom.us/j/1', dialIn: '+1 555\r\nID 1' }, []),
    ).toMatchObject({
      ok: true,
      value: { joinUrl: 'https://zoom.us/j/1', dialIn: '+1 555\nID 1' },
    })
    expect(checkEditForm({ ...edit, joinUrl: 'http://zoom.us/j/1' }, [])).toMatchObject({
      ok: false,
      errors: { joinUrl: 'Enter the join link as an https:// address, such as https://zoom.us/j/123456789.' },
    })
    expect(checkEditForm({ ...edit, dialIn: 'ID\u0000 1' }, [])).toMatchObject({
      ok: false,
      errors: { dialIn: expect.any(String) },
    })
  })

  it('keeps the agenda’s line breaks, as plain LF', () => {
    expect(checkEditForm({ ...edit, agenda: 'Welcome\r\nBudget\r\n' }, [])).toEqual({
      ok: true,
      value: { ...edit, agenda: 'Welcome\nBudget', briefingIds: [] },
    })
  })

  it('limits the agenda and the notes to 10,000 characters each', () => {
    expect(checkEditForm({ ...edit, agenda: 'a'.repeat(10_000) }, []).ok).toBe(true)
    expect(checkEditForm({ ...edit, agenda: 'a'.repeat(10_001), notes: 'n'.repeat(10_001) }, [])).toEqual({
      ok: false,
      errors: {
        agenda: 'Write the agenda in at most 10,000 characters (this one has 10,001).',
        notes: 'Write the notes in at most 10,000 characters (this one has 10,001).',
      },
    })
  })

  it('takes a recording link only on http or https', () => {
    expect(checkEditForm({ ...edit, recordingUrl: 'https://zoom.us/rec/share/abc' }, []).ok).toBe(true)
    expect(checkEditForm({ ...edit, recordingUrl: 'http://example.org/rec' }, []).ok).toBe(true)
    const wrong = 'Enter the web address of the recording, starting with https:// (or http://).'
    for (const recordingUrl of [
      'javascript:alert(1)',
      'zoom.us/rec/abc',
      'ftp://example.org/rec',
      'https://',
    ])
      expect(checkEditForm({ ...edit, recordingUrl }, [])).toEqual({
        ok: false,
        errors: { recordingUrl: wrong },
      })
  })

  it('refuses a recording link over 2,000 characters', () => {
    const long = `https://example.org/${'a'.repeat(2_000)}`
    expect(checkEditForm({ ...edit, recordingUrl: long }, [])).toEqual({
      ok: false,
      errors: { recordingUrl: 'Use a web address of at most 2,000 characters (this one has 2,020).' },
    })
  })

  it('takes ticked briefings once each, and refuses anything that is not one', () => {
    expect(checkEditForm(edit, [BRIEFING, BRIEFING])).toMatchObject({
      ok: true,
      value: { briefingIds: [BRIEFING] },
    })
    expect(checkEditForm(edit, ["1' or '1'='1"])).toEqual({
      ok: false,
      errors: { briefingIds: 'Tick briefings from the list.' },
    })
  })
})
