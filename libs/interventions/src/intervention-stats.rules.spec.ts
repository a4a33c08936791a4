import { ORGANISATION, suppressSmallCells } from '@app/cases';
import { cell, EndedCourse, interventionTable } from './intervention-stats.rules';

const course = (n: number, school: string, extra: Partial<EndedCourse> = {}): EndedCourse => ({
  interventionId: 'mst',
  schoolId: school,
  studentId: `pupil-${school}-${n}`,
  endedOn: '2025-02-01',
  endReason: 'completed',
  referredBehaviours: ['school_absence'],
  attendanceBeforeStart: 50 + n,
  attendanceBeforeEnd: null,
  followUps: {},
  ...extra,
});

describe('results per intervention: the table', () => {
  const courses = [
    ...Array.from({ length: 6 }, (_, n) => course(n, 'a', n < 3 ? { endReason: 'placement' } : {})),
    ...Array.from({ length: 6 }, (_, n) =>
      course(n, 'b', { followUps: { 6: { newInterventionFor: n < 2 ? ['crime'] : [], schoolOrWork20h: n < 5 } } }),
    ),
  ];
  const table = interventionTable(['mst'], ['a', 'b'], courses, '2026-12-03');
  const value = (figure: string, unit = ORGANISATION) => table.values.get(cell('mst', figure))?.[unit];

  it('counts ended courses, their end reasons and shares per unit', () => {
    expect(value('ended')).toBe(12);
    expect(value('ended', 'a')).toBe(6);
    expect(value('endReason.completed')).toBe(9);
    expect(value('endReason.completed.share')).toBe(0.75);
    expect(value('endReason.placement', 'a')).toBe(3);
    expect(value('endReason.placement.share', 'b')).toBe(0);
  });

  it('bases follow-up shares on the follow-ups due and recorded', () => {
    expect(value('followUps.6.due')).toBe(12);
    expect(value('followUps.18.due')).toBe(12);
    expect(value('followUps.6.recorded')).toBe(6);
    expect(value('followUps.6.recorded.share')).toBe(0.5);
    expect(value('followUps.6.schoolOrWork20h.share', 'b')).toBe(0.833);
    expect(value('behaviours.crime.newIntervention.6', 'b')).toBe(2);
    expect(value('medianAttendanceBeforeStart', 'a')).toBe(52.5);
    expect(value('medianAttendanceBeforeEnd')).toBeNull();
  });

  it('is suppressed by the outcome statistics’ rule: small counts and their complements hidden', () => {
    const suppression = suppressSmallCells(table);
    // Placement: 3 at school a (small), 0 at b: hidden there, and the organisation's 3 too.
    expect(suppression.isSuppressed('a', cell('mst', 'endReason.placement'))).toBe(true);
    expect(suppression.isSuppressed(ORGANISATION, cell('mst', 'endReason.placement'))).toBe(true);
    // 2 of 6 with a new intervention for crime: hidden, and the share beside it.
    expect(suppression.isSuppressed('b', cell('mst', 'behaviours.crime.newIntervention.6.share'))).toBe(true);
    // 12 ended, 6 and 6: shown.
    expect(suppression.isSuppressed(ORGANISATION, cell('mst', 'ended'))).toBe(false);
    expect(suppression.isSuppressed('a', cell('mst', 'ended'))).toBe(false);
  });
});
