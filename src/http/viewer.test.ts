import { describe, expect, it } from 'vitest'
import { actingPerson, anonymous, editorOf, type Viewer } from './viewer.ts'

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

describe('who does an action only a person on record may do', () => {
  it('is the signed-in person, credited as editorOf credits them', () => {
    expect(actingPerson(user('p-1'))).toEqual({ personId: 'p-1', actor: 'person:p-1' })
  })

  it('is refused (403) with what cannot be done to an account without a person, a token or nobody', () => {
    for (const viewer of [
      user(null),
      { kind: 'token', tokenId: 't-1', name: 'Sync', scopes: [] } as Viewer,
      anonymous,
    ])
      expect(() => actingPerson(viewer, 'act on applications')).toThrow(
        expect.objectContaining({
          code: 'FORBIDDEN',
          userMessage: 'Your account is not linked to a person on record, so it cannot act on applications.',
        }),
      )
  })
})
