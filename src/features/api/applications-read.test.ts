import { describe, expect, it } from 'vitest'
import { parseStatusFilter } from './applications-read.ts'

describe('the status filter of the applications API', () => {
  it('takes nothing, one status, or several separated by commas, each once', () => {
    expect(parseStatusFilter(undefined)).toEqual({ statuses: [] })
    expect(parseStatusFilter('')).toEqual({ statuses: [] })
    expect(parseStatusFilter('with_board')).toEqual({ statuses: ['with_board'] })
    expect(parseStatusFilter('submitted, needs_info,submitted')).toEqual({
      statuses: ['submitted', 'needs_info'],
    })
  })

  it('refuses drafts and unknown statuses with the list of known ones', () => {
    for (const value of ['draft', 'approved,nope'])
      expect(parseStatusFilter(value)).toEqual({
        error:
          'Filter by one or more of submitted, needs_info, with_board, approved, rejected, withdrawn, separated by commas (drafts are not shared until submitted).',
      })
  })
})
