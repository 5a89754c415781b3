export const roles = ['staff', 'board', 'representative', 'alternate', 'applicant'] as const
export type Role = (typeof roles)[number]

/** Who is making a request, with roles derived from the records on the day (never stored as flags). */
export type Viewer =
  | { kind: 'anonymous' }
  | {
      kind: 'user'
      userId: string
      email: string
      name: string
      personId: string | null
      roles: Role[]
      /** Organisations whose representative or alternate seat this person holds today. */
      seatOrganizationIds: string[]
    }
  | { kind: 'token'; tokenId: string; name: string; scopes: string[] }

export type SignedInViewer = Extract<Viewer, { kind: 'user' }>

export const anonymous: Viewer = { kind: 'anonymous' }

export const hasRole = (viewer: Viewer, role: Role): boolean =>
  viewer.kind === 'user' && viewer.roles.includes(role)
