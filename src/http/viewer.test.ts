import { describe, expect, it } from 'vitest'
import { anonymous, editorOf, type Viewer } from './viewer.ts'

const user = (personId: string | null): Viewer => ({
  kind: 'user',
  userId: 'u-1',
  email: 'staff@example.org',
  name: 'Staff',
  personId,
  roles: ['staff'],
  seatOrganizationIds: [],
})

describe('who a change is credited to', () => {
  it('is the signed-in person, or their account when no person is linked to it', () => {
    expect(editorOf(user('p-1'))).toEqual({ personId: 'p-1', actor: 'person:p-1' })
    expect(editorOf(user(null))).toEqual({ personId: null, actor: 'user:u-1' })
  })

  it('is the API token that asked, or nobody: never the system', () => {
    expect(editorOf({ kind: 'token', tokenId: 't-1', name: 'Sync', scopes: [] })).toEqual({
      personId: null,
      actor: 'token:t-1',
    })
    expect(editorOf(anonymous)).toEqual({ personId: null, actor: 'anonymous' })
  })
})
