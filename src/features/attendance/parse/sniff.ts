/**
 * Which table a report holds, found by its header line while the text streams past:
 * the kinds below in order of preference, tab or comma sniffed on each candidate line.
 */
import { type Delimiter, normaliseHeader, splitLine } from './csv.ts'
import { notAReport } from './errors.ts'
import { isMeetHeader } from './meet.ts'
import { isTeamsActivitiesHeader, isTeamsParticipantsHeader } from './teams.ts'
import { isZoomHeader, isZoomUniqueHeader } from './zoom.ts'

export type TableKind = 'zoom' | 'zoom-unique' | 'teams' | 'teams-activities' | 'meet'

// In order of preference when a file has several recognisable tables.
export const KINDS: { kind: TableKind; test: (keys: readonly string[]) => boolean }[] = [
  { kind: 'zoom', test: isZoomHeader },
  { kind: 'zoom-unique', test: isZoomUniqueHeader },
  { kind: 'teams', test: isTeamsParticipantsHeader },
  { kind: 'teams-activities', test: isTeamsActivitiesHeader },
  { kind: 'meet', test: isMeetHeader },
]

const WEBINAR_MARKS = new Set(['attendee report', 'attendee details', 'host details', 'panelist details'])

const WEBINAR_MESSAGE =
  'This is a Zoom webinar attendee report, not a meeting participants report (export the meeting from Reports > Usage > Participants instead)'

/** Longer lines are data (a huge name), never a header: they are not kept while sniffing. */
const LONGEST_HEADER = 10_000

// Every header and webinar mark has one of these words: other lines are not split.
const CANDIDATE = /name|details|attendee\s+report/i

export type FoundTable = { kind: TableKind; delimiter: Delimiter; test: (keys: readonly string[]) => boolean }

/** Feed it the text in chunks, then ask for the table; holds one line at a time. */
export class TableSniffer {
  #carry = ''
  #tooLong = false
  #webinar = false
  #best: { kind: TableKind; delimiter: Delimiter; rank: number } | null = null

  write(text: string): void {
    let start = 0
    const all = this.#carry + text
    const re = /\r\n|\n|\r/g
    for (let m = re.exec(all); m; m = re.exec(all)) {
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (m[0] === '\r' && m.index === all.length - 1) break
      this.#line(all.slice(start, m.index))
      start = m.index + m[0].length
    }
    this.#carry = all.slice(start)
    if (this.#carry.length > LONGEST_HEADER) {
      this.#carry = ''
      this.#tooLong = true
    }
  }

  /** The table found, or the refusal: a webinar report, or no table we know. */
  end(): FoundTable {
    this.#line(this.#carry)
    this.#carry = ''
    if (this.#webinar) throw notAReport(WEBINAR_MESSAGE)
    if (!this.#best) throw notAReport()
    const { kind, delimiter, rank } = this.#best
    return { kind, delimiter, test: (KINDS[rank] as (typeof KINDS)[number]).test }
  }

  #line(line: string): void {
    const tooLong = this.#tooLong
    this.#tooLong = false
    if (tooLong || line.length > LONGEST_HEADER || this.#webinar || !CANDIDATE.test(line)) return
    const delimiter: Delimiter = line.includes('\t') ? '\t' : ','
    const keys = splitLine(line, delimiter).map(normaliseHeader)
    if (WEBINAR_MARKS.has(keys[0] ?? '') || keys.includes('user name (original name)')) {
      this.#webinar = true
      return
    }
    const rank = KINDS.findIndex(({ test }) => test(keys))
    if (rank >= 0 && (!this.#best || rank < this.#best.rank))
      this.#best = { kind: (KINDS[rank] as (typeof KINDS)[number]).kind, delimiter, rank }
  }
}
