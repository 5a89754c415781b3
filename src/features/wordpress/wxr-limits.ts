import { WxrRefusedError } from './wxr-types.ts'

/**
 * Bounds on what one element of a WXR file may hold, so that a hostile or broken file is refused
 * early instead of stalling the process or filling its memory. WordPress nests about 5 deep
 * (rss, channel, item, wp:postmeta, wp:meta_value); saxes looks namespace prefixes up through
 * every open element, so the time grows with the square of the depth.
 */
export const MAX_DEPTH = 64

const KB = 1024
const MB = 1024 * KB

/** The most text one post's body may have (counted in characters as they arrive). */
const BODY_LIMIT = 10 * MB
/** An excerpt is a paragraph or two; every other field (title, slug, date, link, name) a line. */
const FIELD_LIMITS: Record<string, number> = { 'content:encoded': BODY_LIMIT, 'excerpt:encoded': MB }
const FIELD_LIMIT = 64 * KB
/** Text the import does not keep (comments, post meta) is still held by the parser to its end. */
export const OTHER_TEXT_LIMIT = BODY_LIMIT
/** An entity name is a word (`hellip`, `#8217`): an `&` followed by more is a bare `&`. */
export const ENTITY_NAME_LIMIT = 64

export const textLimitOf = (name: string): number => FIELD_LIMITS[name] ?? FIELD_LIMIT

export const sizeOf = (chars: number): string => (chars >= MB ? `${chars / MB} MB` : `${chars / KB} KB`)

type Place = { line: number; column: number }

/** The text of one element being read: counted as it arrives, and refused past its limit. */
export class FieldText {
  private readonly chunks: string[] = []
  private length = 0
  readonly limit: number

  constructor(
    readonly name: string,
    readonly depth: number,
    readonly start: Place,
  ) {
    this.limit = textLimitOf(name)
  }

  add(chunk: string): void {
    this.length += chunk.length
    this.chunks.push(chunk)
  }

  /** With `pending` characters the parser holds but has not handed over yet. */
  isOverLimit(pending: number): boolean {
    return this.length + pending > this.limit
  }

  value(): string {
    return this.chunks.join('')
  }
}

export function tooDeep(at: Place, name: string): WxrRefusedError {
  return new WxrRefusedError(
    at.line,
    at.column,
    `The file nests elements more than ${MAX_DEPTH} deep (a WordPress export nests about 5): <${name}> is one level too many`,
  )
}

export function tooLong(field: FieldText, owner: string): WxrRefusedError {
  return new WxrRefusedError(
    field.start.line,
    field.start.column,
    `The <${field.name}> of ${owner} holds more than ${sizeOf(field.limit)} of text, the most the import takes there`,
  )
}

export function tooLongText(at: Place): WxrRefusedError {
  return new WxrRefusedError(
    at.line,
    at.column,
    `More than ${sizeOf(OTHER_TEXT_LIMIT)} of text in one piece starts here, more than the import takes in one element`,
  )
}

export function elementInText(at: Place, name: string, field: FieldText, owner: string): WxrRefusedError {
  return new WxrRefusedError(
    at.line,
    at.column,
    `<${name}> inside the <${field.name}> of ${owner}: WordPress writes text or CDATA there, never elements, so HTML in it must be in CDATA or escaped (this file was not written by WordPress as it is)`,
  )
}
