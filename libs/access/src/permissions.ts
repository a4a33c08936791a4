/**
 * Every permission a route can declare, as verb-noun names, and which role grants which.
 * This map is the one place that says who may call what; object-level rules (which pupils,
 * which cases) live in AccessPolicy. A change here changes who can reach endpoints: the
 * route-permission snapshot test shows it.
 */
export const ROLES = ['school_staff', 'principal', 'elevhalsa', 'agency_worker', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that read pupils' or cases' data. */
export const CASE_READING_ROLES: readonly Role[] = ['school_staff', 'principal', 'elevhalsa', 'agency_worker'];
/**
 * Roles that oversee: they manage accounts or read the log of everyone's reads. One account never
 * holds one of these together with a case-reading role (rule 4, held against the admin itself).
 */
export const OVERSIGHT_ROLES: readonly Role[] = ['admin', 'auditor'];

export const PERMISSIONS = [
  'profile.read',
  'agency.list',
  'agency.create',
  'organisation.read',
  'organisation.update',
  'user.list',
  'user.create',
  'user.update',
  'schoolAccounts.read',
  'accessLog.read',
  'student.read',
  'student.create',
  'student.update',
  'student.registerExtract',
  'student.erase',
  'attendance.write',
  'attendance.import',
  'watchlist.read',
  'absenceRule.read',
  'absenceRule.update',
  'flag.create',
  'flag.read',
  'flag.triage',
  'investigation.read',
  'investigation.write',
  'guardianNotice.read',
  'guardianNotice.write',
  'case.read',
  'case.create',
  'case.manage',
  'case.assign',
  'mobilisation.respond',
  'mapping.write',
  'leadTime.read',
  'plan.write',
  'planAction.update',
  'actions.read',
  'stats.read',
  'notification.read',
  'intervention.read',
  'intervention.manage',
  'ss12000.manage',
  'retention.manage',
  'retentionRun.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What every school role does with its own school's pupils. */
const SCHOOL_WORK: Permission[] = [
  'profile.read',
  'notification.read',
  'student.read',
  'student.create',
  'student.update',
  'attendance.write',
  'watchlist.read',
  'absenceRule.read',
  'flag.create',
  'flag.read',
  'guardianNotice.read',
  'guardianNotice.write',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // Mentors and teachers: register pupils and attendance, watch, flag, tell guardians.
  school_staff: [...SCHOOL_WORK, 'attendance.import'],
  // The principal also owns the absence rules and the frånvaroutredning, and triages flags.
  principal: [
    ...SCHOOL_WORK,
    'attendance.import',
    'absenceRule.update',
    'flag.triage',
    'investigation.read',
    'investigation.write',
    'case.read',
    // Hands a case over to another coordinator (elevhälsa of the school), e.g. when one leaves.
    'case.assign',
    'leadTime.read',
    'actions.read',
    'stats.read',
    'intervention.read',
    // Who holds accounts at the school, and who gave them their roles.
    'schoolAccounts.read',
    // The register extract (GDPR art. 15) the school gives a family.
    'student.registerExtract',
    // Erasure on request (art. 17) of a pupil registered by mistake, when no duty keeps the data.
    'student.erase',
  ],
  // Elevhälsa triages flags and follows investigations; it does not run imports.
  // Elevhälsa also opens and coordinates cases: consent, mobilisation, meetings, mapping.
  elevhalsa: [
    ...SCHOOL_WORK,
    'flag.triage',
    'investigation.read',
    'case.read',
    'case.create',
    'case.manage',
    'case.assign',
    'mapping.write',
    'leadTime.read',
    'plan.write',
    'planAction.update',
    'actions.read',
    'stats.read',
    'intervention.read',
  ],
  // Outside agencies reach pupils only through cases they are mobilised into (with consent).
  agency_worker: [
    'profile.read',
    'notification.read',
    'case.read',
    'mobilisation.respond',
    'mapping.write',
    'planAction.update',
    'actions.read',
    'intervention.read',
  ],
  // Administrators and auditors never read case content (PRODUCT.md, access rule 4).
  // Outcome statistics are aggregates with small cells suppressed: no case content.
  admin: [
    'profile.read',
    'notification.read',
    'agency.list',
    'agency.create',
    'organisation.read',
    'organisation.update',
    'user.list',
    'user.create',
    'user.update',
    'stats.read',
    // The organisation's intervention catalogue (insatskatalog): no case content.
    'intervention.read',
    'intervention.manage',
    // The school organiser's SS 12000 sources and their sync runs (no pupil data in them).
    'ss12000.manage',
    // Retention rules (gallring) within their bounds, the preview and starting a run; the run log.
    'retention.manage',
    'retentionRun.read',
  ],
  // The auditor also reads the gallring log (counts only): what was erased belongs to the audit trail.
  auditor: ['profile.read', 'notification.read', 'accessLog.read', 'retentionRun.read'],
};

export function permissionsFor(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}
