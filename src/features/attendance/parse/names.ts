/**
 * The "best real name" of a meeting participant, as FORMATS.md describes them:
 * role suffixes dropped, the original name kept when someone renamed themselves
 * (`Maja L (Maja Lindqvist)`), an organisation in parentheses dropped
 * (`Priya Raman (Alamo Mfg Partnership)`), and `Last, First` turned round.
 * Device names and masked phone numbers are kept as they are.
 */

const ROLE_SUFFIX =
  /^(host|co-host|cohost|external|guest|me|organizer|organiser|presenter|attendee|unverified|panelist|moderator)$/i

const ORG_WORD =
  /\b(mfg|manufacturing|inc|llc|ltd|corp|corporation|co|company|companies|partnership|partners|university|univ|college|school|institute|center|centre|council|association|assoc|alliance|network|coalition|foundation|group|department|dept|agency|office|board|authority|commission|consortium|cooperative|coop|society|industries|industry|lab|labs|laboratory|gmbh|plc|region|regional|county|city|state|federal|government|gov|mep|edc|edo|chamber|workforce|hub)\b/i

const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|phd|md|esq)\.?$/i

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

/** Folded for comparing: accents and case removed, spaces collapsed. */
export const foldName = (s: string): string =>
  collapse(s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase())

/** Splits `outer (inner)` where the parentheses close the string; null otherwise. */
function lastParentheses(s: string): { outer: string; inner: string } | null {
  if (!s.endsWith(')')) return null
  const open = s.lastIndexOf('(')
  if (open < 0) return null
  const inner = s.slice(open + 1, -1)
  if (inner.includes(')')) return null
  return { outer: s.slice(0, open).trim(), inner: inner.trim() }
}

const looksLikeOrganisation = (inner: string, outer: string): boolean => {
  if (ORG_WORD.test(inner) || /\d/.test(inner) || /&/.test(inner)) return true
  const words = inner.split(' ').filter(Boolean)
  // An acronym (IIMCP, NIST) is an organisation, not a person.
  if (words.length === 1 && /^[A-Z]{2,}$/.test(inner)) return true
  // A lone word after a full name that does not repeat it reads as an affiliation.
  const outerWords = foldName(outer).split(' ').filter(Boolean)
  if (words.length === 1 && outerWords.length >= 2 && !outerWords.includes(foldName(inner))) return true
  // A full name followed by words that share none of its own (`Jane Doe (AMP SoCal)`) is an
  // affiliation; a rename repeats a word or an initial (`Maja L (Maja Lindqvist)`).
  const innerWords = foldName(inner)
    .split(/[\s,]+/)
    .filter(Boolean)
  const shares = outerWords.some((o) =>
    innerWords.some((i) => i === o || (o.length === 1 && i[0] === o) || (i.length === 1 && o[0] === i)),
  )
  return outerWords.length >= 2 && !inner.includes(',') && !shares
}

/** `Last, First` as `First Last` (one comma, words on both sides, not `Smith, Jr.`). */
export function turnRound(name: string): string {
  const parts = name.split(',')
  if (parts.length !== 2) return name
  const last = collapse(parts[0] as string)
  const first = collapse(parts[1] as string)
  if (!last || !first || NAME_SUFFIX.test(first)) return name
  return `${first} ${last}`
}

export function bestName(raw: string): string {
  let name = collapse(raw)
  // Role suffixes, possibly several: `Dana (Host) (Guest)`.
  for (let p = lastParentheses(name); p && ROLE_SUFFIX.test(p.inner) && p.outer; p = lastParentheses(name))
    name = p.outer
  const p = lastParentheses(name)
  if (p?.outer && p.inner) {
    if (looksLikeOrganisation(p.inner, p.outer)) name = p.outer
    else if (!ROLE_SUFFIX.test(p.inner)) name = p.inner
  }
  return turnRound(name)
}

/** The key a person's rows are merged under when the report gives no email. */
export const nameKey = (raw: string): string => foldName(bestName(raw))
