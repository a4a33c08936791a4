/**
 * Results per intervention, in the terms MST Sweden reports them (seed 002), as pure logic: from
 * the courses ended in a period (one row each) to the table of counts and derived figures for the
 * organisation and each of its schools, which `suppressSmallCells` (@app/cases, the same rule as
 * the outcome statistics) then suppresses once for every caller.
 */
import { CountCells, DerivedCells, ORGANISATION, StatsTable } from '@app/cases';
import { Behaviour, BEHAVIOURS, COURSE_FOLLOW_UP_MONTHS, EndReason, followUpDue, median } from './intervention.rules';

/** The end reasons reported as slices of their own (the rest are "other"). */
export const REPORTED_END_REASONS = ['completed', 'placement', 'lack_of_engagement'] as const;

/** A course ended in the period, as the statistics need it. */
export interface EndedCourse {
  interventionId: string;
  schoolId: string;
  studentId: string;
  endedOn: string;
  endReason: EndReason;
  referredBehaviours: Behaviour[];
  attendanceBeforeStart: number | null;
  attendanceBeforeEnd: number | null;
  /** Recorded follow-ups by months. */
  followUps: Partial<Record<number, { newInterventionFor: Behaviour[]; schoolOrWork20h: boolean }>>;
}

/** The table before suppression, and every figure's value per unit. */
export interface InterventionTable extends StatsTable {
  values: Map<string, Record<string, number | null>>;
}

const round = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The name of one figure of one intervention in the table and in `suppressed`. */
export const cell = (interventionId: string, figure: string) => `${interventionId}.${figure}`;

/**
 * Every figure of every intervention for the organisation and each school:
 * - `ended` courses; `endReason.<r>` (yes/no within `ended`) and its share;
 * - per months m: `followUps.m.due` (ended courses whose follow-up can be recorded by `today`,
 *   from 14 days before it falls due), `followUps.m.recorded` (within due) and its share, `followUps.m.schoolOrWork20h`
 *   (within recorded) and its share;
 * - per behaviour b: `behaviours.b.atStart` (referred for it, within `ended`) and its share, and
 *   `behaviours.b.newIntervention.m` (a new intervention for it at the m-month follow-up, within
 *   recorded) and its share;
 * - `medianAttendanceBeforeStart`, `medianAttendanceBeforeEnd` over the courses with a figure.
 */
export function interventionTable(
  interventionIds: string[],
  schools: string[],
  courses: EndedCourse[],
  today: string,
): InterventionTable {
  const counts: CountCells[] = [];
  const derived: DerivedCells[] = [];
  const values = new Map<string, Record<string, number | null>>();
  const units = [ORGANISATION, ...schools];
  const inUnit = (unit: string, list: EndedCourse[]) =>
    unit === ORGANISATION ? list : list.filter((c) => c.schoolId === unit);
  const pupils = (list: EndedCourse[]) => new Set(list.map((c) => c.studentId)).size;

  for (const id of interventionIds) {
    const ended = courses.filter((c) => c.interventionId === id);
    /** A count over a subset of its base, with pupils on both sides, and its share of the base. */
    const yesNo = (
      name: string,
      base: (u: EndedCourse[]) => EndedCourse[],
      yes: (c: EndedCourse) => boolean,
      partOf: string,
    ) => {
      const perUnit = units.map((unit) => {
        const inBase = base(inUnit(unit, ended));
        const hits = inBase.filter(yes);
        return { unit, base: inBase, hits, no: inBase.filter((c) => !yes(c)) };
      });
      counts.push({
        name: cell(id, name),
        partOf: cell(id, partOf),
        units: Object.fromEntries(
          perUnit.map((u) => [u.unit, { n: u.hits.length, pupils: pupils(u.hits), complementPupils: pupils(u.no) }]),
        ),
      });
      values.set(cell(id, name), Object.fromEntries(perUnit.map((u) => [u.unit, u.hits.length])));
      derived.push({
        name: cell(id, `${name}.share`),
        dependsOn: [cell(id, name)],
        pupils: Object.fromEntries(perUnit.map((u) => [u.unit, pupils(u.base)])),
      });
      values.set(
        cell(id, `${name}.share`),
        Object.fromEntries(
          perUnit.map((u) => [u.unit, u.base.length ? round(u.hits.length / u.base.length, 3) : null]),
        ),
      );
    };

    /** A count that adds up across schools, protected as a column of its own. */
    const plain = (name: string, of: (list: EndedCourse[]) => EndedCourse[]) => {
      counts.push({
        name: cell(id, name),
        units: Object.fromEntries(
          units.map((unit) => [unit, { n: of(inUnit(unit, ended)).length, pupils: pupils(of(inUnit(unit, ended))) }]),
        ),
      });
      values.set(cell(id, name), Object.fromEntries(units.map((unit) => [unit, of(inUnit(unit, ended)).length])));
    };
    plain('ended', (list) => list);

    const all = (list: EndedCourse[]) => list;
    for (const reason of REPORTED_END_REASONS) {
      yesNo(`endReason.${reason}`, all, (c) => c.endReason === reason, 'ended');
    }
    for (const months of COURSE_FOLLOW_UP_MONTHS) {
      // Due: recordable by today (from two weeks before the day it falls due), so recorded ⊆ due.
      const isDue = (c: EndedCourse) => followUpDue(c.endedOn, months).recordableFrom <= today;
      const recorded = (list: EndedCourse[]) => list.filter((c) => c.followUps[months] !== undefined);
      // Which follow-ups are due says nothing about the pupils (only dates): a count of its own, not a part of `ended`.
      plain(`followUps.${months}.due`, (list) => list.filter(isDue));
      yesNo(
        `followUps.${months}.recorded`,
        (list) => list.filter(isDue),
        (c) => c.followUps[months] !== undefined,
        `followUps.${months}.due`,
      );
      yesNo(
        `followUps.${months}.schoolOrWork20h`,
        recorded,
        (c) => c.followUps[months]!.schoolOrWork20h,
        `followUps.${months}.recorded`,
      );
    }
    for (const behaviour of BEHAVIOURS) {
      yesNo(`behaviours.${behaviour}.atStart`, all, (c) => c.referredBehaviours.includes(behaviour), 'ended');
      for (const months of COURSE_FOLLOW_UP_MONTHS) {
        yesNo(
          `behaviours.${behaviour}.newIntervention.${months}`,
          (list) => list.filter((c) => c.followUps[months] !== undefined),
          (c) => c.followUps[months]!.newInterventionFor.includes(behaviour),
          `followUps.${months}.recorded`,
        );
      }
    }
    for (const [name, pick] of [
      ['medianAttendanceBeforeStart', (c: EndedCourse) => c.attendanceBeforeStart],
      ['medianAttendanceBeforeEnd', (c: EndedCourse) => c.attendanceBeforeEnd],
    ] as const) {
      const withFigure = (unit: string) => inUnit(unit, ended).filter((c) => pick(c) !== null);
      derived.push({
        name: cell(id, name),
        pupils: Object.fromEntries(units.map((unit) => [unit, pupils(withFigure(unit))])),
        dependsOn: [cell(id, 'ended')],
      });
      values.set(
        cell(id, name),
        Object.fromEntries(units.map((unit) => [unit, round(median(withFigure(unit).map((c) => pick(c)!)), 1)])),
      );
    }
  }
  return { schools, counts, derived, values };
}
