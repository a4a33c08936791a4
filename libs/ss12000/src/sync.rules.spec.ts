import { luhnCheckDigit } from '@app/students';
import { readAbsence, readClassGroup, readPupil } from './sync.rules';
import { retryAfterMs } from './ss12000-client';

const UNIT = '8f1a0c2e-0000-4000-8000-00000000a001';
const ID = '6c2d0000-0000-4000-8000-000000000001';
const nine = '130612501';
const PNR = `20${nine}${luhnCheckDigit(nine)}`;
const person = (over: Record<string, unknown> = {}) => ({
  id: ID,
  meta: { created: '2026-11-01T08:00:00+01:00', modified: '2026-11-01T08:00:00+01:00' },
  givenName: 'Alva',
  familyName: 'Hand',
  civicNo: { value: PNR },
  enrolments: [{ enroledAt: { id: UNIT }, schoolType: 'GR', startDate: '2026-08-15', schoolYear: 7 }],
  responsibles: [{ person: { id: 'g-1', displayName: 'Hanna Hand' }, relationType: 'Vårdnadshavare' }],
  ...over,
});

describe('SS 12000 readers', () => {
  it('reads a pupil: personnummer, grade, guardians; protected identity from either marking', () => {
    const { pupil, errors } = readPupil(person(), UNIT, '2026-12-03');
    expect(errors).toEqual([]);
    expect(pupil).toMatchObject({
      externalId: ID,
      personnummer: PNR,
      grade: 7,
      protectedIdentity: false,
      enrolled: true,
      guardians: [{ externalId: 'g-1', name: 'Hanna Hand', relation: 'vårdnadshavare' }],
    });
    for (const marking of ['Skyddad folkbokföring', 'Sekretessmarkering']) {
      expect(readPupil(person({ securityMarking: marking }), UNIT, '2026-12-03').pupil!.protectedIdentity).toBe(true);
    }
  });

  it('keeps a temporary number; refuses a bad civicNo or enum by id and field, never by value', () => {
    expect(readPupil(person({ civicNo: { value: '20130101TF01' } }), UNIT, '2026-12-03').pupil).toMatchObject({
      personnummer: null,
      temporaryNumber: '20130101TF01',
    });
    const bad = readPupil(person({ civicNo: { value: '201306129999' } }), UNIT, '2026-12-03');
    expect(bad.pupil).toBeNull();
    expect(bad.errors).toEqual([{ entity: 'person', id: ID, field: 'civicNo.value', reason: expect.any(String) }]);
    expect(bad.errors[0].reason).not.toContain('201306129999');
    expect(readPupil(person({ personStatus: 'Borta' }), UNIT, '2026-12-03').errors[0].field).toBe('personStatus');
    expect(readPupil(person({ securityMarking: 'Hemlig' }), UNIT, '2026-12-03').errors[0].field).toBe(
      'securityMarking',
    );
  });

  it('a pupil who left (status or ended enrolment) is not enrolled; another unit’s person is not ours', () => {
    expect(readPupil(person({ personStatus: 'Utvandrad' }), UNIT, '2026-12-03').pupil!.enrolled).toBe(false);
    const ended = person({
      enrolments: [{ enroledAt: { id: UNIT }, schoolType: 'GR', startDate: '2025-08-15', endDate: '2026-06-10' }],
    });
    expect(readPupil(ended, UNIT, '2026-12-03').pupil!.enrolled).toBe(false);
    expect(readPupil(person(), 'another-unit', '2026-12-03')).toEqual({ pupil: null, errors: [] });
  });

  it('reads classes from Klass groups with today’s memberships only', () => {
    const group = {
      id: 'g',
      groupType: 'Klass',
      displayName: '7A',
      groupMemberships: [
        { person: { id: 'p1' }, startDate: '2026-08-15' },
        { person: { id: 'p2' }, startDate: '2026-08-15', endDate: '2026-10-01' },
      ],
    };
    expect([...readClassGroup(group, '2026-12-03').classes]).toEqual([['p1', '7A']]);
    expect(readClassGroup({ ...group, groupType: 'Undervisning' }, '2026-12-03').classes.size).toBe(0);
  });

  it('reads absences and refuses an end before the start', () => {
    const absence = {
      id: 'a',
      type: 'Anmäld frånvaro',
      student: { id: 'p1' },
      startTime: '2026-11-16T08:00:00+01:00',
      endTime: '2026-11-16T12:00:00+01:00',
    };
    expect(readAbsence(absence).absence).toMatchObject({ student: 'p1', start: '2026-11-16T07:00:00.000Z' });
    expect(readAbsence({ ...absence, endTime: absence.startTime }).errors[0].field).toBe('endTime');
    expect(readAbsence({ ...absence, type: 'Sjuk' }).errors[0].field).toBe('type');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(new Date(Date.now() + 5000).toUTCString(), Date.now())).toBeGreaterThan(3000);
    expect(retryAfterMs(null)).toBeNull();
  });
});
