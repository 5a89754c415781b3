import {
  type MemberCriterion,
  memberCriteria,
  type ReviewVerdict,
  reviewVerdicts,
} from '#src/db/schema/index.ts'
import { formatNumber } from '#src/ui/format.ts'

/** The longest comment a reviewer or a board member can write. */
export const COMMENT_MAX = 2000

/** The review form as typed: a verdict and a comment per criterion. */
export type ReviewForm = Record<MemberCriterion, { verdict: string; comment: string }>
export type ReviewFormErrors = Partial<Record<`${'verdict' | 'comment'}_${MemberCriterion}`, string>>
export type Verdicts = Record<MemberCriterion, { verdict: ReviewVerdict; comment: string | null }>

/** Checks a comment's length and characters; returns the problem, or undefined. */
export function commentProblem(comment: string): string | undefined {
  if (comment.includes('\u0000')) return 'Remove the invisible NUL characters from this comment.'
  if (comment.length > COMMENT_MAX)
    return `Write at most ${formatNumber(COMMENT_MAX)} characters (this comment has ${formatNumber(comment.length)}).`
  return undefined
}

export const emptyReviewForm = (): ReviewForm =>
  Object.fromEntries(memberCriteria.map((c) => [c, { verdict: '', comment: '' }])) as ReviewForm

/**
 * Reads the staff review form: for each of the four criteria, met / not met / needs more
 * information (`verdict_<criterion>`), and a comment (`comment_<criterion>`) that is
 * required unless the criterion is met.
 */
export function parseReviewForm(
  body: Record<string, unknown>,
): { ok: true; value: Verdicts } | { ok: false; form: ReviewForm; errors: ReviewFormErrors } {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '')
  const form = emptyReviewForm()
  const errors: ReviewFormErrors = {}
  const value = {} as Verdicts
  for (const criterion of memberCriteria) {
    const verdict = text(`verdict_${criterion}`)
    const comment = text(`comment_${criterion}`).replace(/\r\n?/g, '\n')
    form[criterion] = { verdict, comment }
    const trimmed = comment.trim()
    if (!(reviewVerdicts as readonly string[]).includes(verdict))
      errors[`verdict_${criterion}`] = 'Choose met, not met or needs more information.'
    const problem = commentProblem(trimmed)
    if (problem) errors[`comment_${criterion}`] = problem
    else if ((verdict === 'not_met' || verdict === 'needs_info') && trimmed === '')
      errors[`comment_${criterion}`] =
        verdict === 'needs_info'
          ? 'Say what the applicant should add: a comment is needed when more information is asked for.'
          : 'Say why the criterion is not met: a comment is needed for this verdict.'
    value[criterion] = { verdict: verdict as ReviewVerdict, comment: trimmed === '' ? null : trimmed }
  }
  if (Object.keys(errors).length > 0) return { ok: false, form, errors }
  return { ok: true, value }
}
