import { describe, expect, it } from 'vitest'
import { TableSniffer } from './sniff.ts'

const sniff = (chunks: string[]) => {
  const sniffer = new TableSniffer()
  for (const chunk of chunks) sniffer.write(chunk)
  return sniffer.end()
}

describe('TableSniffer', () => {
  const zoom = [
    'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,',
    '812,Call,3/9/2026 1:00 PM,3/9/2026 2:00 PM,host@example.org,60,2,',
    '',
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest',
    'Ana Ruiz,ana@example.org,3/9/2026 1:00 PM,3/9/2026 1:10 PM,10,No',
  ].join('\r\n')

  it('finds the same table whether the text comes whole or a character at a time', () => {
    const whole = sniff([zoom])
    expect(whole).toMatchObject({ kind: 'zoom', delimiter: ',' })
    expect(sniff([...zoom])).toMatchObject({ kind: 'zoom', delimiter: ',' })
  })

  it('sniffs tabs on the header line and prefers the Participants table of a Teams report', () => {
    const teams = [
      '2. In-Meeting Activities',
      'Name\tJoin Time\tLeave Time\tDuration\tEmail',
      '',
      '3. Participants',
      'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail',
    ].join('\n')
    expect(sniff([teams])).toMatchObject({ kind: 'teams', delimiter: '\t' })
  })

  it('never keeps a huge line, and reads the header after it', () => {
    const huge = `"${'x'.repeat(100_000)}",,1,Yes`
    const text = `${huge}\nName (Original Name),User Email,Total Duration (Minutes),Guest\n`
    const chunks = text.match(/[\s\S]{1,4096}/g) as string[]
    expect(sniff(chunks)).toMatchObject({ kind: 'zoom-unique' })
  })

  it('refuses a webinar report found anywhere in the file', () => {
    expect(() => sniff([`${zoom}\r\nAttendee  Details\r\n`])).toThrow(/Zoom webinar attendee report/)
  })
})
