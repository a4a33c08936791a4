/**
 * Outcome statistics as pure logic: from the aggregate rows of one term (the organisation and
 * each of its schools) to the table of counts and derived figures that `suppressSmallCells`
 * suppresses once, and from the suppressed table to one unit's figures.
 */
import { CASE_STATUSES } from '../cases.dto';
import { LEAD_TIME_MEASURES, wholeDays } from '../lead-times.sql';
import { FOLLOW_UP_MONTHS, NEW_INTERVENTIONS } from './follow-ups.rules';
import type { AttendanceGoalStatsDto, FollowUpStatsDto, OutcomeStatsDto } from './outcome-stats.dto';
import type {
  AttendanceGoalRow,
  CasesByStatusRow,
  DaysToPlanRow,
  FollowUpResultRow,
  LeadTimeRow,
  UnitRow,
} from './outcome-stats.repository';
import { CountCells, DerivedCells, ORGANISATION, StatsTable, Suppression } from './suppression.rules';

/** The yes/no results of a recorded follow-up, each counted with the distinct pupils on both sides. */
export const FOLLOW_UP_FLAGS = [
  'backInSchoolOrWork20h',
  ...NEW_INTERVENTIONS.map((kind) => `newInterventions.${kind}` as const),
] as const;
export type FollowUpFlag = (typeof FOLLOW_UP_FLAGS)[number];

/** The aggregate rows of one term, as the repository reads them. */
export interface OutcomeRows {
  /** Every school of the organisation, one without cases too. */
  schools: string[];
  casesByStatus: CasesByStatusRow[];
  daysToPlan: DaysToPlanRow[];
  leadTimes: LeadTimeRow[];
  attendanceGoals: AttendanceGoalRow[];
  followUps: FollowUpResultRow[];
}

/**
 * The statistics of one term for the organisation and each of its schools, before suppression:
 * the counts and derived figures per unit, and the shown value of each.
 */
export interface OutcomeTable extends StatsTable {
  /** Each derived figure's value per unit (a count's value is its `n`). */
  derivedValues: Map<string, Record<string, number | null>>;
}

/** The figures of one unit (the organisation or a school) in the answer. */
export type OutcomeFigures = Pick<
  OutcomeStatsDto,
  'casesByStatus' | 'medianDaysToPlan' | 'leadTimes' | 'plansWithAttendanceGoal' | 'followUps' | 'suppressed'
>;

const unitOf = (row: UnitRow) => (row.total ? ORGANISATION : row.school_id!);

const round = (value: number | string | null, decimals: number) =>
  value === null ? null : Math.round(Number(value) * 10 ** decimals) / 10 ** decimals;

/** Every figure of the term for the organisation and each of its schools, from the aggregate rows. */
export function outcomeTable(rows: OutcomeRows): OutcomeTable {
  const counts: CountCells[] = [];
  const derived: DerivedCells[] = [];
  const derivedValues = new Map<string, Record<string, number | null>>();
  /** One count per unit from the rows: n, distinct pupils and, for a yes/no count, the pupils of "no". */
  const countCells = <R extends UnitRow>(
    name: string,
    list: R[],
    pick: (row: R) => { n: number; pupils: number; complementPupils?: number },
    partOf?: string,
  ) => counts.push({ name, partOf, units: Object.fromEntries(list.map((row) => [unitOf(row), pick(row)])) });
  const derivedCells = <R extends UnitRow>(
    name: string,
    list: R[],
    pick: (row: R) => { pupils: number; value: number | null },
    dependsOn?: string[],
  ) => {
    derived.push({ name, dependsOn, pupils: Object.fromEntries(list.map((row) => [unitOf(row), pick(row).pupils])) });
    derivedValues.set(name, Object.fromEntries(list.map((row) => [unitOf(row), pick(row).value])));
  };

  for (const status of CASE_STATUSES) {
    countCells(
      `casesByStatus.${status}`,
      rows.casesByStatus.filter((row) => row.status === status),
      (row) => ({ n: row.n, pupils: row.p }),
    );
  }
  derivedCells('medianDaysToPlan', rows.daysToPlan, (row) => ({ pupils: row.p, value: wholeDays(row.median) }));
  for (const measure of LEAD_TIME_MEASURES) {
    const list = rows.leadTimes.filter((row) => row.measure === measure);
    derivedCells(`leadTimes.${measure}.median`, list, (row) => ({ pupils: row.p, value: wholeDays(row.median) }));
    derivedCells(`leadTimes.${measure}.p90`, list, (row) => ({ pupils: row.p, value: wholeDays(row.p90) }));
  }
  const goals = rows.attendanceGoals;
  countCells('plansWithAttendanceGoal', goals, (row) => ({ n: row.n, pupils: row.p }));
  countCells(
    'plansWithAttendanceGoal.reached',
    goals,
    (row) => ({ n: row.reached_n, pupils: row.reached_p, complementPupils: row.other_p }),
    'plansWithAttendanceGoal',
  );
  // A share beside its base gives the count back: it goes wherever the count goes.
  derivedCells(
    'plansWithAttendanceGoal.share',
    goals,
    (row) => ({ pupils: row.p, value: row.n ? round(row.reached_n / row.n, 3) : null }),
    ['plansWithAttendanceGoal.reached'],
  );
  for (const months of FOLLOW_UP_MONTHS) {
    const prefix = `followUps.${months}`;
    const list = rows.followUps.filter((row) => Number(row.months) === months);
    const at = (value: number | string | null | undefined) => Number(value ?? 0);
    countCells(`${prefix}.recorded`, list, (row) => ({ n: at(row.n), pupils: at(row.p) }));
    for (const name of FOLLOW_UP_FLAGS) {
      countCells(
        `${prefix}.${name}`,
        list,
        (row) => ({
          n: at(row[`${name}_n`]),
          pupils: at(row[`${name}_p`]),
          complementPupils: at(row[`${name}_other_p`]),
        }),
        `${prefix}.recorded`,
      );
    }
    derivedCells(
      `${prefix}.medianAttendancePercent`,
      list,
      (row) => ({ pupils: at(row.attendance_p), value: round(row.median, 1) }),
      [`${prefix}.recorded`],
    );
  }
  // Every school of the organisation is a unit, one without cases too (its zeros are small cells).
  const schoolIds = new Set(rows.schools);
  for (const row of [
    ...rows.casesByStatus,
    ...rows.daysToPlan,
    ...rows.leadTimes,
    ...rows.attendanceGoals,
    ...rows.followUps,
  ])
    if (!row.total) schoolIds.add(row.school_id!);
  return { schools: [...schoolIds], counts, derived, derivedValues };
}

/** One unit's figures of the suppressed table: a suppressed cell is null. */
export function outcomeFigures(table: OutcomeTable, suppression: Suppression, unit: string): OutcomeFigures {
  const values = new Map<string, Record<string, number | null>>(table.derivedValues);
  for (const cells of table.counts) {
    values.set(cells.name, Object.fromEntries(Object.entries(cells.units).map(([u, count]) => [u, count.n])));
  }
  /** The unit's figure, or null when suppressed. A count missing from the rows is 0. */
  const value = (name: string): number | null =>
    suppression.isSuppressed(unit, name) ? null : (values.get(name)?.[unit] ?? 0);

  const casesByStatus = Object.fromEntries(CASE_STATUSES.map((status) => [status, value(`casesByStatus.${status}`)]));
  const goalCount = value('plansWithAttendanceGoal');
  const plansWithAttendanceGoal: AttendanceGoalStatsDto | null =
    goalCount === null
      ? null
      : {
          count: goalCount,
          reached: value('plansWithAttendanceGoal.reached'),
          share: value('plansWithAttendanceGoal.share'),
        };
  const followUps = Object.fromEntries(
    FOLLOW_UP_MONTHS.map((months): [string, FollowUpStatsDto] => {
      const prefix = `followUps.${months}`;
      return [
        String(months),
        {
          recorded: value(`${prefix}.recorded`),
          backInSchoolOrWork20h: value(`${prefix}.backInSchoolOrWork20h`),
          newInterventions: Object.fromEntries(
            NEW_INTERVENTIONS.map((kind) => [kind, value(`${prefix}.newInterventions.${kind}`)]),
          ),
          medianAttendancePercent: value(`${prefix}.medianAttendancePercent`),
        },
      ];
    }),
  );
  // A suppressed group is named once, not with everything inside it.
  const suppressed = suppression
    .of(unit)
    .filter((name) => goalCount !== null || !name.startsWith('plansWithAttendanceGoal.'));
  return {
    casesByStatus,
    medianDaysToPlan: value('medianDaysToPlan'),
    leadTimes: LEAD_TIME_MEASURES.map((measure) => ({
      measure,
      medianDays: value(`leadTimes.${measure}.median`),
      p90Days: value(`leadTimes.${measure}.p90`),
    })),
    plansWithAttendanceGoal,
    followUps,
    suppressed,
  };
}
