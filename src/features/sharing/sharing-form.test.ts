import { describe, expect, it } from 'vitest'
import { firstAdmission } from './sharing-context.ts'
import {
  answerProblem,
  checkSharingForm,
  earliestSharingDate,
  quarterDates,
  quarterOf,
  questionProblem,
  readSharingForm,
  type SharingContext,
} from './sharing-form.ts'

const briefing = { id: 'b-workforce', title: 'Workforce pipelines that worked', publishedOn: '2026-09-21' }
const context: SharingContext = {
  today: '2026-11-26',
  organizationName: 'AMP SoCal',
  admittedOn: '2025-03-03',
  briefings: [briefing, { id: 'b-welcome', title: 'Welcome', publishedOn: '2026-01-12' }],
}
const typed = {
  sharedOn: ['2026-11-20'],
  audience: ['  Regional partners’ steering committee '],
  channel: [' Meeting'],
  description: [''],
  evidenceUrl: [''],
  briefingIds: ['b-workforce', 'b-welcome', 'b-workforce', ''],
}

describe('the sharing form', () => {
  it('reads the first value of each field, trimmed, and each briefing once', () => {
    expect(readSharingForm(typed)).toEqual({
      sharedOn: '2026-11-20',
      audience: 'Regional partners’ steering committee',
      channel: 'Meeting',
      description: '',
      evidenceUrl: '',
      briefingIds: ['b-workforce', 'b-welcome'],
    })
    expect(readSharingForm({})).toMatchObject({ sharedOn: '', audience: '', briefingIds: [] })
  })

  it('accepts a date, an audience, a channel and briefings, with no description or link', () => {
    expect(checkSharingForm(readSharingForm(typed), context)).toEqual({
      ok: true,
      value: {
        sharedOn: '2026-11-20',
        audience: 'Regional partners’ steering committee',
        channel: 'Meeting',
        description: null,
        evidenceUrl: null,
        briefingIds: ['b-workforce', 'b-welcome'],
      },
    })
  })

  it('works with no briefing offered and none ticked', () => {
    const form = readSharingForm({ ...typed, briefingIds: [] })
    expect(checkSharingForm(form, { ...context, briefings: [] })).toMatchObject({ ok: true })
  })

  const errorsOf = (change: Partial<Record<keyof typeof typed, string[]>>, ctx = context) => {
    const result = checkSharingForm(readSharingForm({ ...typed, ...change }), ctx)
    return result.ok ? {} : result.errors
  }

  it('refuses a date that is not a date, in the future, before the admission, or over two years ago', () => {
    expect(errorsOf({ sharedOn: ['2026-02-30'] }).sharedOn).toBe(
      'Enter the date you shared, such as 2026-11-02 (year, month, day).',
    )
    expect(errorsOf({ sharedOn: ['2026-11-27'] }).sharedOn).toBe(
      'The date cannot be in the future: enter today (November 26, 2026) or an earlier day.',
    )
    expect(errorsOf({ sharedOn: ['2026-11-26'] }).sharedOn).toBeUndefined()
    expect(errorsOf({ sharedOn: ['2025-03-02'], briefingIds: [] }).sharedOn).toBe(
      'AMP SoCal was admitted on March 3, 2025: enter that day or a later one.',
    )
    expect(errorsOf({ sharedOn: ['2025-03-03'], briefingIds: [] }).sharedOn).toBeUndefined()
    const longMember = { ...context, admittedOn: '2018-05-01' }
    expect(errorsOf({ sharedOn: ['2024-11-25'], briefingIds: [] }, longMember).sharedOn).toBe(
      'Enter a date within the last two years: November 26, 2024 or later.',
    )
    expect(errorsOf({ sharedOn: ['2024-11-26'], briefingIds: [] }, longMember).sharedOn).toBeUndefined()
  })

  it('counts two years back from a leap day to the first of March', () => {
    expect(earliestSharingDate('2028-02-29')).toBe('2026-03-01')
    expect(earliestSharingDate('2026-11-26')).toBe('2024-11-26')
  })

  it('needs an audience of at most 200 characters and a channel of at most 100', () => {
    expect(errorsOf({ audience: ['  '] }).audience).toBe(
      'Say who you shared with, such as “Regional partners’ steering committee”.',
    )
    expect(errorsOf({ audience: ['a'.repeat(200)] }).audience).toBeUndefined()
    expect(errorsOf({ audience: ['a'.repeat(10_001)] }).audience).toBe(
      'Describe the audience in at most 200 characters (this one has 10,001).',
    )
    expect(errorsOf({ channel: [''] }).channel).toBe(
      'Say how you shared: an email newsletter, a meeting, a website, social media or another channel.',
    )
    expect(errorsOf({ channel: ['c'.repeat(101)] }).channel).toBe(
      'Name the channel in at most 100 characters (this one has 101).',
    )
  })

  it('takes a description of up to 2,000 characters and an optional http(s) link', () => {
    expect(errorsOf({ description: ['d'.repeat(2001)] }).description).toBe(
      'Write the description in at most 2,000 characters (this one has 2,001).',
    )
    expect(errorsOf({ evidenceUrl: ['javascript:alert(1)'] }).evidenceUrl).toBe(
      'Enter a full web address starting with http:// or https://, such as https://example.org/newsletter, or leave it empty.',
    )
    expect(errorsOf({ evidenceUrl: ['ftp://example.org/file'] }).evidenceUrl).toBeDefined()
    expect(errorsOf({ evidenceUrl: [`https://example.org/${'p'.repeat(2000)}`] }).evidenceUrl).toBe(
      'A link can be at most 2,000 characters (this one has 2,020).',
    )
    expect(errorsOf({ evidenceUrl: ['https://amp-socal.example.org/news'] }).evidenceUrl).toBeUndefined()
  })

  it('refuses a briefing the form did not offer, and one published after the date of sharing', () => {
    expect(errorsOf({ briefingIds: ['b-unknown'] }).briefingIds).toBe(
      'Tick briefings from the list: one of those sent is not offered here. Reload the page and try again.',
    )
    expect(errorsOf({ sharedOn: ['2026-09-20'] }).briefingIds).toBe(
      '“Workforce pipelines that worked” was published on September 21, 2026, after the date you shared: untick it or correct the date.',
    )
    expect(errorsOf({ sharedOn: ['2026-09-21'] }).briefingIds).toBeUndefined()
  })

  it('reports every field that needs a correction at once', () => {
    expect(Object.keys(errorsOf({ sharedOn: ['2027-01-01'], audience: [''], channel: [''] })).sort()).toEqual(
      ['audience', 'channel', 'sharedOn'],
    )
  })
})

describe('questions and answers', () => {
  it('needs a question of 1 to 2,000 characters', () => {
    expect(questionProblem('')).toBe('Write the question to ask the organisation.')
    expect(questionProblem('q'.repeat(2000))).toBeUndefined()
    expect(questionProblem('q'.repeat(10_001))).toBe(
      'Write the question in at most 2,000 characters (this one has 10,001).',
    )
  })

  it('needs an answer of 1 to 2,000 characters', () => {
    expect(answerProblem('')).toBe('Write your answer to the question.')
    expect(answerProblem('Yes.')).toBeUndefined()
    expect(answerProblem('a'.repeat(2001))).toBe(
      'Write the answer in at most 2,000 characters (this one has 2,001).',
    )
  })
})

describe('quarters', () => {
  it('puts each month in its quarter', () => {
    expect(
      ['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-10-01', '2026-12-31'].map(quarterOf),
    ).toEqual([1, 1, 2, 3, 4, 4])
  })

  it('gives the first and last day of each quarter, leap years included', () => {
    expect(quarterDates(2028, 1)).toEqual({ startsOn: '2028-01-01', endsOn: '2028-03-31' })
    expect(quarterDates(2026, 2)).toEqual({ startsOn: '2026-04-01', endsOn: '2026-06-30' })
    expect(quarterDates(2026, 3)).toEqual({ startsOn: '2026-07-01', endsOn: '2026-09-30' })
    expect(quarterDates(2026, 4)).toEqual({ startsOn: '2026-10-01', endsOn: '2026-12-31' })
  })
})

describe('the first admission', () => {
  it('is the earliest admitted event, whatever came after, and null for an organisation never admitted', () => {
    expect(
      firstAdmission([
        { kind: 'applied', effectiveOn: '2019-01-10' },
        { kind: 'admitted', effectiveOn: '2019-03-04' },
        { kind: 'suspended', effectiveOn: '2021-05-01' },
        { kind: 'reinstated', effectiveOn: '2022-01-03' },
      ]),
    ).toBe('2019-03-04')
    expect(firstAdmission([{ kind: 'applied', effectiveOn: '2026-01-10' }])).toBeNull()
  })
})
