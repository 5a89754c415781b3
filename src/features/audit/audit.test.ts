import { describe, expect, it } from 'vitest'
import { actorLabel, auditQueryString, parseAuditQuery } from './audit.ts'

const id = '0f8fad5b-d9cb-469f-a165-70867728950e'

describe('parseAuditQuery', () => {
  it('treats empty fields as no filter', () => {
    const q = parseAuditQuery({ actor: '', table: '  ', action: '' })
    expect(q.filters).toEqual({})
    expect(q.errors).toEqual({})
    expect(q.values).toEqual({ actor: '', table: '', record: '', action: '', from: '', to: '' })
  })

  it('keeps valid filters, trimmed', () => {
    const q = parseAuditQuery({
      actor: ' Robin ',
      table: 'organizations',
      record: id,
      action: 'api_call',
      from: '2026-11-01',
      to: '2026-11-26',
    })
    expect(q.filters).toEqual({
      actor: 'Robin',
      table: 'organizations',
      record: id,
      action: 'api_call',
      from: '2026-11-01',
      to: '2026-11-26',
    })
    expect(q.errors).toEqual({})
  })

  it('explains each wrong value for its own field and keeps what was typed', () => {
    const q = parseAuditQuery({
      table: 'Robert; drop table',
      action: 'drop',
      from: '2026-02-30',
      to: '26/11/2026',
    })
    expect(q.values.table).toBe('Robert; drop table')
    expect(q.errors).toEqual({
      table: 'Choose a table from the list.',
      action: 'Choose insert, update, delete or API call.',
      from: 'Enter a date as YYYY-MM-DD, such as 2026-11-26.',
      to: 'Enter a date as YYYY-MM-DD, such as 2026-11-26.',
    })
    expect(q.filters).toEqual({})
  })

  it('refuses an end date before the start date', () => {
    const q = parseAuditQuery({ from: '2026-11-26', to: '2026-11-25' })
    expect(q.errors).toEqual({ to: 'The end date must be on or after the start date.' })
    expect(q.filters).toEqual({ from: '2026-11-26' })
  })

  it('takes one page cursor, older first, and ignores one that is not an id', () => {
    expect(parseAuditQuery({ before: id, after: id })).toMatchObject({ before: id })
    expect(parseAuditQuery({ before: id, after: id }).after).toBeUndefined()
    expect(parseAuditQuery({ after: id })).toMatchObject({ after: id })
    const junk = parseAuditQuery({ before: "x' or 1=1" })
    expect(junk.before).toBeUndefined()
    expect(junk.errors).toEqual({})
  })
})

describe('actorLabel', () => {
  it('names people with their email, and tokens by their name', () => {
    expect(
      actorLabel(`person:${id}`, { personName: 'Robin Castellano', personEmail: 'staff@example.org' }),
    ).toBe('Robin Castellano (staff@example.org)')
    expect(
      actorLabel(`user:${id}`, { personName: 'Robin Castellano', personEmail: 'staff@example.org' }),
    ).toBe('Robin Castellano (staff@example.org)')
    expect(actorLabel(`token:${id}`, { tokenName: 'Reporting' })).toBe('API token Reporting')
  })

  it('shows the actor string when nothing on record matches it', () => {
    expect(actorLabel(`person:${id}`)).toBe(`person:${id}`)
    expect(actorLabel(`token:${id}`, { personName: 'Not a token' })).toBe(`token:${id}`)
    expect(actorLabel('system')).toBe('system')
    expect(actorLabel('cli')).toBe('cli')
  })
})

describe('auditQueryString', () => {
  it('carries the filters and one cursor, and nothing when there is none', () => {
    expect(auditQueryString({})).toBe('')
    expect(auditQueryString({ actor: 'a&b', table: 'people' }, { before: id })).toBe(
      `?actor=a%26b&table=people&before=${id}`,
    )
    expect(auditQueryString({}, { after: id })).toBe(`?after=${id}`)
  })
})
