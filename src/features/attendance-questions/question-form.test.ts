import { describe, expect, it } from 'vitest'
import { askForm } from './question-form.ts'

describe('the question form', () => {
  const ask = (fields: Record<string, string>) => askForm.safeParse({ personId: 'p', ...fields })

  it('keeps the note’s line breaks and trims both texts', () => {
    expect(ask({ appearedAs: ' iPhone 14 ', note: ' Laptop died.\nJoined by phone. ' }).data).toEqual({
      personId: 'p',
      appearedAs: 'iPhone 14',
      note: 'Laptop died.\nJoined by phone.',
    })
  })

  it('refuses control characters as every other text of the Hub does', () => {
    expect(ask({ appearedAs: 'iPhone\u202e41' }).error?.issues[0]?.message).toBe(
      'The answer must be one line of text, without line breaks or control characters.',
    )
    expect(ask({ appearedAs: 'iPhone', note: 'a\u0000b' }).error?.issues[0]?.message).toBe(
      'The note must be plain text, without control characters other than line breaks and tabs.',
    )
  })
})
