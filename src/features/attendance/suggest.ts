/**
 * Who an unmatched participant probably is: the seat holders of the call's date, ranked by the
 * report's clues, each with why. Pure: the holders are loaded by ./suggestion-holders.ts.
 *
 * Clues, strongest first: an organisation named in the report's name (`Jane Doe (AMP SoCal)`,
 * `Jane Doe - Greater Phoenix`), a name spelled like a holder's (typo, swapped, initials), and an
 * email at the domain of a holder's organisation (its website or its holders' emails; a domain
 * shared by many organisations, or a free mail provider, says nothing).
 */
import { type Likeness, nameLikeness, trigramSimilarity } from './name-likeness.ts'
import { foldName } from './parse/names.ts'

export type HolderOrganization = {
  id: string
  name: string
  shortName: string | null
  slug: string
  website: string | null
}

/** A person holding a seat on the call's date, with the organisation of that seat. */
export type SuggestionHolder = {
  personId: string
  fullName: string
  email: string
  role: 'representative' | 'alternate'
  organization: HolderOrganization
}

export type Suggestion = { personId: string; fullName: string; score: number; reasons: string[] }

export type SuggestionParticipant = { name: string; rawName: string; email: string | null }

/** A domain that tells nothing about an organisation. */
const FREE_MAIL = new Set(
  'gmail.com googlemail.com yahoo.com hotmail.com outlook.com live.com msn.com icloud.com me.com aol.com proton.me protonmail.com comcast.net'.split(
    ' ',
  ),
)

/** A domain naming more organisations than this is a shared provider, not a clue. */
const MOST_ORGANIZATIONS_PER_DOMAIN = 2

const ROLE_WORD = /^(host|co-host|cohost|external|guest|me|organi[sz]er|presenter|attendee|unverified)$/i

/** The report's name split into the person's name and the organisation it names, if any. */
export function nameClues(rawName: string): { names: string[]; organization: OrganizationClue | null } {
  let text = rawName.replace(/\s+/g, ' ').trim()
  // Role suffixes are not organisations: `Jane Doe (Host)`.
  for (let m = /\(([^()]*)\)\s*$/.exec(text); m && ROLE_WORD.test((m[1] ?? '').trim()); ) {
    text = text.slice(0, m.index).trim()
    m = /\(([^()]*)\)\s*$/.exec(text)
  }
  const bracket = /^(.*\S)\s*[([]([^()[\]]+)[)\]]$/.exec(text)
  if (bracket)
    return {
      names: [bracket[1] as string, bracket[2] as string],
      organization: { text: (bracket[2] as string).trim(), where: 'named in brackets' },
    }
  const dash = /^(.*\S)\s+[-–—|]\s+(\S.*)$/.exec(text)
  if (dash)
    return {
      names: [dash[1] as string],
      organization: { text: (dash[2] as string).trim(), where: 'named after a dash' },
    }
  return { names: [text], organization: null }
}

export type OrganizationClue = { text: string; where: 'named in brackets' | 'named after a dash' }

const acronym = (name: string) =>
  foldName(name)
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !['of', 'and', 'the', 'for', '&'].includes(w))
    .map((w) => w[0])
    .join('')

/** Whether the text a participant gave names the organisation (its name, short name, slug or acronym). */
export function namesOrganization(text: string, org: HolderOrganization): boolean {
  const said = foldName(text)
  if (said.length < 2) return false
  const spellings = [org.name, org.shortName ?? '', org.slug.replace(/-/g, ' ')].map(foldName).filter(Boolean)
  for (const spelling of spellings) {
    if (spelling === said) return true
    if (` ${spelling} `.includes(` ${said} `) && said.length >= 4) return true
    if (trigramSimilarity(said, spelling) >= 0.5) return true
  }
  return said.replace(/\s/g, '') === acronym(org.name) && said.length >= 2
}

export const domainOf = (address: string): string | null => {
  const at = address.lastIndexOf('@')
  return at < 0 ? null : address.slice(at + 1).toLowerCase()
}

/** The host of a website, without `www.`: `https://www.ampsocal.org/about` -> `ampsocal.org`. */
export function websiteDomain(website: string | null): string | null {
  if (!website) return null
  const host = /^(?:[a-z]+:\/\/)?([^/?#:]+)/i.exec(website.trim())?.[1]?.toLowerCase()
  return host ? host.replace(/^www\./, '') : null
}

/** Organisation ids by the domains of their website and their holders' emails. */
export function organizationsByDomain(holders: readonly SuggestionHolder[]): Map<string, Set<string>> {
  const byDomain = new Map<string, Set<string>>()
  const add = (domain: string | null, orgId: string) => {
    if (!domain || FREE_MAIL.has(domain)) return
    byDomain.set(domain, (byDomain.get(domain) ?? new Set()).add(orgId))
  }
  for (const h of holders) {
    add(domainOf(h.email), h.organization.id)
    add(websiteDomain(h.organization.website), h.organization.id)
  }
  return byDomain
}

const likenessWords: Record<Likeness['how'], string> = {
  same: 'same name as',
  swapped: 'first and last name swapped of',
  initials: 'initials of',
  spelled: 'spelled like',
}

const orgLabel = (org: HolderOrganization) => org.shortName ?? org.name

/** The organisations an email's domain (or a parent domain of it) points to, if few enough to be a clue. */
function domainOrganizations(email: string | null, byDomain: Map<string, Set<string>>): Set<string> {
  let domain = email ? domainOf(email) : null
  while (domain?.includes('.')) {
    const orgs = byDomain.get(domain)
    if (orgs) return orgs.size <= MOST_ORGANIZATIONS_PER_DOMAIN ? orgs : new Set()
    domain = domain.slice(domain.indexOf('.') + 1)
  }
  return new Set()
}

/**
 * The seat holders a participant probably is, best first, at most `limit`: each with a score
 * (name likeness 0..1, plus 0.6 for an organisation named, plus 0.4 for its email domain) and
 * the reasons in words. Holders with no clue are left out.
 */
export function suggestMatches(
  participant: SuggestionParticipant,
  holders: readonly SuggestionHolder[],
  options: { limit?: number; byDomain?: Map<string, Set<string>> } = {},
): Suggestion[] {
  const clues = nameClues(participant.rawName)
  const names = [...new Set([participant.name, ...clues.names])]
  const domainOrgs = domainOrganizations(
    participant.email,
    options.byDomain ?? organizationsByDomain(holders),
  )
  const byPerson = new Map<string, Suggestion & { role: SuggestionHolder['role'] }>()
  for (const holder of holders) {
    const reasons: string[] = []
    let score = 0
    const org = holder.organization
    if (clues.organization && namesOrganization(clues.organization.text, org)) {
      score += 0.6
      reasons.push(`${orgLabel(org)} ${clues.organization.where}`)
    }
    const likeness = names
      .map((n) => nameLikeness(n, holder.fullName))
      .reduce<Likeness | null>((best, l) => (l && (!best || l.score > best.score) ? l : best), null)
    if (likeness) {
      score += likeness.score
      reasons.push(`${likenessWords[likeness.how]} ${holder.fullName}`)
    }
    if (domainOrgs.has(org.id)) {
      score += 0.4
      reasons.push(`same email domain as ${orgLabel(org)}`)
    }
    if (reasons.length === 0) continue
    const seen = byPerson.get(holder.personId)
    if (seen && seen.score >= score) continue
    byPerson.set(holder.personId, {
      personId: holder.personId,
      fullName: holder.fullName,
      score: Math.round(score * 1000) / 1000,
      reasons,
      role: holder.role,
    })
  }
  return [...byPerson.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.role === b.role ? 0 : a.role === 'representative' ? -1 : 1) ||
        a.fullName.localeCompare(b.fullName),
    )
    .slice(0, options.limit ?? 3)
    .map(({ role: _role, ...suggestion }) => suggestion)
}
