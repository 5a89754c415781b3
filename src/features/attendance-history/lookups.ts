/** Who a history row names: an organisation (by name, short name or slug) or a person (by email or full name). */
import { foldName, spellingSimilarity } from '#src/features/attendance/index.ts'
import { formatDate } from '#src/ui/format.ts'

export type Lookups = {
  organizations: { id: string; name: string; shortName: string | null; slug: string }[]
  people: { id: string; fullName: string; email: string }[]
  seats: {
    organizationId: string
    role: 'representative' | 'alternate'
    personId: string
    startsOn: string
    endsOn: string | null
  }[]
}

export type Found = { ok: true; personId: string; label: string } | { ok: false; message: string }

/** The maps a file's rows are looked up in, built once per file. */
export function indexLookups(l: Lookups) {
  const orgs = new Map<string, Lookups['organizations'][number] | null>()
  const addOrg = (key: string, org: Lookups['organizations'][number]) => {
    const k = foldName(key)
    orgs.set(k, orgs.has(k) && orgs.get(k)?.id !== org.id ? null : org)
  }
  for (const org of l.organizations) {
    addOrg(org.name, org)
    if (org.shortName) addOrg(org.shortName, org)
    addOrg(org.slug, org)
  }
  const byEmail = new Map(l.people.map((p) => [p.email.toLowerCase(), p]))
  const byName = new Map<string, Lookups['people'][number] | null>()
  for (const p of l.people) {
    const k = foldName(p.fullName)
    byName.set(k, byName.has(k) ? null : p)
  }
  const seatsOf = new Map<string, Lookups['seats']>()
  for (const s of l.seats) seatsOf.set(s.organizationId, [...(seatsOf.get(s.organizationId) ?? []), s])

  /** The closest organisation name, when one is close enough to be a likely typo (once per name typed). */
  const suggested = new Map<string, string | null>()
  const suggestion = (typed: string): string | null => {
    // The preview lists the first problems only: past a few hundred names, no spelling is compared.
    if (!suggested.has(typed)) suggested.set(typed, suggested.size < 300 ? closest(typed) : null)
    return suggested.get(typed) ?? null
  }
  const closest = (typed: string): string | null => {
    let best: { score: number; text: string } | null = null
    for (const org of l.organizations)
      for (const name of [org.name, org.shortName ?? '', org.slug]) {
        const score = name ? spellingSimilarity(typed, name) : 0
        if (score >= 0.6 && (!best || score > best.score)) best = { score, text: org.name }
      }
    return best?.text ?? null
  }

  return {
    organization(typed: string, date: string): Found {
      const org = orgs.get(foldName(typed))
      if (org === null)
        return { ok: false, message: `More than one organisation answers to "${typed}": use its slug.` }
      if (!org) {
        const close = suggestion(typed)
        return {
          ok: false,
          message: `No organisation is called "${typed}"${close ? `; did you mean "${close}"?` : '.'} Write its name, short name or slug.`,
        }
      }
      const holders = (seatsOf.get(org.id) ?? []).filter(
        (s) => s.startsOn <= date && (s.endsOn === null || s.endsOn > date),
      )
      const seat =
        holders.find((s) => s.role === 'representative') ?? holders.find((s) => s.role === 'alternate')
      if (!seat)
        return {
          ok: false,
          message: `${org.name} had no representative or alternate on ${formatDate(date)}: record the seat's history first, or name the person in the row.`,
        }
      return { ok: true, personId: seat.personId, label: org.name }
    },
    person(row: { email: string; name: string }): Found {
      if (row.email) {
        const p = byEmail.get(row.email)
        return p
          ? { ok: true, personId: p.id, label: p.fullName }
          : { ok: false, message: `No person has the email "${row.email}".` }
      }
      const p = byName.get(foldName(row.name))
      if (p === null)
        return {
          ok: false,
          message: `More than one person is called "${row.name}": give their email instead.`,
        }
      return p
        ? { ok: true, personId: p.id, label: p.fullName }
        : {
            ok: false,
            message: `No person is called "${row.name}": check the spelling, or give their email.`,
          }
    },
  }
}

export type IndexedLookups = ReturnType<typeof indexLookups>
