import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { oneByteChanged } from '../../../tests/support/damaged-bytes.ts'
import { selfHostedExport, wordpressComExport } from '../../../tests/support/wxr-files.ts'
import { readWxr } from './wxr-reader.ts'
import { WxrFormatError, WxrSyntaxError } from './wxr-types.ts'

let dir: string
let n = 0

/** The export read, or refused with the reader's own errors (which say where, or what is missing). */
async function readOrRefuse(bytes: Uint8Array): Promise<number> {
  const file = path.join(dir, `export-${n++}.xml`)
  await writeFile(file, bytes)
  try {
    return (await readWxr(file, { item: () => {} })).items
  } catch (error) {
    if (!(error instanceof WxrSyntaxError || error instanceof WxrFormatError)) throw error
    expect(error.message.length).toBeGreaterThan(20)
    return -1
  } finally {
    await rm(file)
  }
}

const EXPORTS = [
  ['WordPress.com', Buffer.from(wordpressComExport())],
  ['self-hosted', Buffer.from(selfHostedExport())],
] as const

describe('the WXR reader under damaged input', () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hub-wxr-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  for (const [name, bytes] of EXPORTS)
    it(`reads or refuses a ${name} export cut anywhere, or with any one byte changed`, async () => {
      expect(await readOrRefuse(bytes)).toBeGreaterThan(5)
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: bytes.length }), async (cut) => {
          await readOrRefuse(bytes.subarray(0, cut))
        }),
        { numRuns: 150 },
      )
      await fc.assert(
        fc.asyncProperty(oneByteChanged(bytes), async (b) => void (await readOrRefuse(b))),
        { numRuns: 150 },
      )
    }, 60_000)
})
