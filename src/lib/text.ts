import { z } from 'zod'

/**
 * The one rule for text people type into the Hub.
 *
 * A single-line field (a name, a title, an organisation's name, an email address: anything
 * shown on one line, in a page, a heading or an email) takes no control character at all:
 * no C0 controls (NUL, TAB, CR, LF…), no DEL or C1 controls, no line or paragraph separator
 * (U+2028, U+2029), and no bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069),
 * which could make an email's first lines say something else than what was typed.
 *
 * A multi-line field (a narrative, notes, an agenda) keeps its line breaks and tabs (\n, \r, \t)
 * but refuses every other C0 control, DEL and the C1 controls.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused.
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export const SINGLE_LINE_MESSAGE = 'must be one line of text, without line breaks or control characters'
export const MULTI_LINE_MESSAGE =
  'must be plain text, without control characters other than line breaks and tabs'

/** Whether `text` may stand in a single-line field. */
export const isSingleLine = (text: string): boolean => !NOT_ONE_LINE.test(text)

/** Whether `text` may stand in a multi-line field: line breaks and tabs are fine, other controls not. */
export const isPlainText = (text: string): boolean => !NOT_TEXT.test(text)

/**
 * The message for a field named `what` that breaks the single-line rule, or undefined.
 * @example singleLineProblem('Jane\r\nVisit https://evil.example', 'full name') // 'The full name must be one line of text, …'
 */
export const singleLineProblem = (text: string, what: string): string | undefined =>
  isSingleLine(text) ? undefined : `The ${what} ${SINGLE_LINE_MESSAGE}.`

/** The message for a multi-line field named `what` that holds a control character, or undefined. */
export const multiLineProblem = (text: string, what: string): string | undefined =>
  isPlainText(text) ? undefined : `The ${what} ${MULTI_LINE_MESSAGE}.`

/**
 * A zod string that must be one line (checked before any trimming the schema does after it).
 * @example z.object({ fullName: singleLine('full name').trim().min(1) })
 */
export const singleLine = (what: string) =>
  z.string().refine(isSingleLine, { message: `The ${what} ${SINGLE_LINE_MESSAGE}.` })

/** A zod string for a multi-line field: line breaks and tabs kept, other control characters refused. */
export const multiLine = (what: string) =>
  z.string().refine(isPlainText, { message: `The ${what} ${MULTI_LINE_MESSAGE}.` })

/**
 * A zod list typed as commas or lines (tags, topics): each entry trimmed, its spaces collapsed,
 * empty entries dropped, duplicates kept once; at most `limits.entries` entries of at most
 * `limits.characters` characters each.
 * @example wordList('tags').parse('supply chain,\n workforce, supply chain') // ['supply chain', 'workforce']
 */
export const wordList = (what: string, limits = { entries: 20, characters: 60 }) =>
  multiLine(what)
    .transform((text) => [
      ...new Set(
        text
          .split(/[,\n]/)
          .map((w) => w.trim().replace(/\s+/g, ' '))
          .filter(Boolean),
      ),
    ])
    .refine((words) => words.length <= limits.entries, `List at most ${limits.entries} ${what}.`)
    .refine(
      (words) => words.every((w) => w.length <= limits.characters),
      `Each of the ${what} can be at most ${limits.characters} characters.`,
    )

/**
 * Text made safe to stand in HTML, in an element or a quoted attribute (the five characters that
 * could end either). For HTML built as strings (emails, search snippets); views escape by themselves.
 * @example escapeHtml('<b>"R&D"</b>') // '&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;'
 */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/** Characters XML 1.0 cannot carry at all, even escaped (control characters, lone surrogates, U+FFFE/F). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const notXml = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu

/**
 * Text as XML (feeds, the sitemap, SVG) character data or a quoted attribute value: the five
 * special characters escaped, and what XML cannot carry removed.
 * @example escapeXml('<b> & "c"') // '&lt;b&gt; &amp; &quot;c&quot;'
 */
export const escapeXml = (text: string): string =>
  text
    .replace(notXml, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
