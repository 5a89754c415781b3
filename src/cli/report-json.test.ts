import { describe, expect, it } from 'vitest'
import type { ParsedReport } from '#src/features/attendance/parse/index.ts'
import { writeReportJson } from './report-json.ts'

const person = (i: number) => ({
  name: `Person ${i}`,
  rawName: `Person ${i} (Host)`,
  email: i % 2 ? `p${i}@example.org` : null,
  seconds: 60 * i,
  firstJoin: '2026-03-09T13:00:00-04:00',
  lastLeave: null,
})

const written = async (report: ParsedReport) => {
  let out = ''
  await writeReportJson(report, async (text) => {
    out += text
  })
  return out
}

describe('writeReportJson', () => {
  it('writes what JSON.stringify with two-space indents writes, for no, one and many participants', async () => {
    for (const count of [0, 1, 3, 2000]) {
      const report: ParsedReport = {
        format: 'zoom',
        participants: Array.from({ length: count }, (_, i) => person(i)),
      }
      expect(await written(report)).toBe(`${JSON.stringify(report, null, 2)}\n`)
    }
  })
})
