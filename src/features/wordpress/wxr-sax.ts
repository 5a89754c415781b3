import { SaxesParser } from 'saxes'
import { htmlEntities } from './html-entities.ts'
import { WxrSyntaxError } from './wxr-types.ts'

export type WxrSaxes = SaxesParser<{ xmlns: true; position: true }>

type StateMethod = (this: WxrSaxes) => void
/** The two pieces of saxes 6 the reader reaches into: its table of state methods and its state. */
type Internals = { stateTable: StateMethod[]; state: number }

const readEntity = (SaxesParser.prototype as unknown as { sEntity: StateMethod }).sEntity

export type WxrParser = {
  parser: WxrSaxes
  /** Where (in characters from the start) the `&` of the entity the parser reads is, else null. */
  ampersandPosition: () => number | null
  /** The error to report for a saxes error: at the `&` when an entity was being read. */
  syntaxError: (error: Error) => WxrSyntaxError
  /** The error for an `&` followed by more text than any entity name. */
  bareAmpersand: () => WxrSyntaxError
}

const BARE_AMPERSAND = 'an & that does not start an entity (a lone & is written &amp;)'

/**
 * saxes with namespaces and positions, knowing where the `&` of the entity it reads was. saxes
 * reads an entity name up to the next `;` and reports a bad one there: for the bare & of 'Q&A'
 * that is the next `;` of the file, possibly lines and items later. A person looks for the `&`, so
 * the reader wraps saxes's entity state to note the line and column of the `&` as it starts.
 */
export function wxrParser(): WxrParser {
  const parser: WxrSaxes = new SaxesParser({ xmlns: true, position: true })
  Object.assign(parser.ENTITIES, htmlEntities)
  const internals = parser as unknown as Internals
  const entityState = internals.stateTable.indexOf(readEntity)
  if (entityState < 0) throw new Error('saxes has changed: its entity state is not where it was')
  let ampersand: { line: number; column: number; position: number } | null = null
  internals.stateTable[entityState] = function readEntityFromItsAmpersand(this: WxrSaxes) {
    // The `&` was the last character read: its column is the parser's (counted from 1).
    ampersand ??= { line: this.line, column: this.column, position: this.position }
    readEntity.call(this)
    if (internals.state !== entityState) ampersand = null
  }
  const atAmpersand = (reason: string) =>
    new WxrSyntaxError(ampersand?.line ?? parser.line, ampersand?.column ?? parser.column, reason)
  return {
    parser,
    ampersandPosition: () => ampersand?.position ?? null,
    bareAmpersand: () => atAmpersand(BARE_AMPERSAND),
    syntaxError(error) {
      // saxes counts columns from 0 to the next character, so its column is the last one read,
      // from 1: the character that showed the problem.
      const reason = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')
      if (!ampersand) return new WxrSyntaxError(parser.line, parser.column, reason)
      // An entity saxes could not read is the `&`'s fault: an unknown name or a bad character
      // reference is said as saxes says it; anything else (a name with spaces or tags in it,
      // the file ending before a `;`) means the `&` started no entity at all.
      const namedProblem = reason.includes('entity') && !reason.includes('entity name')
      return atAmpersand(namedProblem ? reason : BARE_AMPERSAND)
    },
  }
}
