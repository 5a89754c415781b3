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
  'outbox:read': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  'people:invite': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
  'api-tokens:manage': (v: Viewer) => v.kind === 'user' && v.roles.includes('staff'),
} as const satisfies Record<string, (viewer: Viewer) => boolean>

export type Permission = keyof typeof permissionRules

export const can = (viewer: Viewer, permission: Permission): boolean => permissionRules[permission](viewer)

/** Whether the viewer may edit this organisation: staff, or a holder of its seat today. */
export const canEditOrganization = (viewer: Viewer, organizationId: string): boolean =>
  viewer.kind === 'user' &&
  (viewer.roles.includes('staff') || viewer.seatOrganizationIds.includes(organizationId))
