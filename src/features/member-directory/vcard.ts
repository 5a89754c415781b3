/**
 * The member list as vCards (RFC 2426 for 3.0, RFC 6350 for 4.0): one card a person, CRLF lines,
 * text values escaped (backslash, comma, semicolon, newline), lines folded at 75 octets without
 * splitting a UTF-8 character.
 */
import { seatLabels } from '#src/features/seats/index.ts'
import type { MemberContact, MemberEntry } from './member-list.ts'

export type VCardVersion = '3.0' | '4.0'

/** A text value with \ , ; and line breaks escaped. */
export const escapeText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n')

const encoder = new TextEncoder()

/** Folds a content line: at most 75 octets a line, continuations starting with one space. */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = encoder.encode(ch).length
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** The family and given names for N, from a full name: the last word is taken as the family name. */
function structuredName(fullName: string): string {
  const words = fullName.trim().split(/\s+/)
  const family = words.length > 1 ? (words.pop() ?? '') : ''
  return `${escapeText(family)};${escapeText(words.join(' '))};;;`
}

/** One person's card. */
export function vCard(org: MemberEntry, person: MemberContact, version: VCardVersion): string {
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    `FN:${escapeText(person.fullName)}`,
    `N:${structuredName(person.fullName)}`,
    `ORG:${escapeText(org.name)}`,
    person.title ? `TITLE:${escapeText(person.title)}` : null,
    `ROLE:${escapeText(`${seatLabels[person.role]} of ${org.name}`)}`,
    version === '4.0' ? `EMAIL;TYPE=work:${person.email}` : `EMAIL;TYPE=INTERNET,WORK:${person.email}`,
    'END:VCARD',
  ]
  return lines
    .filter((line) => line !== null)
    .map((line) => `${foldLine(line)}\r\n`)
    .join('')
}

/** Every card, one a person, in the list's order. */
export const vCards = (
  contacts: readonly { org: MemberEntry; person: MemberContact }[],
  version: VCardVersion,
): string => contacts.map(({ org, person }) => vCard(org, person, version)).join('')
