import { describe, expect, it } from 'vitest'
import { nameLikeness } from './name-likeness.ts'
import {
  nameClues,
  namesOrganization,
  type SuggestionHolder,
  suggestMatches,
  websiteDomain,
} from './suggest.ts'

const amp = {
  id: 'o1',
  name: 'AMP Southern California',
  shortName: 'AMP SoCal',
  slug: 'amp-socal',
  website: 'https://www.ampsocal.org',
}
const phoenix = {
  id: 'o2',
  name: 'Greater Phoenix Manufacturing Partnership',
  shortName: null,
  slug: 'greater-phoenix',
  website: null,
}
const kansas = {
  id: 'o3',
  name: 'South Kansas Aerospace',
  shortName: null,
  slug: 'south-kansas',
  website: null,
}

const holders: SuggestionHolder[] = [
  {
    personId: 'p1',
    fullName: 'Jane Doe',
    email: 'jdoe@example.org',
    role: 'representative',
    organization: amp,
  },
  {
    personId: 'p2',
    fullName: 'Luis Ortega',
    email: 'lortega@ampsocal.org',
    role: 'alternate',
    organization: amp,
  },
  {
    personId: 'p3',
    fullName: 'Marcus Oyelaran',
    email: 'marcus@example.org',
    role: 'representative',
    organization: phoenix,
  },
  {
    personId: 'p4',
    fullName: 'Priya Raman',
    email: 'priya@example.org',
    role: 'alternate',
    organization: phoenix,
  },
  {
    personId: 'p5',
    fullName: 'Sofía García Núñez',
    email: 'sofia@example.org',
    role: 'representative',
    organization: kansas,
  },
]

const suggest = (rawName: string, email: string | null = null, name = rawName) =>
  suggestMatches({ name, rawName, email }, holders)

describe('the clues in a report’s name', () => {
  it('splits an organisation in brackets or after a dash from the person, and drops role suffixes', () => {
    expect(nameClues('Jane Doe (AMP SoCal)')).toEqual({
      names: ['Jane Doe', 'AMP SoCal'],
      organization: { text: 'AMP SoCal', where: 'named in brackets' },
    })
    expect(nameClues('Jane Doe - Greater Phoenix').organization).toEqual({
      text: 'Greater Phoenix',
      where: 'named after a dash',
    })
    expect(nameClues('Jane Doe (Host)')).toEqual({ names: ['Jane Doe'], organization: null })
    expect(nameClues('Jean-Luc Picard').organization).toBeNull()
  })

  it('recognises an organisation by its name, short name, slug, a part of its name or its acronym', () => {
    expect(namesOrganization('AMP SoCal', amp)).toBe(true)
    expect(namesOrganization('amp-socal', amp)).toBe(true)
    expect(namesOrganization('Greater Phoenix', phoenix)).toBe(true)
    expect(namesOrganization('GPMP', phoenix)).toBe(true)
    expect(namesOrganization('Greater Phoenix', kansas)).toBe(false)
    expect(namesOrganization('Jane', amp)).toBe(false)
  })

  it('reads a website’s domain', () => {
    expect(websiteDomain('https://www.ampsocal.org/about')).toBe('ampsocal.org')
    expect(websiteDomain('ampsocal.org')).toBe('ampsocal.org')
    expect(websiteDomain(null)).toBeNull()
  })
})

describe('names that look alike', () => {
  it('finds typos, swapped names, initials and missing accents, and nothing in unrelated names', () => {
    expect(nameLikeness('Marcus Oyelarin', 'Marcus Oyelaran')?.how).toBe('spelled')
    expect(nameLikeness('Oyelaran Marcus', 'Marcus Oyelaran')?.how).toBe('swapped')
    expect(nameLikeness('M. Oyelaran', 'Marcus Oyelaran')?.how).toBe('initials')
    expect(nameLikeness('Marcus O', 'Marcus Oyelaran')?.how).toBe('initials')
    expect(nameLikeness('Sofia Garcia Nunez', 'Sofía García Núñez')?.how).toBe('same')
    expect(nameLikeness('Jamie-iPhone', 'Jane Doe')).toBeNull()
    expect(nameLikeness('Priya Raman', 'Marcus Oyelaran')).toBeNull()
    // One name alike is not enough: another Kowalski, another Priya.
    expect(nameLikeness('Ted Kowalski', 'Caleb Kowalski')).toBeNull()
    expect(nameLikeness('Priya Raman', 'Priya Novak')).toBeNull()
    expect(nameLikeness('Chris Okafor', 'Christopher Okafor')?.how).toBe('spelled')
  })
})

describe('suggestions for an unmatched participant', () => {
  it('puts the holder named in brackets with a like name first, and says why', () => {
    const [top, ...rest] = suggest('Jane Do (AMP SoCal)', null, 'AMP SoCal')
    expect(top?.personId).toBe('p1')
    expect(top?.reasons).toEqual(['AMP SoCal named in brackets', 'spelled like Jane Doe'])
    expect(rest.map((s) => s.personId)).toEqual(['p2'])
    expect(rest[0]?.reasons).toEqual(['AMP SoCal named in brackets'])
  })

  it('suggests both holders of an organisation named after a dash, the representative first', () => {
    const found = suggest('Pat Smith - Greater Phoenix')
    expect(found.map((s) => s.personId)).toEqual(['p3', 'p4'])
    expect(found[0]?.reasons).toEqual(['Greater Phoenix Manufacturing Partnership named after a dash'])
  })

  it('uses the email domain of an organisation’s website and holders, not a shared or free one', () => {
    const byWebsite = suggest('jd', 'jd@ampsocal.org')
    expect(byWebsite.map((s) => s.personId)).toEqual(['p1', 'p2'])
    expect(byWebsite[0]?.reasons).toEqual(['same email domain as AMP SoCal'])
    // example.org is every organisation's: no clue. A subdomain counts.
    expect(suggest('Someone', 'someone@example.org')).toEqual([])
    expect(suggest('Someone', 'someone@gmail.com')).toEqual([])
    expect(suggest('jd', 'jd@mail.ampsocal.org').map((s) => s.personId)).toEqual(['p1', 'p2'])
  })

  it('adds the clues up: a like name at the organisation’s domain beats a like name alone', () => {
    const found = suggest('Luis Ortego', 'lo@ampsocal.org')
    expect(found[0]).toMatchObject({
      personId: 'p2',
      reasons: ['spelled like Luis Ortega', 'same email domain as AMP SoCal'],
    })
    expect(found[0]?.score).toBeGreaterThan(found[1]?.score ?? 0)
  })

  it('ranks by score, at most three, and none for a participant with no clue', () => {
    const found = suggestMatches(
      { name: 'M Oyelaran', rawName: 'M Oyelaran (Greater Phoenix)', email: 'm@ampsocal.org' },
      holders,
      { limit: 2 },
    )
    expect(found.map((s) => s.personId)).toEqual(['p3', 'p4'])
    expect(found[0]?.reasons).toContain('initials of Marcus Oyelaran')
    expect(suggest('+1 414 ***-**21')).toEqual([])
    expect(suggest('Jamie-iPhone')).toEqual([])
  })
})
