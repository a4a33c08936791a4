/**
 * Every permission a route can declare, as verb-noun names, and which role grants which.
 * This map is the one place that says who may call what; object-level rules (which pupils,
 * which cases) live in AccessPolicy. A change here changes who can reach endpoints: the
 * route-permission snapshot test shows it.
 */
export const ROLES = ['school_staff', 'principal', 'elevhalsa', 'agency_worker', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'profile.read',
  'agency.list',
  'agency.create',
  'user.list',
  'user.create',
  'user.update',
  'accessLog.read',
  'student.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SCHOOL_READ: Permission[] = ['profile.read', 'student.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  school_staff: SCHOOL_READ,
  principal: SCHOOL_READ,
  elevhalsa: SCHOOL_READ,
  // Outside agencies reach pupils only through cases they are mobilised into (with consent).
  agency_worker: ['profile.read'],
  // Administrators and auditors never read case content (PRODUCT.md, access rule 4).
  admin: ['profile.read', 'agency.list', 'agency.create', 'user.list', 'user.create', 'user.update'],
  auditor: ['profile.read', 'accessLog.read'],
};

export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}
