import { describe, expect, it } from 'vitest'
import { commentProblem, parseReviewForm } from './review-form.ts'

const met = {
  verdict_agreement: 'met',
  verdict_swot: 'met',
  verdict_plan: 'met',
  verdict_dei_sustainability: 'met',
}

describe('the staff review form', () => {
  it('accepts four verdicts, with comments trimmed and empty ones left out', () => {
    const parsed = parseReviewForm({
      ...met,
      verdict_swot: 'needs_info',
      comment_swot: '  Upload the full analysis.\r\nPage 2 is missing.  ',
      comment_agreement: '   ',
    })
    expect(parsed).toEqual({
      ok: true,
      value: {
        agreement: { verdict: 'met', comment: null },
        swot: { verdict: 'needs_info', comment: 'Upload the full analysis.\nPage 2 is missing.' },
        plan: { verdict: 'met', comment: null },
        dei_sustainability: { verdict: 'met', comment: null },
      },
    })
  })

  it('asks for a verdict on every criterion and a comment unless it is met, keeping what was typed', () => {
    const parsed = parseReviewForm({
      verdict_agreement: 'not_met',
      comment_agreement: '',
      verdict_swot: 'maybe',
      comment_swot: 'Typed text',
      verdict_plan: 'needs_info',
    })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual({
      comment_agreement: 'Say why the criterion is not met: a comment is needed for this verdict.',
      verdict_swot: 'Choose met, not met or needs more information.',
      comment_plan:
        'Say what the applicant should add: a comment is needed when more information is asked for.',
      verdict_dei_sustainability: 'Choose met, not met or needs more information.',
    })
    expect(parsed.form.swot).toEqual({ verdict: 'maybe', comment: 'Typed text' })
  })

  it('refuses over-long comments and NUL characters with what was expected', () => {
    expect(commentProblem('a'.repeat(2000))).toBeUndefined()
    expect(commentProblem('a'.repeat(2001))).toBe('Write at most 2,000 characters (this comment has 2,001).')
    expect(commentProblem('a\u0000b')).toBe('Remove the invisible NUL characters from this comment.')
  })
})
