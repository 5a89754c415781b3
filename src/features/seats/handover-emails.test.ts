import { describe, expect, it } from 'vitest'
import { composeHandoverEmails, type SeatHandover } from './handover-emails.ts'

const ctx = { network: 'Test Network', origin: 'https://hub.example.org' }
const incoming = { id: 'in', fullName: 'Ines Incoming', email: 'ines@example.org' }
const outgoing = { id: 'out', fullName: 'Otto Outgoing', email: 'otto@example.org' }
const handover = (changes: Partial<SeatHandover> = {}): SeatHandover => ({
  organization: { name: 'Lakeside Makers' },
  role: 'alternate',
  effectiveOn: '2027-01-01',
  incoming,
  outgoing,
  ...changes,
})

describe('the emails of a seat handover', () => {
  it('go to the incoming and the outgoing holder, naming the seat, the organisation and both days', () => {
    const [toIncoming, toOutgoing, ...more] = composeHandoverEmails(handover(), ctx)
    expect(more).toEqual([])
    expect(toIncoming?.to).toBe('ines@example.org')
    expect(toIncoming?.subject).toBe(
      'Test Network: from January 1, 2027 you hold the alternate seat of Lakeside Makers',
    )
    expect(toIncoming?.text).toContain('https://hub.example.org/account')
    expect(toOutgoing?.to).toBe('otto@example.org')
    expect(toOutgoing?.text).toContain('You hold the seat until December 31, 2026, its last day with you.')
  })

  it('go to the incoming holder alone when the seat was vacant, and to nobody without an address', () => {
    expect(composeHandoverEmails(handover({ outgoing: null }), ctx).map((e) => e.to)).toEqual([
      'ines@example.org',
    ])
    const noAddress = handover({ outgoing: { ...outgoing, email: '' } })
    expect(composeHandoverEmails(noAddress, ctx).map((e) => e.to)).toEqual(['ines@example.org'])
  })

  it('carry no unsubscribe link: they are about the person’s own seat and always sent', () => {
    for (const email of composeHandoverEmails(handover(), ctx)) {
      expect(email.unsubscribeUrl).toBeUndefined()
      expect(email.text).toContain('emails about the seats you hold are always sent')
    }
  })
})
