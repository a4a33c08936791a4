import { MIN_CELL, ORGANISATION, suppressSmallCells } from './suppression.rules';
import type { FollowUpResultRow } from './outcome-stats.repository';
import { FOLLOW_UP_FLAGS, FollowUpFlag, outcomeFigures, OutcomeRows, outcomeTable } from './outcome-stats.rules';

const A = 'school-a';
const B = 'school-b';
const C = 'school-c';

/** Rows as the repository answers them: one per school and one total (school_id null). */
const unit = (school: string | null) => ({ school_id: school, total: school === null });

/** n recorded follow-ups of n pupils, `back` of them back in school or work, none with a new intervention. */
const followUpRow = (
  school: string | null,
  months: number,
  n: number,
  back: number,
  attendance: number | null,
): FollowUpResultRow => ({
  ...unit(school),
  months,
  n,
  p: n,
  ...(Object.fromEntries(
    FOLLOW_UP_FLAGS.flatMap((flag) => {
      const yes = flag === 'backInSchoolOrWork20h' ? back : 0;
      return [
        [`${flag}_n`, yes],
        [`${flag}_p`, yes],
        [`${flag}_other_p`, n - yes],
      ];
    }),
  ) as Record<`${FollowUpFlag}_${'n' | 'p' | 'other_p'}`, number>),
  attendance_p: n,
  median: attendance,
});

const rows = (): OutcomeRows => ({
  schools: [A, B, C],
  casesByStatus: [
    { ...unit(A), status: 'closed', n: 7, p: 7 },
    { ...unit(B), status: 'closed', n: 6, p: 5 },
    { ...unit(null), status: 'closed', n: 13, p: 12 },
    { ...unit(A), status: 'open', n: 2, p: 2 },
    { ...unit(null), status: 'open', n: 2, p: 2 },
  ],
  daysToPlan: [
    { ...unit(A), p: 6, median: 12.5 },
    { ...unit(B), p: 3, median: 4 },
    { ...unit(null), p: 9, median: 9 },
  ],
  leadTimes: [],
  attendanceGoals: [
    { ...unit(A), n: 8, p: 8, reached_n: 5, reached_p: 5, other_p: 3 },
    { ...unit(null), n: 8, p: 8, reached_n: 5, reached_p: 5, other_p: 3 },
  ],
  followUps: [followUpRow(A, 6, 10, 5, 87.25), followUpRow(B, 6, 10, 5, 90), followUpRow(null, 6, 20, 10, 88.04)],
});

describe('outcome statistics table', () => {
  it('makes every school a unit, one without rows too, and the total the organisation', () => {
    const table = outcomeTable(rows());
    expect(table.schools.sort()).toEqual([A, B, C]);
    const closed = table.counts.find((c) => c.name === 'casesByStatus.closed')!;
    expect(closed.units).toEqual({
      [A]: { n: 7, pupils: 7 },
      [B]: { n: 6, pupils: 5 },
      [ORGANISATION]: { n: 13, pupils: 12 },
    });
    const fromRows = outcomeTable({ ...rows(), schools: [] });
    expect(fromRows.schools.sort()).toEqual([A, B]);
  });

  it('links each yes/no count to its base with the pupils on the "no" side', () => {
    const table = outcomeTable(rows());
    const reached = table.counts.find((c) => c.name === 'plansWithAttendanceGoal.reached')!;
    expect(reached.partOf).toBe('plansWithAttendanceGoal');
    expect(reached.units[A]).toEqual({ n: 5, pupils: 5, complementPupils: 3 });
    const back = table.counts.find((c) => c.name === 'followUps.6.backInSchoolOrWork20h')!;
    expect(back.partOf).toBe('followUps.6.recorded');
    expect(back.units[B]).toEqual({ n: 5, pupils: 5, complementPupils: 5 });
    expect(table.derived.find((d) => d.name === 'plansWithAttendanceGoal.share')!.dependsOn).toEqual([
      'plansWithAttendanceGoal.reached',
    ]);
  });

  it('rounds: whole days, shares to three decimals, attendance to one', () => {
    const table = outcomeTable(rows());
    expect(table.derivedValues.get('medianDaysToPlan')![A]).toBe(13);
    expect(table.derivedValues.get('plansWithAttendanceGoal.share')![A]).toBe(0.625);
    expect(table.derivedValues.get('followUps.6.medianAttendancePercent')![A]).toBe(87.3);
    expect(table.derivedValues.get('followUps.6.medianAttendancePercent')![ORGANISATION]).toBe(88);
  });
});

describe('outcome figures of one unit', () => {
  it('shows counts of at least 5 pupils, hides smaller ones and names them, zeros as 0 counts hidden', () => {
    const table = outcomeTable(rows());
    const figures = outcomeFigures(table, suppressSmallCells(table), A);
    expect(figures.casesByStatus.closed).toBe(7);
    expect(figures.casesByStatus.open).toBeNull();
    expect(figures.casesByStatus.mapping).toBeNull();
    expect(figures.suppressed).toEqual(expect.arrayContaining(['casesByStatus.open', 'casesByStatus.mapping']));
    expect(figures.medianDaysToPlan).toBe(13);
    expect(figures.followUps['6'].recorded).toBe(10);
    expect(figures.followUps['6'].backInSchoolOrWork20h).toBe(5);
    expect(figures.followUps['6'].medianAttendancePercent).toBe(87.3);
    // 0 of 10 needed a new intervention: the "no" side is 10, but the count itself is below MIN_CELL.
    expect(figures.followUps['6'].newInterventions.bup).toBeNull();
    expect(figures.followUps['18']).toEqual({
      recorded: null,
      backInSchoolOrWork20h: null,
      newInterventions: { social_services: null, bup: null, habilitation: null, other: null },
      medianAttendancePercent: null,
    });
    expect(figures.leadTimes.every((t) => t.medianDays === null && t.p90Days === null)).toBe(true);
  });

  it('hides the attendance-goal group as one: null, named once, not its parts', () => {
    const table = outcomeTable(rows());
    const figures = outcomeFigures(table, suppressSmallCells(table), B);
    expect(figures.plansWithAttendanceGoal).toBeNull();
    expect(figures.suppressed).toContain('plansWithAttendanceGoal');
    expect(figures.suppressed.filter((name) => name.startsWith('plansWithAttendanceGoal.'))).toEqual([]);
    // B's 3 pupils to a plan are too few for a median.
    expect(figures.medianDaysToPlan).toBeNull();
  });

  it('shows the goal reached with its share when both sides have 5 pupils', () => {
    const r = rows();
    r.attendanceGoals = [
      { ...unit(A), n: 10, p: 10, reached_n: 5, reached_p: 5, other_p: 5 },
      { ...unit(null), n: 10, p: 10, reached_n: 5, reached_p: 5, other_p: 5 },
    ];
    const table = outcomeTable(r);
    const figures = outcomeFigures(table, suppressSmallCells(table), ORGANISATION);
    expect(figures.plansWithAttendanceGoal).toEqual({ count: 10, reached: 5, share: 0.5 });
    expect(MIN_CELL).toBe(5);
  });

  it('hides a yes count whose "no" side is below 5 pupils, and the share with it', () => {
    const r = rows();
    r.attendanceGoals = [
      { ...unit(A), n: 10, p: 10, reached_n: 6, reached_p: 6, other_p: 4 },
      { ...unit(null), n: 10, p: 10, reached_n: 6, reached_p: 6, other_p: 4 },
    ];
    const table = outcomeTable(r);
    const figures = outcomeFigures(table, suppressSmallCells(table), ORGANISATION);
    expect(figures.plansWithAttendanceGoal).toEqual({ count: 10, reached: null, share: null });
    expect(figures.suppressed).toEqual(
      expect.arrayContaining(['plansWithAttendanceGoal.reached', 'plansWithAttendanceGoal.share']),
    );
  });
});
