import {
  diffFields,
  fieldsNotAllowed,
  hideGuardianContacts,
  mergeGuardians,
  seesGuardianContacts,
} from './student-update.rules';

describe('student update rules', () => {
  it('school staff change class and grade; guardians, protected identity and externalId need principal or elevhälsa', () => {
    expect(fieldsNotAllowed(['school_staff'], ['className', 'grade'])).toEqual([]);
    expect(fieldsNotAllowed(['school_staff'], ['grade', 'guardians', 'externalId', 'protectedIdentity'])).toEqual([
      'guardians',
      'externalId',
      'protectedIdentity',
    ]);
    expect(fieldsNotAllowed(['elevhalsa'], ['guardians', 'externalId', 'className'])).toEqual([]);
    expect(fieldsNotAllowed(['principal'], ['protectedIdentity'])).toEqual([]);
    expect(fieldsNotAllowed(['principal'], ['personnummer'])).toEqual(['personnummer']);
  });

  it('diffs only fields that differ, deeply, and skips undefined', () => {
    const current = { className: '7A', grade: 7, guardians: [{ name: 'A', relation: 'r', phone: null, email: null }] };
    expect(
      diffFields(current, { className: '7A', grade: undefined, guardians: current.guardians.map((g) => ({ ...g })) }),
    ).toEqual([]);
    expect(diffFields(current, { className: '8A', grade: 8 })).toEqual([
      { field: 'className', oldValue: '7A', newValue: '8A' },
      { field: 'grade', oldValue: 7, newValue: 8 },
    ]);
    expect(diffFields({ externalId: null }, { externalId: 'x' })).toEqual([
      { field: 'externalId', oldValue: null, newValue: 'x' },
    ]);
  });

  it('merging guardians keeps contact details left out, and those the caller cannot see even when sent as null', () => {
    const stored = [{ id: 'g1', name: 'Eva', relation: 'mor', phone: '070-1', email: 'e@x.se' }];
    const kept = mergeGuardians(stored, [{ id: 'g1', name: 'Eva B', relation: 'mor' }], true);
    expect(kept.guardians).toEqual([{ id: 'g1', name: 'Eva B', relation: 'mor', phone: '070-1', email: 'e@x.se' }]);
    const cleared = mergeGuardians(stored, [{ id: 'g1', name: 'Eva', relation: 'mor', phone: null }], true);
    expect(cleared.guardians[0].phone).toBeNull();
    const notSeen = mergeGuardians(
      stored,
      [{ id: 'g1', name: 'Eva', relation: 'mor', phone: null, email: null }],
      false,
    );
    expect(notSeen.guardians[0]).toMatchObject({ phone: '070-1', email: 'e@x.se' });
    const added = mergeGuardians(
      stored,
      [
        { name: 'Per', relation: 'far' },
        { id: 'nope', name: 'X', relation: 'y' },
      ],
      true,
    );
    expect(added.guardians[0]).toEqual({ name: 'Per', relation: 'far', phone: null, email: null });
    expect(added.unknownIds).toEqual([1]);
  });

  it('contacts are seen except under protected identity, where only the school’s coordinators see them', () => {
    const pupil = { schoolId: 's1', protectedIdentity: true };
    expect(seesGuardianContacts({ agencyId: 's1', roles: ['school_staff'] }, pupil)).toBe(false);
    expect(seesGuardianContacts({ agencyId: 's1', roles: ['elevhalsa'] }, pupil)).toBe(true);
    expect(seesGuardianContacts({ agencyId: 's2', roles: ['principal'] }, pupil)).toBe(false);
    expect(
      seesGuardianContacts({ agencyId: 's2', roles: ['school_staff'] }, { ...pupil, protectedIdentity: false }),
    ).toBe(true);
    expect(hideGuardianContacts([{ name: 'A', relation: 'r', phone: '1', email: 'e' }])).toEqual([
      { name: 'A', relation: 'r', phone: null, email: null, contactHidden: true },
    ]);
  });
});
