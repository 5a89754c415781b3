import { describe, expect, it } from 'vitest'
import { complianceRequest } from './compliance.ts'

describe('complianceRequest', () => {
  it('reads the year, the optional date and --json', () => {
    expect(complianceRequest([], { year: '2026' })).toEqual({ year: 2026, today: null, json: false })
    expect(complianceRequest([], { year: '2027', today: '2027-03-01', json: true })).toEqual({
      year: 2027,
      today: '2027-03-01',
      json: true,
    })
  })

  it('says what is wrong with a missing or malformed year', () => {
    expect(complianceRequest([], {})).toEqual({
      problem: 'hub compliance needs --year YYYY (a calendar year, e.g. 2026)',
    })
    for (const year of ['26', '20266', '2026.0', ' 2026', '0999', 'next'])
      expect(complianceRequest([], { year })).toEqual({
        problem: `"${year}" is not a year for --year: write four digits, e.g. --year 2026`,
      })
  })

  it('refuses a date that does not exist and a stray argument', () => {
    expect(complianceRequest([], { year: '2026', today: '2026-02-30' })).toEqual({
      problem: '"2026-02-30" is not a date for --today: write YYYY-MM-DD, e.g. --today 2026-11-26',
    })
    expect(complianceRequest(['2026'], { year: '2026' })).toEqual({
      problem: 'hub compliance takes no argument "2026"; use --year YYYY',
    })
  })
})
