import type { Viewer } from './viewer.ts'

/**
 * Every permission a route can require, and who holds it. Each route declares one
 * (see `requirePermission`); the access matrix test fails for a route that does not.
 */
export const permissionRules = {
  /** Anyone, signed in or not. */
  public: () => true,
  /** Any signed-in account. */
  'account:self': (v: Viewer) => v.kind === 'user',
  /** Edit an organisation's profile: staff any, representatives and alternates their own (checked per record). */
  'organization:edit-own': (v: Viewer) =>
    v.kind === 'user' && (v.roles.includes('staff') || v.seatOrganizationIds.length > 0),
  'audit:read': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** The audit log over the JSON API: staff sessions, or tokens that carry the audit:read scope. */
  'audit:read-api': (v: Viewer) =>
    (v.kind === 'user' && v.roles.includes('staff')) ||
    (v.kind === 'token' && v.scopes.includes('audit:read')),
  /** Work on one's own applications (drafts, answers): any signed-in account; ownership is checked per record. */
  'application:own': (v: Viewer) => v.kind === 'user',
  /** Staff review of applications, criterion by criterion. */
  'application:review': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** Advisory Board votes on applications. */
  'application:vote': (v: Viewer) => v.kind === 'user' && v.roles.includes('board'),
  /** Read applications over the JSON API: staff sessions, or tokens with the applications:read scope. */
  'applications:read-api': (v: Viewer) =>
    (v.kind === 'user' && v.roles.includes('staff')) ||
    (v.kind === 'token' && v.scopes.includes('applications:read')),
  /** Write organisation profiles over the JSON API: seat holders and staff (per record), or tokens with organizations:write. */
  'organizations:write-api': (v: Viewer) =>
    (v.kind === 'user' && (v.roles.includes('staff') || v.seatOrganizationIds.length > 0)) ||
    (v.kind === 'token' && v.scopes.includes('organizations:write')),
  /** Hand over or swap an organisation's seats: staff any, the representative their own (checked per record). */
  'seats:manage': (v: Viewer) =>
    v.kind === 'user' && (v.roles.includes('staff') || v.roles.includes('representative')),
  /** Suspend, reinstate or withdraw an organisation. */
  'organization:admin': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** Download an uploaded file: staff, the board, and the applicant who uploaded it (checked per record). */
  'file:download': (v: Viewer) => v.kind === 'user',
  'outbox:read': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  'people:invite': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  'api-tokens:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** The calls' pages (agenda, notes, recording, slots): the network's members, the board and staff. */
  'calls:read': (v: Viewer) =>
    v.kind === 'user' &&
    (v.roles.includes('staff') ||
      v.roles.includes('board') ||
      v.roles.includes('representative') ||
      v.roles.includes('alternate')),
  /** Cancel, move or add calls, and edit their agenda, notes and recording link. */
  'calls:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** Take attendance: the roll call, and importing Zoom, Teams and Meet reports. */
  'attendance:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /**
   * An organisation's own obligations: see its status, ask for a presentation month, record
   * and answer for its sharing: staff any, its representative and alternate their own (per record).
   */
  'obligations:own': (v: Viewer) =>
    v.kind === 'user' && (v.roles.includes('staff') || v.seatOrganizationIds.length > 0),
  /** Every organisation's obligations, the heat map and the CSV: staff and the Advisory Board. */
  'obligations:network': (v: Viewer) =>
    v.kind === 'user' && (v.roles.includes('staff') || v.roles.includes('board')),
  /** Plan and move presentation slots, mark them given or missed, question sharing records. */
  'obligations:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** Write and publish the public site: the network's identity, pages, news, announcements, WordPress imports. */
  'site:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** See members-only pages, news, library items and presentations: seat holders, the board and staff. */
  'content:members': (v: Viewer) => canSeeMembersContent(v),
  /** Offer an item to the library: staff, and seat holders staff allowed (checked per person). */
  'library:contribute': (v: Viewer) =>
    v.kind === 'user' && (v.roles.includes('staff') || v.seatOrganizationIds.length > 0),
  /** Approve, edit and withdraw any library item, and choose who may contribute. */
  'library:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  /** An organisation's outcome reports and goals: staff any, its representative and alternate their own (per record). */
  'outcomes:own': (v: Viewer) =>
    v.kind === 'user' && (v.roles.includes('staff') || v.seatOrganizationIds.length > 0),
  /** Define metrics, verify, return and correct reports, record reported facts, import figures. */
  'outcomes:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
} as const satisfies Record<string, (viewer: Viewer) => boolean>

/**
 * Who sees members-only content (DOMAIN.md, "Content and visibility"): seat holders, the
 * Advisory Board and staff. Applicants and visitors never do, nor does an API token on the
 * content routes (search, library, news, feeds). The audit log is the staff's record of every
 * change, whatever it was: a token given the audit:read scope reads it whole, as its scope says.
 */
export function canSeeMembersContent(viewer: Viewer): boolean {
  return (
    viewer.kind === 'user' &&
    (viewer.roles.includes('staff') ||
      viewer.roles.includes('board') ||
      viewer.roles.includes('representative') ||
      viewer.roles.includes('alternate'))
  )
}

/** The visibilities a viewer may see: every query of content filters by this list. */
export const visibleTo = (viewer: Viewer): ('public' | 'members')[] =>
  canSeeMembersContent(viewer) ? ['public', 'members'] : ['public']

export type Permission = keyof typeof permissionRules

export const can = (viewer: Viewer, permission: Permission): boolean => permissionRules[permission](viewer)

/** Whether the viewer may change this organisation's seats: staff, or its representative today. */
export const canManageSeats = (viewer: Viewer, organizationId: string, representativeOf: string[]): boolean =>
  viewer.kind === 'user' && (viewer.roles.includes('staff') || representativeOf.includes(organizationId))

/** Whether the viewer may edit this organisation: staff, or a holder of its seat today. */
export const canEditOrganization = (viewer: Viewer, organizationId: string): boolean =>
  viewer.kind === 'user' &&
  (viewer.roles.includes('staff') || viewer.seatOrganizationIds.includes(organizationId))
