import { describe, expect, it } from 'vitest'
import { MAX_QUERY_LENGTH, parseQuery } from './parse-query.ts'

describe('parseQuery', () => {
  it('takes the last word as the prefix being typed', () => {
    expect(parseQuery('  advanced   manufa ')).toEqual({
      text: 'advanced manufa',
      words: 'advanced',
      prefix: 'manufa',
      searchable: true,
    })
  })

  it('leaves quoted phrases, exclusions and punctuation to websearch_to_tsquery', () => {
    expect(parseQuery('"supply chain"').prefix).toBeNull()
    expect(parseQuery('robots -welding').prefix).toBeNull()
    expect(parseQuery("o'brien").prefix).toBeNull()
    expect(parseQuery('a:* & b').prefix).toBeNull()
    expect(parseQuery('grants or').prefix).toBeNull()
    // After "or" the last word is an alternative, which a required prefix would turn into a condition.
    expect(parseQuery('robots or weldi')).toMatchObject({ words: 'robots or weldi', prefix: null })
  })

  it('never puts tsquery syntax in the prefix', () => {
    for (const hostile of ["'", ':', '&|!()', '\\', 'x:*|y', "a' | b:*"]) {
      const parsed = parseQuery(hostile)
      expect(parsed.prefix === null || /^[\p{L}\p{N}]+$/u.test(parsed.prefix)).toBe(true)
    }
  })

  it('has nothing to search for in an empty query, punctuation or only exclusions', () => {
    expect(parseQuery('').searchable).toBe(false)
    expect(parseQuery(undefined).searchable).toBe(false)
    expect(parseQuery('&|!()').searchable).toBe(false)
    expect(parseQuery('-robots -welding').searchable).toBe(false)
  })

  it('cuts very long input and control characters', () => {
    const parsed = parseQuery(`${'word '.repeat(1000)}\u0000end`)
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH)
    expect(parsed.text).not.toContain('\u0000')
  })
})
