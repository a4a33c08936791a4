import {
  caseReading,
  changesOwnRoles,
  rolesCombinationRefused,
  rolesInEffect,
  rolesMisfit,
  sameRoles,
  schoolAccessChanged,
  sortedRoles,
} from './users.rules';

describe('what an administrator may grant', () => {
  it('gives school roles only at schools and case work only at the other agencies', () => {
    expect(rolesMisfit(['school_staff', 'principal', 'elevhalsa'], 'school')).toBeNull();
    expect(rolesMisfit(['agency_worker'], 'social_services')).toBeNull();
    expect(rolesMisfit(['admin'], 'school')).toBeNull();
    expect(rolesMisfit(['agency_worker', 'principal'], 'school')).toEqual({
      detail: 'The roles agency_worker do not fit an agency of type school.',
      error: { field: 'roles', code: 'role-not-allowed', message: 'agency_worker cannot be given at a school agency' },
    });
    expect(rolesMisfit(['elevhalsa', 'school_staff'], 'bup')?.error.message).toBe(
      'elevhalsa, school_staff cannot be given at a bup agency',
    );
  });

  it('never combines administration or audit with a role that reads pupils or cases', () => {
    expect(rolesCombinationRefused(['admin', 'auditor'])).toBeNull();
    expect(rolesCombinationRefused(['principal', 'elevhalsa'])).toBeNull();
    const refused = rolesCombinationRefused(['admin', 'elevhalsa']);
    expect(refused?.error).toEqual({
      field: 'roles',
      code: 'role-combination',
      message: 'admin cannot be combined with elevhalsa',
    });
    expect(refused?.detail).toMatch(/^admin cannot be combined with elevhalsa: administrators and auditors/);
    expect(rolesCombinationRefused(['auditor', 'agency_worker'])?.error.code).toBe('role-combination');
  });

  it('compares roles as sets and counts none for a deactivated account', () => {
    expect(sameRoles(['principal', 'elevhalsa'], ['elevhalsa', 'principal'])).toBe(true);
    expect(sameRoles(['principal'], ['principal', 'elevhalsa'])).toBe(false);
    expect(sortedRoles(['school_staff', 'elevhalsa'])).toEqual(['elevhalsa', 'school_staff']);
    expect(caseReading(['admin', 'principal', 'auditor'])).toEqual(['principal']);
    expect(rolesInEffect({ roles: ['principal'], active: true })).toEqual(['principal']);
    expect(rolesInEffect({ roles: ['principal'], active: false })).toEqual([]);
  });

  it('refuses a change of your own roles, but not the same roles again', () => {
    expect(changesOwnRoles('me', 'me', ['admin'], ['admin', 'auditor'])).toBe(true);
    expect(changesOwnRoles('me', 'me', ['admin', 'auditor'], ['auditor', 'admin'])).toBe(false);
    expect(changesOwnRoles('me', 'other', ['admin'], ['admin', 'auditor'])).toBe(false);
  });

  it("tells the school's principal when the roles that read pupils change at a school", () => {
    expect(schoolAccessChanged('school', [], ['school_staff'])).toBe(true);
    expect(schoolAccessChanged('school', ['school_staff', 'admin'], ['school_staff'])).toBe(false);
    expect(schoolAccessChanged('school', ['elevhalsa'], [])).toBe(true);
    expect(schoolAccessChanged('bup', [], ['agency_worker'])).toBe(false);
  });
});
