import type { OutboxEntry } from '#src/lib/mailer.ts'

/** What stands in place of a link in an email shown to someone it was not sent to. */
export const LINK_HIDDEN = '[link hidden: only the recipient can see it]'

/**
 * Any URL: a scheme and "://" (https, http, webcal…), or a bare "www." host, up to the next
 * space or quote. The Hub's emails carry their secrets (sign-in, reset, invitation, change of
 * email, calendar feed, unsubscribe) in URLs only, so hiding every URL hides every secret.
 */
const URL_PATTERN = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'`]+/gi

/**
 * The text with every URL replaced by {@link LINK_HIDDEN}.
 * @example redactLinks('Sign in: https://hub.example.org/x?token=abc') // 'Sign in: [link hidden: only the recipient can see it]'
 */
export const redactLinks = (text: string): string => text.replace(URL_PATTERN, LINK_HIDDEN)

/** The addresses in a To header ("Ann <ann@x.org>, bob@y.org"), lower-cased. */
export const recipientsOf = (to: string): string[] =>
  [...to.matchAll(/[^\s<>,;"']+@[^\s<>,;"']+/g)].map(([address]) => address.toLowerCase())

/** Whether `email` (the signed-in viewer's address) is among the email's recipients. */
export const isRecipient = (entry: Pick<OutboxEntry, 'to'>, email: string | undefined): boolean =>
  Boolean(email) && recipientsOf(entry.to).includes((email ?? '').trim().toLowerCase())

/** An outbox entry as `viewerEmail` may read it: whole for its recipient, links hidden for anyone else. */
export type ShownEntry = OutboxEntry & { isRedacted: boolean }

export const entryFor = (entry: OutboxEntry, viewerEmail: string | undefined): ShownEntry =>
  isRecipient(entry, viewerEmail)
    ? { ...entry, isRedacted: false }
    : { ...entry, subject: redactLinks(entry.subject), text: redactLinks(entry.text), isRedacted: true }
