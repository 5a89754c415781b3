import { createHash } from 'node:crypto'
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { COLLECT_EVERY_BYTES, collectGarbage } from '#src/lib/memory-bound.ts'

/*
 * The Grants.gov XML extract (GrantsDBExtractYYYYMMDDv2.xml, FORMATS.md): a root <Grants> in the
 * OpportunityDetail-V1.0 namespace holding synopsis and forecast records, each a flat list of
 * child elements, some of them repeated. Read as a stream through saxes: only the record being
 * read is ever in memory, and a full collection every few MB (src/lib/memory-bound.ts) keeps the
 * garbage of sanitizing descriptions from growing the heap.
 */

export const GRANTS_NAMESPACE = 'http://apply.grants.gov/system/OpportunityDetail-V1.0'

/** The record elements and what each is. */
const recordKinds: Record<string, 'synopsis' | 'forecast'> = {
  OpportunitySynopsisDetail_1_0: 'synopsis',
  OpportunityForecastDetail_1_0: 'forecast',
}

/** Elements that repeat: their values are kept as lists. */
export const listElements = [
  'FundingInstrumentType',
  'CategoryOfFundingActivity',
  'CFDANumbers',
  'EligibleApplicants',
]

/** One record as read: its single values and its lists by element name, and where it began. */
export type ExtractRecord = {
  kind: 'synopsis' | 'forecast'
  values: Record<string, string>
  lists: Record<string, string[]>
  line: number
}

/** A file that is not well-formed XML, or not a Grants.gov extract: where it broke and why. */
export class ExtractSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`)
    this.name = 'ExtractSyntaxError'
  }
}

export type ExtractRead = {
  sha256: string
  bytes: number
  records: number
  /** Elements the reader does not know, by name, with how often each appeared. */
  unknownElements: Record<string, number>
}

/**
 * Reads an extract from a stream of bytes, handing each record over in file order (awaited before
 * more is read). Throws ExtractSyntaxError at the first problem, with its line and column.
 */
export async function readExtract(
  source: AsyncIterable<Uint8Array>,
  handlers: {
    record: (record: ExtractRecord) => Promise<void> | void
    progress?: (read: { records: number; bytes: number }) => void
    known: ReadonlySet<string>
  },
): Promise<ExtractRead> {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const hash = createHash('sha256')
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const unknownElements: Record<string, number> = {}
  const queue: ExtractRecord[] = []
  const depth = { value: 0 }
  let record: ExtractRecord | null = null
  let text: string[] | null = null
  let failure: ExtractSyntaxError | null = null
  let sawRoot = false
  let records = 0
  let bytes = 0
  let collected = 0
  const fail = (reason: string) => {
    failure ??= new ExtractSyntaxError(parser.line, parser.column, reason)
  }

  parser.on('error', (error) => fail(error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')))
  parser.on('opentag', (tag) => {
    const { uri, local } = tag as SaxesTagNS
    depth.value += 1
    if (depth.value === 1) {
      sawRoot = local === 'Grants' && uri === GRANTS_NAMESPACE
      if (!sawRoot) fail(`expected the root element Grants in ${GRANTS_NAMESPACE}, found ${local}`)
    } else if (depth.value === 2) {
      const kind = recordKinds[local]
      if (kind && uri === GRANTS_NAMESPACE) record = { kind, values: {}, lists: {}, line: parser.line }
      else unknownElements[local] = (unknownElements[local] ?? 0) + 1
    } else if (depth.value === 3 && record) {
      if (handlers.known.has(local) && uri === GRANTS_NAMESPACE) text = []
      else unknownElements[local] = (unknownElements[local] ?? 0) + 1
    }
  })
  const collect = (chunk: string) => {
    if (text) text.push(chunk)
  }
  parser.on('text', collect)
  parser.on('cdata', collect)
  parser.on('closetag', (tag) => {
    const { local } = tag as SaxesTagNS
    if (depth.value === 3 && record && text) {
      const value = text.join('')
      if (listElements.includes(local)) record.lists[local] = [...(record.lists[local] ?? []), value.trim()]
      else record.values[local] = value
    } else if (depth.value === 2 && record) {
      queue.push(record)
      record = null
    }
    text = null
    depth.value -= 1
  })

  try {
    for await (const chunk of source) {
      hash.update(chunk)
      bytes += chunk.length
      parser.write(decoder.decode(chunk, { stream: true }))
      if (failure) break
      for (const done of queue.splice(0)) {
        records += 1
        await handlers.record(done)
      }
      handlers.progress?.({ records, bytes })
      if (bytes - collected >= COLLECT_EVERY_BYTES) {
        collected = bytes
        collectGarbage()
      }
    }
    if (!failure) {
      parser.write(decoder.decode())
      parser.close()
    }
  } catch (error) {
    if (error instanceof TypeError && !failure) fail('the file is not UTF-8 text')
    else if (!failure) throw error
  }
  if (!failure && !sawRoot) fail('the file is empty: expected a Grants.gov extract')
  if (failure) throw failure
  for (const done of queue.splice(0)) {
    records += 1
    await handlers.record(done)
  }
  return { sha256: hash.digest('hex'), bytes, records, unknownElements }
}
