import { describe, expect, it } from 'vitest'
import { typedNominees } from './nominees.ts'

const stored = [
  { seat: 'representative', fullName: 'Rosa Diaz', email: 'rosa@example.org', title: 'Director' },
  { seat: 'alternate', fullName: 'Sam Lee', email: 'sam@example.org', title: 'Manager' },
]

describe('typedNominees', () => {
  it('is undefined when the form sent no nominee field, so the stored nominees stay as they are', () => {
    expect(typedNominees({ summary: ['text'] }, stored)).toBeUndefined()
  })

  it('keeps every stored field the form did not send, so one field never empties the others', () => {
    expect(typedNominees({ alternateTitle: ['Deputy'] }, stored)).toEqual([
      stored[0],
      { seat: 'alternate', fullName: 'Sam Lee', email: 'sam@example.org', title: 'Deputy' },
    ])
  })

  it('takes a field sent empty as cleared', () => {
    const rows = typedNominees(
      { representativeFullName: [''], representativeEmail: ['new@example.org'] },
      stored,
    )
    expect(rows?.[0]).toEqual({
      seat: 'representative',
      fullName: '',
      email: 'new@example.org',
      title: 'Director',
    })
  })

  it('starts from empty rows for a draft with no nominees yet', () => {
    expect(typedNominees({ alternateFullName: ['Kim Park'] }, [])).toEqual([
      { seat: 'representative', fullName: '', email: '', title: '' },
      { seat: 'alternate', fullName: 'Kim Park', email: '', title: '' },
    ])
  })
})
