import type { ParsedReport } from '#src/features/attendance/index.ts'

/** Text gathered before each write: one write per ~64 KB, not per participant. */
const BATCH = 64 * 1024

/**
 * Writes `{ format, participants }` exactly as `JSON.stringify(doc, null, 2)` would, one
 * participant at a time, so a report of 100,000 people is never one 24 MB string.
 */
export async function writeReportJson(
  report: ParsedReport,
  write: (text: string) => Promise<void>,
): Promise<void> {
  const { participants } = report
  let text = `{\n  "format": ${JSON.stringify(report.format)},\n  "participants": ${participants.length === 0 ? '[]' : '['}`
  for (const [i, participant] of participants.entries()) {
    const item = JSON.stringify(participant, null, 2).replace(/\n/g, '\n    ')
    text += `${i === 0 ? '' : ','}\n    ${item}`
    if (text.length >= BATCH) {
      await write(text)
      text = ''
    }
  }
  await write(`${text}${participants.length === 0 ? '' : '\n  ]'}\n}\n`)
}
