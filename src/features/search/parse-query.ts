/** The longest query the Hub searches for: longer input is cut here (a search box, not a document). */
export const MAX_QUERY_LENGTH = 200

/**
 * What a person typed, made ready for PostgreSQL full-text search. `text` is the normalised query
 * (spaces collapsed, at most MAX_QUERY_LENGTH characters): it is what the page shows and what the
 * cache is keyed by. `words` goes to `websearch_to_tsquery` (quoted phrases, `-exclusions`, `or`),
 * `prefix` (only letters and digits, never tsquery syntax) is the last word being typed, matched as
 * `prefix:*` (not after "or", where it is one alternative). `searchable` is false for an empty query or one that only excludes.
 */
export type ParsedQuery = { text: string; words: string; prefix: string | null; searchable: boolean }

/** A word PostgreSQL may match as a prefix: letters and digits only, two or more. */
const PREFIX_WORD = /^[\p{L}\p{N}]{2,}$/u

/** Normalises the query and splits off its last word for prefix matching (see ParsedQuery). */
export function parseQuery(input: string | undefined): ParsedQuery {
  const text = (input ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim()
  const tokens = text.split(' ').filter((t) => t !== '')
  // Something to look for: a word that is not an exclusion and has a letter or digit.
  const searchable = tokens.some((t) => !t.startsWith('-') && /[\p{L}\p{N}]/u.test(t))
  const last = tokens.at(-1) ?? ''
  const insideQuotes = (text.match(/"/g)?.length ?? 0) % 2 === 1
  // A word after "or" is an alternative: as a prefix it would be required (`words && prefix`).
  const afterOr = tokens.at(-2)?.toLowerCase() === 'or'
  if (!searchable || insideQuotes || afterOr || !PREFIX_WORD.test(last) || last.toLowerCase() === 'or')
    return { text, words: text, prefix: null, searchable }
  return { text, words: text.slice(0, text.length - last.length).trim(), prefix: last, searchable }
}
