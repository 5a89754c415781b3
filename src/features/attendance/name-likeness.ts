/**
 * How alike two people's names are, as a meeting tool mangles them: a typo, a missing accent,
 * first and last name swapped, initials (`J. Doe`, `Jane D`). Pure; names are folded first.
 */
import { foldName } from './parse/names.ts'

/** Why two names look alike, strongest first. */
export type Likeness = { score: number; how: 'same' | 'swapped' | 'initials' | 'spelled' }

const words = (name: string): string[] =>
  foldName(name)
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean)

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/** The three-letter pieces of each word, padded as pg_trgm pads them (two spaces before, one after). */
function trigrams(text: string): Set<string> {
  const found = new Set<string>()
  for (const word of words(text)) {
    const padded = `  ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) found.add(padded.slice(i, i + 3))
  }
  return found
}

/** Shared trigrams over all trigrams (0 to 1), as pg_trgm's similarity(). */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a)
  const y = trigrams(b)
  if (x.size === 0 || y.size === 0) return 0
  let shared = 0
  for (const t of x) if (y.has(t)) shared++
  return shared / (x.size + y.size - shared)
}

/** 1 minus the edit distance over the longer name (0 to 1). */
export function spellingSimilarity(a: string, b: string): number {
  const x = words(a).join(' ')
  const y = words(b).join(' ')
  const longest = Math.max(x.length, y.length)
  return longest === 0 ? 0 : 1 - editDistance(x, y) / longest
}

/** Each word of `short` is the word of `full` at the same place, or its initial; at least one full word. */
function initialsOf(short: string[], full: string[]): boolean {
  if (short.length !== full.length || short.length < 2) return false
  let whole = 0
  for (const [i, word] of short.entries()) {
    const other = full[i] as string
    if (word === other) whole++
    else if (word.length !== 1 || other[0] !== word) return false
  }
  return whole >= 1 && whole < short.length
}

/** Two words alike enough to be one misspelt: a letter or two apart (one for short words), or a nickname's prefix. */
function wordsAlike(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true
  return editDistance(a, b) <= (Math.max(a.length, b.length) >= 6 ? 2 : 1)
}

/** How alike a participant's name is to a person's full name; null when not alike at all. */
export function nameLikeness(participant: string, person: string): Likeness | null {
  const p = words(participant)
  const q = words(person)
  if (p.length === 0 || q.length === 0) return null
  if (p.join(' ') === q.join(' ')) return { score: 1, how: 'same' }
  if (p.length >= 2 && [...p].reverse().join(' ') === q.join(' ')) return { score: 0.95, how: 'swapped' }
  if (initialsOf(p, q)) return { score: 0.8, how: 'initials' }
  // A misspelling keeps both the first and the last name recognisable: `Ted Kowalski` is not `Caleb Kowalski`.
  if (p.length < 2 || q.length < 2) return null
  if (!wordsAlike(p[0] as string, q[0] as string) || !wordsAlike(p.at(-1) as string, q.at(-1) as string))
    return null
  const score = Math.max(spellingSimilarity(participant, person), trigramSimilarity(participant, person))
  return score >= 0.6 ? { score, how: 'spelled' } : null
}
