/** The organisation an outcome row names: by name, short name or slug, case and punctuation ignored. */
import { foldName, spellingSimilarity } from '#src/features/attendance/index.ts'
import { headerKey } from '#src/lib/spreadsheet/cells.ts'

export type KnownOrganization = { id: string; name: string; shortName: string | null; slug: string }

export type FoundOrganization = { ok: true; org: KnownOrganization } | { ok: false; message: string }

/** A name as compared: accents, case and punctuation dropped ('AMP-SoCal' and 'amp socal' are one). */
const nameKey = (s: string) => headerKey(foldName(s))

/** Finds organisations by what a sheet calls them, suggesting the closest name for one that matches none. */
export function organizationFinder(organizations: readonly KnownOrganization[]) {
  const byName = new Map<string, KnownOrganization | null>()
  const add = (text: string, org: KnownOrganization) => {
    const key = nameKey(text)
    if (key) byName.set(key, byName.has(key) && byName.get(key)?.id !== org.id ? null : org)
  }
  for (const org of organizations) {
    add(org.name, org)
    if (org.shortName) add(org.shortName, org)
    add(org.slug, org)
  }
  const suggestions = new Map<string, string | null>()
  const closest = (typed: string): string | null => {
    let best: { score: number; name: string } | null = null
    for (const org of organizations)
      for (const name of [org.name, org.shortName ?? '', org.slug]) {
        const score = name ? spellingSimilarity(typed, name) : 0
        if (score >= 0.6 && (!best || score > best.score)) best = { score, name: org.name }
      }
    return best?.name ?? null
  }
  const suggest = (typed: string) => {
    // Spellings are compared for the first few hundred unknown names only: the preview lists the first problems.
    if (!suggestions.has(typed)) suggestions.set(typed, suggestions.size < 300 ? closest(typed) : null)
    return suggestions.get(typed) ?? null
  }
  return (typed: string): FoundOrganization => {
    if (!typed) return { ok: false, message: 'The row names no organization.' }
    const org = byName.get(nameKey(typed))
    if (org === null)
      return { ok: false, message: `More than one organization answers to "${typed}": write its slug.` }
    if (org) return { ok: true, org }
    const close = suggest(typed)
    return {
      ok: false,
      message: `No organization is called "${typed}"${close ? `; did you mean "${close}"?` : '.'} Write its name, short name or slug.`,
    }
  }
}
