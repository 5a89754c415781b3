import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { oneByteChanged } from '../../../tests/support/damaged-bytes.ts'
import { ExtractSyntaxError, readExtract } from './extract-reader.ts'
import { knownElements, OpportunityProblem, toOpportunity } from './opportunity.ts'

const SAMPLE = readFileSync(
  path.resolve(import.meta.dirname, '../../../tests/support/fixtures/grants/GrantsDBExtract20250115v2.xml'),
)

async function* once(bytes: Uint8Array) {
  yield bytes
}

/** The extract read, or refused with the reader's own errors (which the import turns into a sentence). */
async function readOrRefuse(bytes: Uint8Array): Promise<number> {
  try {
    const read = await readExtract(once(bytes), {
      known: knownElements,
      record: (r) => void toOpportunity(r),
    })
    return read.records
  } catch (error) {
    if (!(error instanceof ExtractSyntaxError || error instanceof OpportunityProblem)) throw error
    expect(error.message.length).toBeGreaterThan(10)
    return -1
  }
}

describe('the Grants.gov extract reader under damaged input', () => {
  it('reads or refuses every truncation of the sample extract', async () => {
    expect(await readOrRefuse(SAMPLE)).toBe(4)
    for (let cut = 0; cut < SAMPLE.length; cut++) await readOrRefuse(SAMPLE.subarray(0, cut))
  }, 60_000)

  it('reads or refuses the sample with any one byte changed', async () => {
    await fc.assert(
      fc.asyncProperty(oneByteChanged(SAMPLE), async (b) => void (await readOrRefuse(b))),
      { numRuns: 500 },
    )
  })
})
